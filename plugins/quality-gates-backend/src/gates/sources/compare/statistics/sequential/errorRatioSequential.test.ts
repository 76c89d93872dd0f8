import { compareErrorRatios } from '../proportions';
import { errorRatioEvidence } from './errorRatioEvidence';
import { judgeErrorRatioSequentially } from './errorRatioSequential';
import { errorRatioSettings } from './errorRatioSettings';

const counts = (errors: number, requests: number) => ({ errors, requests });

describe('sequential error ratio', () => {
  it('fails a decisive regression at once, below the minimum sample: 1 % → 5.9 % with 424 requests', () => {
    // A canary at 10 %: the old version served nine times as many.
    const verdict = judgeErrorRatioSequentially(
      counts(38, 3816),
      counts(25, 424),
    );
    expect(verdict.state).toBe('fail');
    expect(verdict.sampleSizes.candidate).toBeLessThan(
      verdict.sampleSizes.minimum,
    );
    expect(verdict.evidence.fail).toBeGreaterThan(verdict.evidence.threshold);
    expect(verdict.pValue).toBeLessThan(0.01);
    expect(verdict.effect!.interval!.lower).toBeGreaterThan(1.2);
    expect(verdict.reasons[0]).toBe(
      'error ratio 0.996 % → 5.9 %, beyond the +20 % (and +0.1 pp) tolerance with 99 % confidence, valid at any number of looks (ratio ×1.85 to ×17.3; e-value 1.2e+5)',
    );
  });

  it('fails threefold and fivefold error ratios at modest traffic, below the minimum', () => {
    // 3 % → 9 % at 450 requests; 1 % → 5 % at 400; baselines ten times as big.
    for (const [baseline, candidate] of [
      [counts(135, 4500), counts(41, 450)],
      [counts(40, 4000), counts(20, 400)],
    ]) {
      const verdict = judgeErrorRatioSequentially(baseline, candidate);
      expect(verdict.state).toBe('fail');
      expect(verdict.missing?.map(m => m.side)).toEqual(['candidate']);
    }
  });

  it('asks for more traffic, and says how much, when the same regression has a baseline as small', () => {
    // 4/424 against 25/424: neither side is known well enough yet.
    const verdict = judgeErrorRatioSequentially(
      counts(4, 424),
      counts(25, 424),
      { observedSeconds: 424 },
    );
    expect(verdict.state).toBe('inconclusive');
    expect(verdict.needed).toBeGreaterThan(20);
    expect(verdict.needed).toBeLessThan(200);
    // 1 request/s: the wait in seconds is the traffic needed.
    expect(verdict.secondsToDecision).toBe(verdict.needed);
  });

  it('keeps a clean canary at 400–470 requests inconclusive until the 500 floor, with a small need', () => {
    // 10 % errors (a flaky dependency): enough errors to show by about 500
    // requests that the ratio stays below double the baseline's.
    for (const requests of [400, 430, 470]) {
      const verdict = judgeErrorRatioSequentially(
        counts(1000, 10_000),
        counts(requests / 10, requests),
        { observedSeconds: requests / 2 },
      );
      expect(verdict.state).toBe('inconclusive');
      expect(verdict.needed).toBeGreaterThanOrEqual(500 - requests);
      expect(verdict.needed).toBeLessThanOrEqual(120);
      // 2 requests/s.
      expect(verdict.secondsToDecision).toBe(Math.ceil(verdict.needed! / 2));
      expect(verdict.missing).toEqual([
        {
          side: 'candidate',
          missing: 500 - requests,
          secondsToWait: (500 - requests) / 2,
        },
      ]);
      expect(verdict.reasons).toContain(
        `candidate needs ${500 - requests} more requests before a pass (about ${
          (500 - requests) / 2
        } sec at the current rate)`,
      );
    }
    const atFloor = judgeErrorRatioSequentially(
      counts(1000, 10_000),
      counts(50, 500),
    );
    expect(atFloor.state).toBe('pass');
    expect(atFloor.reasons[0]).toMatch(
      /^error ratio 10 % → 10 %, within the \+200 % \(and \+0\.1 pp\) a pass allows with 99 % confidence, valid at any number of looks/,
    );
  });

  it('needs evidence to pass: a clean 1 % canary at 500 requests is not yet a pass', () => {
    const verdict = judgeErrorRatioSequentially(
      counts(100, 10_000),
      counts(5, 500),
    );
    expect(verdict.state).toBe('inconclusive');
    // Five errors cannot show it under ×3; about a dozen can.
    expect(verdict.needed).toBeGreaterThan(300);
    // Once the traffic it asked for has arrived at the same ratios, it passes.
    // (Rounded to whole requests, a little more to be safe.)
    const later = Math.ceil((500 + verdict.needed!) / 100) * 100 + 100;
    const grown = later / 500;
    expect(
      judgeErrorRatioSequentially(
        counts(100 * grown, 10_000 * grown),
        counts(later / 100, later),
      ).state,
    ).toBe('pass');
  });

  it('never passes a side without the minimum, however clean', () => {
    const verdict = judgeErrorRatioSequentially(
      counts(8, 400),
      counts(2000, 100_000),
      { baselineGrows: false },
    );
    expect(verdict.state).toBe('inconclusive');
    expect(verdict.missing?.map(m => m.side)).toEqual(['baseline']);
    // A closed baseline window never reaches the floor.
    expect(verdict.needed).toBeUndefined();
  });

  it('is stricter than the fixed-sample test, which holds only at one look', () => {
    // Significant at one look (z test, 99 %), not yet at every look.
    const baseline = counts(100, 10_000);
    const candidate = counts(33, 1500);
    expect(
      compareErrorRatios(baseline, candidate, {
        confidenceLevel: 0.99,
        minRequests: 0,
      }).state,
    ).toBe('fail');
    expect(judgeErrorRatioSequentially(baseline, candidate).state).toBe(
      'inconclusive',
    );
  });

  it('judges fewer errors as the regression for `decrease`, and both for `either`', () => {
    const baseline = counts(500, 10_000);
    const fewer = counts(5, 1000);
    expect(
      judgeErrorRatioSequentially(baseline, fewer, { direction: 'decrease' })
        .state,
    ).toBe('fail');
    expect(
      judgeErrorRatioSequentially(baseline, fewer, { direction: 'either' })
        .state,
    ).toBe('fail');
    expect(judgeErrorRatioSequentially(baseline, fewer).state).toBe('pass');
  });

  it('reports intervals that hold the estimates', () => {
    const verdict = judgeErrorRatioSequentially(
      counts(100, 10_000),
      counts(30, 1000),
    );
    expect(verdict.interval!.lower).toBeLessThan(0.02);
    expect(verdict.interval!.upper).toBeGreaterThan(0.02);
    expect(verdict.effect!.interval!.lower).toBeLessThan(3);
    expect(verdict.effect!.interval!.upper).toBeGreaterThan(3);
  });

  it('is inconclusive without traffic on a side', () => {
    const verdict = judgeErrorRatioSequentially(counts(0, 0), counts(3, 10));
    expect(verdict.state).toBe('inconclusive');
    expect(verdict.reasons).toEqual(['a side has no requests to compare']);
  });

  it('refuses impossible counts and tolerances', () => {
    expect(() =>
      judgeErrorRatioSequentially(counts(5, 4), counts(0, 10)),
    ).toThrow(/baseline: errors and requests/);
    expect(() => errorRatioSettings({ tolerance: { relative: -0.1 } })).toThrow(
      /tolerance must have a relative part/,
    );
  });

  it('decides with the lean evidence exactly as the verdict does', () => {
    const s = errorRatioSettings();
    for (const [b, c] of [
      [counts(38, 3816), counts(25, 424)],
      [counts(1000, 10_000), counts(50, 500)],
      [counts(100, 10_000), counts(5, 500)],
    ]) {
      expect(errorRatioEvidence(b, c, s).state).toBe(
        judgeErrorRatioSequentially(b, c).state,
      );
    }
  });
});
