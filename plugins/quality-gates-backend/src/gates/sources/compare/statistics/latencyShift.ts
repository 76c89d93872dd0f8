import type { BucketCounts } from './histogram';
import { normalQuantile } from './normal';

/**
 * How much slower the candidate is as a whole: the factor k by which its
 * latencies would have to be divided to be as fast as the baseline's in
 * the rank sense, P(candidate ÷ k > baseline) = ½, with the interval of
 * factors the rank comparison does not reject (Hodges-Lehmann's idea on
 * the log scale). It uses every bucket at once, so an interpolation that
 * misplaces one quantile inside a sparse bucket hardly moves it.
 */
export interface LatencyShift {
  /** Candidate over baseline, e.g. 1.3 for 30 % slower. */
  estimate: number;
  /** Two-sided at `confidenceLevel`; 0 or Infinity when out of reach. */
  lower: number;
  upper: number;
  confidenceLevel: number;
}

/** Search range of the factor, far beyond any latency change. */
const LOWEST_FACTOR = 1e-6;
const HIGHEST_FACTOR = 1e6;
const BISECTION_STEPS = 80;

/**
 * A side as PromQL's `histogram_quantile` sees it: values spread evenly
 * inside each finite bucket (the first from 0), the `+Inf` bucket above
 * every finite value.
 */
interface EvenlySpread {
  lowers: number[];
  uppers: number[];
  /** Shares of the finite buckets, and of +Inf. */
  shares: number[];
  infinite: number;
  /** ∫₀ᵗ F at each upper bound, F counting finite values only. */
  integralAt: number[];
}

function spread(buckets: BucketCounts): EvenlySpread {
  const finite = buckets.upperBounds.length - 1;
  const lowers = buckets.upperBounds
    .slice(0, finite)
    .map((_, i) => (i ? buckets.upperBounds[i - 1] : 0));
  const uppers = buckets.upperBounds.slice(0, finite);
  const shares = buckets.counts.slice(0, finite).map(c => c / buckets.total);
  const integralAt: number[] = [];
  let cdf = 0;
  let integral = 0;
  for (let i = 0; i < finite; i++) {
    // F rises linearly across the bucket: the trapezoid under it.
    integral += (uppers[i] - lowers[i]) * (cdf + shares[i] / 2);
    cdf += shares[i];
    integralAt.push(integral);
  }
  return {
    lowers,
    uppers,
    shares,
    infinite: buckets.counts[finite] / buckets.total,
    integralAt,
  };
}

/** ∫₀ᵗ F(x) dx of an evenly spread side (F of its finite values). */
function integralOfCdf(side: EvenlySpread, t: number): number {
  if (t <= 0) return 0;
  let cdf = 0;
  for (let i = 0; i < side.uppers.length; i++) {
    if (t <= side.uppers[i]) {
      const before = i ? side.integralAt[i - 1] : 0;
      const into = t - side.lowers[i];
      const slope = side.shares[i] / (side.uppers[i] - side.lowers[i]);
      return before + into * (cdf + (slope * into) / 2);
    }
    cdf += side.shares[i];
  }
  const last = side.uppers.length - 1;
  return side.integralAt[last] + (t - side.uppers[last]) * cdf;
}

/**
 * P(candidate ÷ factor > baseline) + ½ P(both in +Inf), both sides evenly
 * spread in their buckets. Falls as the factor grows.
 */
export function superiorityAfterScaling(
  baseline: BucketCounts,
  candidate: BucketCounts,
  factor: number,
): number {
  return scaledSuperiority(spread(baseline), spread(candidate), factor);
}

/**
 * The same probability as a function of the factor, with both sides spread
 * once: for evaluating many factors (sequential looks, interval searches).
 */
export function superiorityByFactor(
  baseline: BucketCounts,
  candidate: BucketCounts,
): (factor: number) => number {
  const b = spread(baseline);
  const c = spread(candidate);
  return factor => scaledSuperiority(b, c, factor);
}

function scaledSuperiority(
  b: EvenlySpread,
  c: EvenlySpread,
  factor: number,
): number {
  let probability =
    c.infinite * (1 - b.infinite) + (c.infinite * b.infinite) / 2;
  for (let j = 0; j < c.uppers.length; j++) {
    if (c.shares[j] === 0) continue;
    // A candidate value x evenly in [low, high]: the baseline lies below
    // x ÷ factor with probability F(x ÷ factor); averaged over the bucket.
    const low = c.lowers[j] / factor;
    const high = c.uppers[j] / factor;
    const averageCdf =
      (integralOfCdf(b, high) - integralOfCdf(b, low)) / (high - low);
    probability += c.shares[j] * averageCdf;
  }
  return probability;
}

/** The factor where the scaled superiority falls to `target` (bisection on log k). */
function factorWhere(
  superiority: (factor: number) => number,
  target: number,
): number {
  if (superiority(LOWEST_FACTOR) < target) return 0;
  if (superiority(HIGHEST_FACTOR) > target) return Infinity;
  let low = Math.log(LOWEST_FACTOR);
  let high = Math.log(HIGHEST_FACTOR);
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    if (superiority(Math.exp(middle)) > target) low = middle;
    else high = middle;
  }
  return Math.exp((low + high) / 2);
}

/**
 * The whole distribution's shift with its interval. The interval inverts
 * the rank comparison: the factors at which the scaled superiority stays
 * within z standard errors of ½, the standard error being the
 * Mann-Whitney statistic's under no difference, √((m + n + 1) / 12mn).
 * Undefined when the buckets cannot be scaled (a bound at or below 0, or
 * only the +Inf bucket) or a side is empty.
 */
export function latencyShift(
  baseline: BucketCounts,
  candidate: BucketCounts,
  confidenceLevel: number,
): LatencyShift | undefined {
  if (
    baseline.upperBounds.length < 2 ||
    !(baseline.upperBounds[0] > 0) ||
    !(baseline.total > 0 && candidate.total > 0)
  ) {
    return undefined;
  }
  const b = spread(baseline);
  const c = spread(candidate);
  const superiority = (factor: number) => scaledSuperiority(b, c, factor);
  const m = baseline.total;
  const n = candidate.total;
  const standardError = Math.sqrt((m + n + 1) / (12 * m * n));
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  return {
    estimate: factorWhere(superiority, 0.5),
    // Superiority falls with the factor: its upper limit gives the lower one.
    lower: factorWhere(superiority, 0.5 + z * standardError),
    upper: factorWhere(superiority, 0.5 - z * standardError),
    confidenceLevel,
  };
}
