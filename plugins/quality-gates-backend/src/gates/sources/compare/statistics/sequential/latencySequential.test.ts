import { orderStatisticRanks } from '../histogram';
import {
  DEFAULT_BUCKETS,
  logNormalBucketShares,
} from './__testUtils__/simulate';
import { latencyEvidence } from './latencyEvidence';
import { judgeLatencySequentially } from './latencySequential';
import { latencySettings } from './latencySettings';
import { timeUniformRanks } from './quantileSequence';

/**
 * Exact expected bucket counts (fractional, as Prometheus' increase()
 * gives them) of a log-normal latency, σ = 0.5.
 */
function histogram(
  total: number,
  median: number,
  tail?: { share: number; factor: number },
) {
  const shares = logNormalBucketShares(median, 0.5, DEFAULT_BUCKETS, tail);
  let running = 0;
  return {
    buckets: shares.map((share, i) => ({
      le: DEFAULT_BUCKETS[i],
      count: (running += share * total),
    })),
  };
}

describe('sequential latency', () => {
  it('fails a +50 % median at once: 180 requests, 3 minutes at 1 request/s', () => {
    const verdict = judgeLatencySequentially(
      histogram(2000, 0.08),
      histogram(180, 0.12),
      { observedSeconds: 180 },
    );
    expect(verdict.state).toBe('fail');
    expect(verdict.effect!.interval!.lower).toBeGreaterThan(1.1);
    expect(verdict.reasons[0]).toMatch(
      /^latency as a whole ×1\.\d+ \(×1\.\d+ to ×\d\.\d+\), beyond the \+10 % tolerance with 99 % confidence, valid at any number of looks/,
    );
    // Even with a baseline as small as the candidate.
    expect(
      judgeLatencySequentially(histogram(180, 0.08), histogram(180, 0.12))
        .state,
    ).toBe('fail');
  });

  it('keeps a clean canary at 400–470 observations inconclusive until the 500 floor, with a small need', () => {
    for (const n of [400, 430, 470]) {
      const verdict = judgeLatencySequentially(
        histogram(5000, 0.08),
        histogram(n, 0.08),
        { observedSeconds: n },
      );
      expect(verdict.state).toBe('inconclusive');
      expect(verdict.evidence.pass).toBeGreaterThan(verdict.evidence.threshold);
      expect(verdict.needed).toBe(500 - n);
      expect(verdict.secondsToDecision).toBe(500 - n);
    }
    const atFloor = judgeLatencySequentially(
      histogram(5000, 0.08),
      histogram(500, 0.08),
    );
    expect(atFloor.state).toBe('pass');
    expect(atFloor.reasons[0]).toMatch(
      /^latency as a whole ×1 \(×0\.\d+ to ×1\.\d+\), within the \+25 % a pass allows with 99 % confidence, valid at any number of looks/,
    );
  });

  it('never passes a slow tail, and fails it once its quantile is established', () => {
    // 3 % of requests seven times slower: the ranks hardly move.
    const tail = { share: 0.03, factor: 7 };
    const early = judgeLatencySequentially(
      histogram(5000, 0.08),
      histogram(600, 0.08, tail),
    );
    expect(early.state).toBe('inconclusive');
    expect(
      early.quantiles.find(q => q.quantile === 0.99)?.estimateBeyondTolerance,
    ).toBe(true);
    expect(early.reasons).toContain(
      early.reasons.find(
        r =>
          r.startsWith('p99') &&
          r.includes('no pass until its interval decides'),
      ),
    );
    const later = judgeLatencySequentially(
      histogram(50_000, 0.08),
      histogram(6000, 0.08, tail),
    );
    expect(later.state).toBe('fail');
    expect(
      later.quantiles.find(q => q.quantile === 0.99)?.confirmedBeyondTolerance,
    ).toBe(true);
  });

  it('judges faster as the regression for `decrease`', () => {
    const baseline = histogram(2000, 0.12);
    const faster = histogram(1000, 0.06);
    expect(
      judgeLatencySequentially(baseline, faster, { direction: 'decrease' })
        .state,
    ).toBe('fail');
    expect(judgeLatencySequentially(baseline, faster).state).not.toBe('fail');
  });

  it('is inconclusive on empty or unscalable histograms, and refuses different buckets', () => {
    expect(
      judgeLatencySequentially(histogram(0, 0.1), histogram(100, 0.1)).state,
    ).toBe('inconclusive');
    expect(() =>
      judgeLatencySequentially(histogram(10, 0.1), {
        buckets: [
          { le: 1, count: 5 },
          { le: Infinity, count: 5 },
        ],
      }),
    ).toThrow(/different buckets/);
  });

  it('decides with the lean evidence as the verdict does', () => {
    const s = latencySettings();
    const counts = (h: ReturnType<typeof histogram>) => {
      const cumulative = h.buckets.map(b => b.count);
      return {
        upperBounds: DEFAULT_BUCKETS,
        cumulative,
        counts: cumulative.map((c, i) => (i ? c - cumulative[i - 1] : c)),
        total: cumulative[cumulative.length - 1],
      };
    };
    for (const [b, c] of [
      [histogram(2000, 0.08), histogram(180, 0.12)],
      [histogram(5000, 0.08), histogram(500, 0.08)],
      [histogram(5000, 0.08), histogram(600, 0.08, { share: 0.03, factor: 7 })],
    ]) {
      expect(latencyEvidence(counts(b), counts(c), s).state).toBe(
        judgeLatencySequentially(b, c).state,
      );
    }
  });
});

describe('time-uniform quantile ranks', () => {
  it('hold the fixed-sample ranks of the same level, and n·q', () => {
    for (const [n, q] of [
      [100, 0.5],
      [1000, 0.9],
      [20_000, 0.99],
    ]) {
      const fixed = orderStatisticRanks(n, q, 0.98);
      const uniform = timeUniformRanks(n, q, Math.log(100));
      expect(uniform.lower).toBeLessThanOrEqual(fixed.lower);
      expect(uniform.upper).toBeGreaterThanOrEqual(fixed.upper);
      expect(uniform.lower).toBeLessThan(n * q);
      expect(uniform.upper).toBeGreaterThan(n * q);
    }
  });

  it('are open above with too few observations for the quantile', () => {
    expect(timeUniformRanks(100, 0.99, Math.log(100)).upper).toBe(Infinity);
  });
});
