import { valueRangeAtRank } from '../bucketResolution';
import { BucketCounts, histogramQuantile } from '../histogram';
import { LatencySettings } from './latencySettings';
import { timeUniformRanks } from './quantileSequence';
import { factor } from './sequentialVerdict';

export interface QuantileCheck {
  quantile: number;
  baseline: number;
  candidate: number;
  /** Time-uniform intervals, placed as far as the buckets can resolve. */
  baselineInterval: { lower: number; upper: number };
  candidateInterval: { lower: number; upper: number };
  confirmedBeyondTolerance: boolean;
  /**
   * The point estimate is past the tolerance: no evidence to fail on, but
   * it blocks a pass (a slow tail in a few requests hardly moves the
   * whole latency, and its quantile's interval takes long to confirm it).
   */
  estimateBeyondTolerance: boolean;
}

function rangeOf(
  buckets: BucketCounts,
  q: number,
  logThreshold: number,
): { lower: number; upper: number } {
  const ranks = timeUniformRanks(buckets.total, q, logThreshold);
  return {
    lower: ranks.lower > 0 ? valueRangeAtRank(buckets, ranks.lower).low : 0,
    upper:
      ranks.upper <= buckets.total
        ? valueRangeAtRank(buckets, ranks.upper).high
        : Infinity,
  };
}

/**
 * A slow tail moves few ranks: each quantile is also compared on its own.
 * Its intervals are only computed when the point estimates are apart by
 * more than the tolerance (they lie inside the intervals, so otherwise
 * they cannot clear it).
 */
export function checkQuantiles(
  baseline: BucketCounts,
  candidate: BucketCounts,
  s: LatencySettings,
  withIntervals = true,
): QuantileCheck[] {
  const up = s.direction !== 'decrease';
  const down = s.direction !== 'increase';
  return s.quantiles.map(q => {
    const b = histogramQuantile(q, baseline);
    const c = histogramQuantile(q, candidate);
    const beyond = (x: number, y: number, t: number) =>
      (up && y > x * (1 + t)) || (down && y < x * (1 - t));
    let baselineInterval = { lower: b, upper: b };
    let candidateInterval = { lower: c, upper: c };
    let confirmed = false;
    if (withIntervals && beyond(b, c, s.tolerance)) {
      baselineInterval = rangeOf(baseline, q, s.logQuantileThreshold);
      candidateInterval = rangeOf(candidate, q, s.logQuantileThreshold);
      confirmed =
        (up &&
          candidateInterval.lower >
            baselineInterval.upper * (1 + s.tolerance)) ||
        (down &&
          candidateInterval.upper < baselineInterval.lower * (1 - s.tolerance));
    }
    return {
      quantile: q,
      baseline: b,
      candidate: c,
      baselineInterval,
      candidateInterval,
      confirmedBeyondTolerance: confirmed,
      estimateBeyondTolerance: beyond(b, c, s.tolerance),
    };
  });
}

export function describeQuantile(q: QuantileCheck): string {
  const name = `p${+(q.quantile * 100).toPrecision(4)}`;
  const value = (x: number) =>
    Number.isFinite(x) ? `${+x.toPrecision(3)}` : '∞';
  const ratio = factor(q.candidate / q.baseline);
  if (q.confirmedBeyondTolerance) {
    return `${name} ${value(q.baseline)} → ${value(
      q.candidate,
    )} (${ratio}), beyond the tolerance even at the near ends of its intervals (${value(
      q.baselineInterval.lower,
    )}–${value(q.baselineInterval.upper)} vs ${value(
      q.candidateInterval.lower,
    )}–${value(q.candidateInterval.upper)})`;
  }
  return `${name} ${value(q.baseline)} → ${value(q.candidate)} (${ratio})${
    q.estimateBeyondTolerance
      ? ', beyond the tolerance as estimated: no pass until its interval decides'
      : ''
  }`;
}
