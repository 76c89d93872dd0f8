/*
 * Simulation bench of the compare criterion's sequential statistics
 * (issue 17): many versions, each looked at once a minute for an hour as
 * its traffic arrives, judged at every look by the sequential judges and,
 * in the same run on the same data, by the fixed-sample judges of
 * proportions.ts and histogram.ts asked at every look (the naive repeated
 * look). Reports, per scenario, how often each method's first decision
 * was a fail or a pass, how often any look failed or passed, and the
 * median look of the first decision, with the naive over the sequential
 * as ratios.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/sequential-statistics.ts
 */
import { performance } from 'node:perf_hooks';
import { compareLatencyHistograms } from '../plugins/quality-gates-backend/src/gates/sources/compare/statistics/histogram';
import { compareErrorRatios } from '../plugins/quality-gates-backend/src/gates/sources/compare/statistics/proportions';
import { errorRatioEvidence } from '../plugins/quality-gates-backend/src/gates/sources/compare/statistics/sequential/errorRatioEvidence';
import { errorRatioSettings } from '../plugins/quality-gates-backend/src/gates/sources/compare/statistics/sequential/errorRatioSettings';
import { latencyEvidence } from '../plugins/quality-gates-backend/src/gates/sources/compare/statistics/sequential/latencyEvidence';
import { latencySettings } from '../plugins/quality-gates-backend/src/gates/sources/compare/statistics/sequential/latencySettings';
import {
  DEFAULT_BUCKETS,
  lookAtErrors,
  lookAtLatency,
  LookOutcome,
  median,
  rate,
  seededRandom,
  ServiceVersion,
  serviceVersions,
} from '../plugins/quality-gates-backend/src/gates/sources/compare/statistics/sequential/__testUtils__/simulate';
import { runBench } from './lib/runBench';

const CLEAN = Number(process.env.BENCH_CLEAN ?? 100_000);
const REGRESSED = Number(process.env.BENCH_REGRESSED ?? 10_000);
const NAIVE_ERRORS = Number(process.env.BENCH_NAIVE_ERRORS ?? 10_000);
const NAIVE_LATENCY = Number(process.env.BENCH_NAIVE_LATENCY ?? 1_000);
const SEED = Number(process.env.BENCH_SEED ?? 17);
const LOOKS = 60;
const CONFIDENCE = 0.99;

type Traffic = Parameters<typeof serviceVersions>[3];
const PROFILES: { name: string; traffic: Traffic }[] = [
  {
    name: 'low traffic: candidate 0.5–3 requests/s, errors 0.3–5 %',
    traffic: { candidatePerLook: [30, 180], errorRatios: [0.003, 0.05] },
  },
  {
    name: 'replay canaries: candidate 1–24 requests/s, errors 0.3–3 %',
    traffic: { candidatePerLook: [60, 1440], errorRatios: [0.003, 0.03] },
  },
];

type Change = Parameters<typeof serviceVersions>[2];
interface Scenario {
  name: string;
  metric: 'errors' | 'latency';
  change: Change;
  clean: boolean;
}
const SCENARIOS: Scenario[] = [
  { name: 'clean', metric: 'errors', change: {}, clean: true },
  ...[1.2, 1.5, 2, 3, 5].map(f => ({
    name: `error ratio ×${f}`,
    metric: 'errors' as const,
    change: { errorFactor: f },
    clean: false,
  })),
  { name: 'clean', metric: 'latency', change: {}, clean: true },
  ...[1.1, 1.25, 1.5, 2].map(f => ({
    name: `latency ×${f}`,
    metric: 'latency' as const,
    change: { latencyFactor: f },
    clean: false,
  })),
  {
    name: 'slow tail: 3 % ×7',
    metric: 'latency',
    change: { tail: { share: 0.03, factor: 7 } },
    clean: false,
  },
];

type State = 'pass' | 'fail' | 'inconclusive';

function histogramOf(counts: { upperBounds: number[]; cumulative: number[] }) {
  return {
    buckets: counts.upperBounds.map((le, i) => ({
      le,
      count: counts.cumulative[i],
    })),
  };
}

function judges(metric: Scenario['metric']) {
  if (metric === 'errors') {
    const s = errorRatioSettings({ confidenceLevel: CONFIDENCE });
    return {
      sequential: (looks: number, random: () => number, v: ServiceVersion) =>
        lookAtErrors(
          v,
          looks,
          random,
          (b, c) => errorRatioEvidence(b, c, s).state,
        ),
      naive: (looks: number, random: () => number, v: ServiceVersion) =>
        lookAtErrors(
          v,
          looks,
          random,
          (b, c) =>
            compareErrorRatios(b, c, { confidenceLevel: CONFIDENCE })
              .state as State,
        ),
    };
  }
  const s = latencySettings({ confidenceLevel: CONFIDENCE });
  return {
    sequential: (looks: number, random: () => number, v: ServiceVersion) =>
      lookAtLatency(v, looks, random, (b, c) => latencyEvidence(b, c, s).state),
    naive: (looks: number, random: () => number, v: ServiceVersion) =>
      lookAtLatency(
        v,
        looks,
        random,
        (b, c) =>
          compareLatencyHistograms(histogramOf(b), histogramOf(c), {
            confidenceLevel: CONFIDENCE,
          }).state as State,
      ),
  };
}

