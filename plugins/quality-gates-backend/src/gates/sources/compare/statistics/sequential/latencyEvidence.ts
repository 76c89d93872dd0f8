import { BucketCounts } from '../histogram';
import { superiorityByFactor } from '../latencyShift';
import { checkQuantiles, QuantileCheck } from './latencyQuantiles';
import { LatencySettings } from './latencySettings';
import { logNormalMixture, normalMixtureBoundary } from './normalMixture';
import {
  SequentialVerdict,
  smallestReaching,
  stillMissing,
} from './sequentialVerdict';

/**
 * Information of P(candidate ÷ k > baseline) at a factor where it is ½:
 * the inverse of the Mann-Whitney statistic's variance, 12mn / (m + n + 1).
 */
export function rankInformation(m: number, n: number): number {
  return (12 * m * n) / (m + n + 1);
}

/**
 * The four one-sided rank statistics S = ±(Ŝ(k) − ½)·I at the tolerances:
 * "slower than 1 + tolerance", "faster than 1 − tolerance" and their
 * opposites at the pass tolerance.
 */
function rankStatistics(
  baseline: BucketCounts,
  candidate: BucketCounts,
  s: LatencySettings,
) {
  const superiority = superiorityByFactor(baseline, candidate);
  const at = (k: number) => (k > 0 ? superiority(k) - 0.5 : NaN);
  const up = s.direction !== 'decrease';
  const down = s.direction !== 'increase';
  return {
    slower: up ? at(1 + s.tolerance) : NaN,
    faster: down ? -at(1 - s.tolerance) : NaN,
    notSlower: up ? -at(1 + s.passTolerance) : NaN,
    notFaster: down ? at(1 - s.passTolerance) : NaN,
  };
}

type RankStatistics = ReturnType<typeof rankStatistics>;

function logEvidence(
  statistics: RankStatistics,
  information: number,
  rho: number,
) {
  const e = (centred: number) =>
    Number.isNaN(centred)
      ? undefined
      : logNormalMixture(centred * information, information, rho);
  const defined = (xs: (number | undefined)[]) =>
    xs.filter((x): x is number => x !== undefined);
  return {
    fail: Math.max(
      -Infinity,
      ...defined([e(statistics.slower), e(statistics.faster)]),
    ),
    // A pass must rule out every direction that counts.
    pass: Math.min(
      Infinity,
      ...defined([e(statistics.notSlower), e(statistics.notFaster)]),
    ),
  };
}

export interface LatencyEvidence {
  state: SequentialVerdict['state'];
  logFail: number;
  logPass: number;
  quantiles: QuantileCheck[];
}

/**
 * The decision alone: fail when the whole latency's slow-down beyond the
 * tolerance is established, or a quantile's is; pass when the whole
 * latency is shown within the pass tolerance, no quantile's estimate is
 * past the tolerance, and both sides hold the minimum.
 */
export function latencyEvidence(
  baseline: BucketCounts,
  candidate: BucketCounts,
  s: LatencySettings,
  /** False: skip the quantiles' intervals once the whole latency fails. */
  withIntervals = false,
): LatencyEvidence {
  if (
    !(baseline.total > 0 && candidate.total > 0) ||
    baseline.upperBounds.length < 2 ||
    !(baseline.upperBounds[0] > 0)
  ) {
    return { state: 'inconclusive', logFail: 0, logPass: 0, quantiles: [] };
  }
  const information = rankInformation(baseline.total, candidate.total);
  const { fail, pass } = logEvidence(
    rankStatistics(baseline, candidate, s),
    information,
    s.rho,
  );
  // Reported against the threshold of passing, so both read alike.
  const logFail = fail - (s.logWholeFailThreshold - s.logThreshold);
  // Once the whole latency fails, the quantiles' intervals change nothing.
  if (fail >= s.logWholeFailThreshold) {
    return {
      state: 'fail',
      logFail,
      logPass: pass,
      quantiles: checkQuantiles(baseline, candidate, s, withIntervals),
    };
  }
  const quantiles = checkQuantiles(baseline, candidate, s);
  if (quantiles.some(q => q.confirmedBeyondTolerance)) {
    return { state: 'fail', logFail, logPass: pass, quantiles };
  }
  const floor = baseline.total >= s.minimum && candidate.total >= s.minimum;
  const tailClear = quantiles.every(q => !q.estimateBeyondTolerance);
  return {
    state:
      floor && tailClear && pass >= s.logThreshold ? 'pass' : 'inconclusive',
    logFail,
    logPass: pass,
    quantiles,
  };
}

