import type { BucketCounts } from './histogram';

/**
 * Where the value at a rank can lie, given only the bucket counts.
 *
 * PromQL spreads a bucket's values evenly, which is exact only when the
 * density is flat across the bucket. Latency tails are not: in a bucket
 * spanning ×2–2.5 the density near its lower bound can be many times its
 * average, so a quantile a little into a sparse bucket lands far too high
 * and moves 10–20 % when every request is 2 % slower. The assumption here
 * is weaker: inside a bucket the density never exceeds the larger of its
 * own average and its neighbour's on that side. Then the value at rank r
 * (Δ₁ values above the bucket's lower bound a, Δ₂ below its upper bound b)
 * lies in
 *
 *   [a + Δ₁ / max(d, d_below), b − Δ₂ / max(d, d_above)]
 *
 * which always contains PromQL's value and equals it when the neighbours
 * are no denser than the bucket.
 */
export interface ValueRange {
  low: number;
  high: number;
}

/** Average density (count per unit) of a finite bucket; 0 for +Inf or none. */
function density(buckets: BucketCounts, index: number): number {
  const { upperBounds, counts } = buckets;
  if (index < 0 || index >= upperBounds.length - 1) return 0;
  const lower = index ? upperBounds[index - 1] : 0;
  const width = upperBounds[index] - lower;
  return width > 0 ? counts[index] / width : 0;
}

/**
 * The range of the value at `rank` (a count from the bottom, as q·total).
 * In the +Inf bucket it is open above, from the highest finite bound.
 */
export function valueRangeAtRank(
  buckets: BucketCounts,
  rank: number,
): ValueRange {
  const { upperBounds, cumulative, counts } = buckets;
  const last = upperBounds.length - 1;
  const index = cumulative.findIndex(c => c >= rank);
  if (index < 0 || index === last) {
    return { low: upperBounds[last - 1] ?? -Infinity, high: Infinity };
  }
  const lower = index ? upperBounds[index - 1] : 0;
  const upper = upperBounds[index];
  // Buckets at or below zero are not latencies: no density to reason with.
  if (!(lower >= 0) || counts[index] <= 0) {
    return { low: lower, high: upper };
  }
  const own = density(buckets, index);
  const above = rank - (index ? cumulative[index - 1] : 0);
  const below = cumulative[index] - rank;
  return {
    low: lower + above / Math.max(own, density(buckets, index - 1)),
    high: upper - below / Math.max(own, density(buckets, index + 1)),
  };
}