interface Summary {
  versions: number;
  firstFail: number;
  firstPass: number;
  everFail: number;
  everPass: number;
  medianLook: number;
  decidedWithin10: number;
  failedWithin3: number;
  seconds: number;
}

function summarise(outcomes: LookOutcome[], seconds: number): Summary {
  const decided = outcomes.filter(o => o.firstLook > 0);
  return {
    versions: outcomes.length,
    firstFail: rate(outcomes, o => o.first === 'fail'),
    firstPass: rate(outcomes, o => o.first === 'pass'),
    everFail: rate(outcomes, o => o.everFail),
    everPass: rate(outcomes, o => o.everPass),
    medianLook: median(decided.map(o => o.firstLook)),
    decidedWithin10: rate(outcomes, o => o.firstLook > 0 && o.firstLook <= 10),
    failedWithin3: rate(outcomes, o => o.first === 'fail' && o.firstLook <= 3),
    seconds,
  };
}

function run(
  scenario: Scenario,
  traffic: Traffic,
  method: 'sequential' | 'naive',
  count: number,
  seed: number,
): Summary {
  // The same seed gives both methods the same versions and traffic.
  const random = seededRandom(seed);
  const versions = serviceVersions(count, random, scenario.change, traffic);
  const judge = judges(scenario.metric)[method];
  const started = performance.now();
  const outcomes = versions.map(v => judge(LOOKS, random, v));
  return summarise(outcomes, (performance.now() - started) / 1000);
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 3 : 1)} %`;
const ratio = (naive: number, sequential: number) => {
  if (sequential === 0) return naive === 0 ? '–' : '∞';
  return `×${(naive / sequential).toPrecision(3)}`;
};

function report(name: string, s: Summary, n?: Summary) {
  const cell = (key: keyof Summary, format: (x: number) => string) =>
    n
      ? `${format(s[key])} | ${format(n[key])} | ${ratio(n[key], s[key])}`
      : `${format(s[key])} | – | –`;
  const look = (x: number) => (Number.isNaN(x) ? '–' : `${x}`);
  console.log(
    `| ${name} | ${s.versions}${n ? ` / ${n.versions}` : ''} | ${cell(
      'firstFail',
      pct,
    )} | ${cell('firstPass', pct)} | ${cell('everFail', pct)} | ${cell(
      'everPass',
      pct,
    )} | ${cell('medianLook', look)} | ${pct(s.decidedWithin10)} | ${pct(
      s.failedWithin3,
    )} |`,
  );
}

async function main() {
  console.log(
    `Sequential statistics bench: ${LOOKS} looks a minute apart, confidence ${CONFIDENCE}, seed ${SEED}; ` +
      `${CLEAN} clean and ${REGRESSED} regressed versions per scenario for the sequential judges, ` +
      `${NAIVE_ERRORS} (error ratio) and ${NAIVE_LATENCY} (latency) for the fixed-sample judges at every look (same versions, a prefix).`,
  );
  console.log(`Default buckets: ${DEFAULT_BUCKETS.join(', ')}`);
  for (const [p, profile] of PROFILES.entries()) {
    console.log(`\n### ${profile.name}\n`);
    console.log(
      '| scenario | versions (seq / naive) | first fail: seq | naive | naive/seq | first pass: seq | naive | naive/seq | ever fail: seq | naive | naive/seq | ever pass: seq | naive | naive/seq | median look: seq | naive | naive/seq | seq decided ≤ 10 looks | seq failed ≤ 3 looks |',
    );
    console.log(`|${' --- |'.repeat(20)}`);
    for (const [i, scenario] of SCENARIOS.entries()) {
      const seed = SEED + 1000 * p + i;
      const count = scenario.clean ? CLEAN : REGRESSED;
      const naiveCount = Math.min(
        count,
        scenario.metric === 'errors' ? NAIVE_ERRORS : NAIVE_LATENCY,
      );
      const sequential = run(
        scenario,
        profile.traffic,
        'sequential',
        count,
        seed,
      );
      const naive =
        naiveCount > 0
          ? run(scenario, profile.traffic, 'naive', naiveCount, seed)
          : undefined;
      report(`${scenario.metric}: ${scenario.name}`, sequential, naive);
      console.error(
        `  (${scenario.metric} ${
          scenario.name
        }: sequential ${sequential.seconds.toFixed(1)} s${
          naive ? `, naive ${naive.seconds.toFixed(1)} s` : ''
        })`,
      );
    }
  }
}

runBench(main, new Set());