const NEEDED_LIMIT = 1e8;

/** The same shares with `more` observations: counts scaled up. */
function scaled(buckets: BucketCounts, more: number): BucketCounts {
  if (more <= 0) return buckets;
  const k = (buckets.total + more) / buckets.total;
  return {
    upperBounds: buckets.upperBounds,
    counts: buckets.counts.map(c => c * k),
    cumulative: buckets.cumulative.map(c => c * k),
    total: buckets.total * k,
  };
}

/**
 * More candidate observations until a decision if the latencies keep their
 * shape: information grows with the counts (the baseline's in proportion
 * when it grows), the rank statistics and bucket shares do not. A pass is
 * searched only when no quantile's estimate blocks it.
 */
export function neededForLatencyDecision(
  baseline: BucketCounts,
  candidate: BucketCounts,
  s: LatencySettings,
  baselineGrows: boolean,
): number | undefined {
  const m = baseline.total;
  const n = candidate.total;
  if (!(m > 0 && n > 0)) return undefined;
  const statistics = rankStatistics(baseline, candidate, s);
  const share = baselineGrows ? m / n : 0;
  const evidenceAfter = (more: number) =>
    logEvidence(statistics, rankInformation(m + more * share, n + more), s.rho);
  const options: number[] = [];
  const failing = smallestReaching(
    more =>
      evidenceAfter(more).fail >= s.logWholeFailThreshold ||
      checkQuantiles(
        scaled(baseline, more * share),
        scaled(candidate, more),
        s,
      ).some(q => q.confirmedBeyondTolerance),
    NEEDED_LIMIT,
  );
  if (failing !== undefined) options.push(failing);
  let floor = stillMissing(s.minimum, n);
  const baselineShort = stillMissing(s.minimum, m);
  if (baselineShort > 0) {
    floor =
      share > 0 ? Math.max(floor, Math.ceil(baselineShort / share)) : Infinity;
  }
  const tailBlocks = checkQuantiles(baseline, candidate, s).some(
    q => q.estimateBeyondTolerance,
  );
  if (floor !== Infinity && !tailBlocks) {
    const passing = smallestReaching(
      more => evidenceAfter(Math.max(more, floor)).pass >= s.logThreshold,
      NEEDED_LIMIT,
    );
    if (passing !== undefined) options.push(Math.max(passing, floor));
  }
  return options.length ? Math.min(...options) : undefined;
}

/**
 * The factors k not yet ruled out: where P(candidate ÷ k > baseline) stays
 * within the boundary of ½ (bisection on log k; it falls as k grows).
 */
export function factorConfidenceSequence(
  baseline: BucketCounts,
  candidate: BucketCounts,
  s: LatencySettings,
): { estimate: number; lower: number; upper: number } {
  const information = rankInformation(baseline.total, candidate.total);
  // Each end at the threshold of the decision it makes: the end toward a
  // regression fails, the other passes (both fail for `either`).
  const marginAt = (logThreshold: number) =>
    normalMixtureBoundary(information, s.rho, logThreshold) / information;
  const failMargin = marginAt(s.logWholeFailThreshold);
  const passMargin = marginAt(
    s.direction === 'either' ? s.logWholeFailThreshold : s.logThreshold,
  );
  const lowerMargin = s.direction === 'decrease' ? passMargin : failMargin;
  const upperMargin = s.direction === 'decrease' ? failMargin : passMargin;
  const superiority = superiorityByFactor(baseline, candidate);
  const where = (target: number) => {
    let low = Math.log(1e-6);
    let high = Math.log(1e6);
    if (superiority(Math.exp(low)) < target) return 0;
    if (superiority(Math.exp(high)) > target) return Infinity;
    for (let step = 0; step < 80; step++) {
      const middle = (low + high) / 2;
      if (superiority(Math.exp(middle)) > target) low = middle;
      else high = middle;
    }
    return Math.exp((low + high) / 2);
  };
  return {
    estimate: where(0.5),
    lower: where(0.5 + lowerMargin),
    upper: where(0.5 - upperMargin),
  };
}
