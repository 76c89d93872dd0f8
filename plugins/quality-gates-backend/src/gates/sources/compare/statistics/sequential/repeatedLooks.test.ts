/*
 * The sequential statistics against simulation: many versions, each looked
 * at every minute for an hour as its traffic arrives (60 looks), counting
 * every decision any look would have made. Seeded, so every run sees the
 * same versions; the observed rates are in the test names. The bench
 * (bench/sequential-statistics.ts) runs ten times as many.
 */
import {
  lookAtErrors,
  lookAtLatency,
  LookOutcome,
  rate,
  seededRandom,
  ServiceVersion,
  serviceVersions,
} from './__testUtils__/simulate';
import { errorRatioEvidence } from './errorRatioEvidence';
import { errorRatioSettings } from './errorRatioSettings';
import { latencyEvidence } from './latencyEvidence';
import { latencySettings } from './latencySettings';

const LOOKS = 60;
const ALPHA = 0.01;

function errorRuns(count: number, seed: number, errorFactor: number) {
  const random = seededRandom(seed);
  const s = errorRatioSettings();
  return serviceVersions(count, random, { errorFactor }).map(version =>
    lookAtErrors(
      version,
      LOOKS,
      random,
      (b, c) => errorRatioEvidence(b, c, s).state,
    ),
  );
}

function latencyRuns(
  count: number,
  seed: number,
  latencyFactor: number,
  versions?: ServiceVersion[],
) {
  const random = seededRandom(seed);
  const s = latencySettings();
  return (versions ?? serviceVersions(count, random, { latencyFactor })).map(
    version =>
      lookAtLatency(
        version,
        LOOKS,
        random,
        (b, c) => latencyEvidence(b, c, s).state,
      ),
  );
}

/** α plus three standard errors of a rate observed over `count` versions. */
const bound = (count: number) =>
  ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / count);

const show = (x: number) => `${+(x * 100).toFixed(2)} %`;

describe('error ratio under 60 looks', () => {
  const clean = errorRuns(10_000, 1, 1);
  const everFail = rate(clean, o => o.everFail);
  it(`fails ${show(everFail)} of 10,000 clean versions (bound 1 %)`, () => {
    expect(clean).toHaveLength(10_000);
    expect(everFail).toBeLessThanOrEqual(ALPHA);
  });

  // The pass tolerance's edge is the hardest regression not to pass.
  const atPassEdge = errorRuns(2000, 2, 3);
  const everPass = rate(atPassEdge, o => o.everPass);
  it(`passes ${show(
    everPass,
  )} of 2,000 versions with three times the error ratio (bound 1 %)`, () => {
    expect(everPass).toBeLessThanOrEqual(bound(2000));
  });

  const decisive = errorRuns(2000, 3, 5);
  it('fails most fivefold error ratios and passes none', () => {
    expect(rate(decisive, o => o.everPass)).toBe(0);
    expect(rate(decisive, o => o.first === 'fail')).toBeGreaterThan(0.95);
  });
});

describe('latency under 60 looks', () => {
  const clean = latencyRuns(10_000, 4, 1);
  const everFail = rate(clean, o => o.everFail);
  const passed = rate(clean, o => o.first === 'pass');
  it(`fails ${show(
    everFail,
  )} of 10,000 clean versions (bound 1 %) and passes ${show(passed)}`, () => {
    expect(clean).toHaveLength(10_000);
    expect(everFail).toBeLessThanOrEqual(ALPHA);
    expect(passed).toBeGreaterThan(0.95);
  });

  const atPassEdge = latencyRuns(2000, 5, 1.25);
  const everPass = rate(atPassEdge, o => o.everPass);
  it(`passes ${show(
    everPass,
  )} of 2,000 versions 25 % slower (bound 1 %)`, () => {
    expect(everPass).toBeLessThanOrEqual(bound(2000));
  });

  // A minute per look: the candidate's 30–180 observations a look are
  // 0.5–3 requests/s.
  const versions = serviceVersions(2000, seededRandom(6), {
    latencyFactor: 1.5,
  });
  const decisive: LookOutcome[] = latencyRuns(0, 7, 1.5, versions);
  const busy = decisive.filter((_, i) => versions[i].candidatePerLook >= 60);
  const withinThree = rate(busy, o => o.first === 'fail' && o.firstLook <= 3);
  it(`fails ${show(
    withinThree,
  )} of +50 % latencies at ≥ 1 request/s within 3 looks, passing none`, () => {
    expect(rate(decisive, o => o.everPass)).toBe(0);
    expect(rate(decisive, o => o.first === 'fail')).toBe(1);
    expect(withinThree).toBeGreaterThan(0.99);
  });
});
