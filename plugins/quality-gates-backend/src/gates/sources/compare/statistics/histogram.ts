import { InputError } from '@backstage/errors';
import { gammaln } from 'simple-statistics';
import { valueRangeAtRank } from './bucketResolution';
import { LatencyShift, latencyShift } from './latencyShift';
import { mannWhitneyNormal } from './mannWhitney';
import { normalQuantile } from './normal';
import { describeMissing, missingSamples } from './sampleSize';
import {
  DEFAULT_CONFIDENCE_LEVEL,
  RegressionDirection,
  StatisticalVerdict,
  checkConfidenceLevel,
  decide,
  formatPValue,
  intervalLevelFor,
} from './verdict';

/** A classic Prometheus histogram: cumulative `le` buckets ending in +Inf. */
export interface PrometheusHistogram {
  buckets: { le: number; count: number }[];
  /** `_count`; when given it must equal the +Inf bucket. */
  count?: number;
  sum?: number;
}

/** Per-bucket (not cumulative) counts under the shared upper bounds. */
export interface BucketCounts {
  upperBounds: number[];
  counts: number[];
  cumulative: number[];
  total: number;
}

/** Cumulative counts may wobble by float rounding after `rate()`. */
const MONOTONICITY_SLACK = 1e-9;

export function toBucketCounts(
  histogram: PrometheusHistogram,
  side: string,
): BucketCounts {
  const buckets = [...histogram.buckets].sort((a, b) => a.le - b.le);
  if (buckets.length === 0 || buckets[buckets.length - 1].le !== Infinity) {
    throw new InputError(`${side} histogram needs a +Inf bucket`);
  }
  const cumulative: number[] = [];
  const upperBounds: number[] = [];
  for (const bucket of buckets) {
    if (
      Number.isNaN(bucket.le) ||
      !(bucket.count >= 0) ||
      bucket.count === Infinity
    ) {
      throw new InputError(
        `${side} histogram has an invalid bucket le=${bucket.le} count=${bucket.count}`,
      );
    }
    const previous = cumulative.length ? cumulative[cumulative.length - 1] : 0;
    if (
      upperBounds.length &&
      upperBounds[upperBounds.length - 1] === bucket.le
    ) {
      throw new InputError(
        `${side} histogram repeats the bucket le=${bucket.le}`,
      );
    }
    if (bucket.count < previous - MONOTONICITY_SLACK * Math.max(1, previous)) {
      throw new InputError(
        `${side} histogram is not cumulative: le=${bucket.le} holds ${bucket.count}, fewer than the ${previous} below it`,
      );
    }
    cumulative.push(Math.max(previous, bucket.count));
    upperBounds.push(bucket.le);
  }
  const total = cumulative[cumulative.length - 1];
  if (
    histogram.count !== undefined &&
    Math.abs(histogram.count - total) > 1e-6 * Math.max(1, total)
  ) {
    throw new InputError(
      `${side} histogram count ${histogram.count} differs from its +Inf bucket ${total}`,
    );
  }
  const counts = cumulative.map((c, i) =>
    i === 0 ? c : c - cumulative[i - 1],
  );
  return { upperBounds, counts, cumulative, total };
}

function checkSameBounds(baseline: BucketCounts, candidate: BucketCounts) {
  const same =
    baseline.upperBounds.length === candidate.upperBounds.length &&
    baseline.upperBounds.every((le, i) => le === candidate.upperBounds[i]);
  if (!same) {
    throw new InputError(
      `baseline and candidate histograms have different buckets: [${baseline.upperBounds.join(
        ', ',
      )}] vs [${candidate.upperBounds.join(', ')}]`,
    );
  }
}

/** Lower edge of a bucket; the first starts at 0 as in PromQL. */
function lowerEdge(buckets: BucketCounts, index: number): number {
  if (index > 0) return buckets.upperBounds[index - 1];
  return buckets.upperBounds[0] > 0 ? 0 : -Infinity;
}

/**
 * The q-quantile as PromQL's `histogram_quantile` computes it: linear
 * interpolation inside the bucket holding rank q·n; the +Inf bucket answers
 * with the highest finite bound.
 */
export function histogramQuantile(q: number, buckets: BucketCounts): number {
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const { upperBounds, cumulative, total } = buckets;
  if (upperBounds.length < 2 || total === 0) return NaN;
  let rank = q * total;
  const b = cumulative.findIndex(c => c >= rank);
  if (b === upperBounds.length - 1) return upperBounds[b - 1];
  if (b === 0 && upperBounds[0] <= 0) return upperBounds[0];
  let start = 0;
  let count = cumulative[b];
  if (b > 0) {
    start = upperBounds[b - 1];
    count -= cumulative[b - 1];
    rank -= cumulative[b - 1];
  }
  return start + (upperBounds[b] - start) * (rank / count);
}

function logBinomialPmf(n: number, k: number, p: number): number {
  return (
    gammaln(n + 1) -
    gammaln(k + 1) -
    gammaln(n - k + 1) +
    k * Math.log(p) +
    (n - k) * Math.log(1 - p)
  );
}

/** Above this many observations the binomial is replaced by its normal approximation. */
const EXACT_BINOMIAL_LIMIT = 1000;

/**
 * Ranks (1-based) of the order statistics that bracket the q-quantile with
 * the given coverage: the count of values below the quantile is
 * Binomial(n, q). Rank 0 means unbounded below, n + 1 unbounded above.
 */
export function orderStatisticRanks(
  n: number,
  q: number,
  confidenceLevel: number,
): { lower: number; upper: number } {
  const alpha = 1 - confidenceLevel;
  if (n <= 0 || q <= 0 || q >= 1) return { lower: 0, upper: n + 1 };
  if (n > EXACT_BINOMIAL_LIMIT) {
    const z = normalQuantile(1 - alpha / 2);
    const spread = z * Math.sqrt(n * q * (1 - q));
    return {
      lower: Math.max(0, Math.floor(n * q - spread)),
      upper: Math.min(n + 1, Math.ceil(n * q + spread) + 1),
    };
  }
  let cdf = 0;
  let lower: number | undefined;
  let upper: number | undefined;
  for (let k = 0; k <= n; k++) {
    cdf += Math.exp(logBinomialPmf(n, k, q));
    // P(X_(r) > quantile) = P(B <= r - 1) must stay within alpha/2.
    if (lower === undefined && cdf > alpha / 2) lower = k;
    if (upper === undefined && cdf >= 1 - alpha / 2) upper = k + 1;
  }
  return { lower: lower ?? 0, upper: upper ?? n + 1 };
}

/**
 * Distribution-free interval of the q-quantile: the bracketing order
 * statistics, located inside their buckets by the same linear
 * interpolation as the point estimate (values spread evenly in a bucket).
 * An order statistic in the +Inf bucket leaves the interval open above.
 */
export function quantileInterval(
  q: number,
  buckets: BucketCounts,
  confidenceLevel: number,
): { lower: number; upper: number } {
  const n = Math.round(buckets.total);
  const ranks = orderStatisticRanks(n, q, confidenceLevel);
  const valueAtRank = (rank: number) =>
    histogramQuantile(rank / buckets.total, buckets);
  const inInfBucket = (rank: number) =>
    rank >
    buckets.cumulative[buckets.cumulative.length - 2] + MONOTONICITY_SLACK;
  const lower =
    ranks.lower < 1 ? lowerEdge(buckets, 0) : valueAtRank(ranks.lower);
  const upper =
    ranks.upper > n || inInfBucket(ranks.upper)
      ? Infinity
      : valueAtRank(ranks.upper);
  return { lower, upper };
}

/**
 * The same order statistics, placed only as far as the buckets can place
 * them (`bucketResolution.ts`): from the lowest value the lower one can
 * have to the highest the upper one can have. It always contains
 * `quantileInterval`.
 */
export function resolvedQuantileInterval(
  q: number,
  buckets: BucketCounts,
  confidenceLevel: number,
): { lower: number; upper: number } {
  const n = Math.round(buckets.total);
  const ranks = orderStatisticRanks(n, q, confidenceLevel);
  return {
    lower:
      ranks.lower < 1
        ? lowerEdge(buckets, 0)
        : valueRangeAtRank(buckets, ranks.lower).low,
    upper:
      ranks.upper > n ? Infinity : valueRangeAtRank(buckets, ranks.upper).high,
  };
}

export interface QuantileShift {
  quantile: number;
  /** As PromQL's `histogram_quantile` computes them. */
  baseline: number;
  candidate: number;
  /** As far as the buckets can place it (`resolvedQuantileInterval`). */
  baselineInterval: { lower: number; upper: number };
  candidateInterval: { lower: number; upper: number };
  /** Candidate over baseline estimate. */
  ratio: number;
  beyondTolerance: boolean;
  /**
   * The intervals' near ends, placed by PromQL's even spreading, are apart
   * by more than the tolerance; not evidence enough to fail on its own.
   */
  interpolatedBeyondTolerance: boolean;
  /** Even the near ends of what the buckets can resolve are that far apart. */
  confirmedBeyondTolerance: boolean;
}

function describeShift(s: QuantileShift): string {
  let verdict = '';
  if (s.confirmedBeyondTolerance) {
    verdict = ', beyond tolerance even at the intervals’ near ends';
  } else if (s.interpolatedBeyondTolerance) {
    verdict =
      ', beyond tolerance only where interpolation places it: the buckets are too coarse to confirm';
  } else if (s.beyondTolerance) {
    verdict = ', beyond tolerance but within the intervals';
  }
  const name = `p${+(s.quantile * 100).toPrecision(4)}`;
  return `${name} ${s.baseline.toPrecision(3)} → ${s.candidate.toPrecision(
    3,
  )} (×${s.ratio.toPrecision(3)}${verdict})`;
}

export interface LatencyHistogramOptions {
  /** Default `increase`: slower is the regression. */
  direction?: RegressionDirection;
  confidenceLevel?: number;
  /** Default [0.5, 0.9, 0.99]. */
  quantiles?: number[];
  /** Allowed relative shift of a quantile; default 0.1 (+10%). */
  relativeTolerance?: number;
  /** Observations per side; default 500. */
  minObservations?: number;
  observedSeconds?: number;
}

export const LATENCY_DEFAULTS = {
  direction: 'increase' as RegressionDirection,
  quantiles: [0.5, 0.9, 0.99],
  relativeTolerance: 0.1,
  minObservations: 500,
};

export interface LatencyVerdict extends StatisticalVerdict {
  quantiles: QuantileShift[];
}

function shiftOf(
  quantile: number,
  baseline: BucketCounts,
  candidate: BucketCounts,
  direction: RegressionDirection,
  tolerance: number,
  level: number,
): QuantileShift {
  const b = histogramQuantile(quantile, baseline);
  const c = histogramQuantile(quantile, candidate);
  const bi = quantileInterval(quantile, baseline, level);
  const ci = quantileInterval(quantile, candidate, level);
  const br = resolvedQuantileInterval(quantile, baseline, level);
  const cr = resolvedQuantileInterval(quantile, candidate, level);
  const up = (low: number, high: number) => high > low * (1 + tolerance);
  const down = (high: number, low: number) => low < high * (1 - tolerance);
  const check = (
    baselineValue: { lower: number; upper: number },
    candidateValue: { lower: number; upper: number },
  ) =>
    (direction !== 'decrease' &&
      up(baselineValue.upper, candidateValue.lower)) ||
    (direction !== 'increase' &&
      down(baselineValue.lower, candidateValue.upper));
  const point = (x: number) => ({ lower: x, upper: x });
  return {
    quantile,
    baseline: b,
    candidate: c,
    baselineInterval: br,
    candidateInterval: cr,
    ratio: c / b,
    beyondTolerance: check(point(b), point(c)),
    interpolatedBeyondTolerance: check(bi, ci),
    confirmedBeyondTolerance: check(br, cr),
  };
}

function describeLatencyShift(
  shift: LatencyShift,
  tolerance: number,
  direction: RegressionDirection,
): string {
  const factor = (x: number) =>
    `×${Number.isFinite(x) ? x.toPrecision(3) : '∞'}`;
  let verdict = '';
  if (shiftConfirmed(shift, direction, tolerance)) {
    verdict = ', beyond tolerance even at the interval’s near end';
  } else if (factorBeyond(shift.estimate, direction, tolerance)) {
    verdict = ', beyond tolerance but within the interval';
  }
  return `latency as a whole ${factor(shift.estimate)} (${factor(
    shift.lower,
  )} to ${factor(shift.upper)}${verdict})`;
}

/** Whether a factor (candidate over baseline) is a regression beyond the tolerance. */
function factorBeyond(
  factor: number,
  direction: RegressionDirection,
  tolerance: number,
): boolean {
  return (
    (direction !== 'decrease' && factor > 1 + tolerance) ||
    (direction !== 'increase' && factor < 1 - tolerance)
  );
}

/** Even the interval's near end (the end toward no change) is beyond the tolerance. */
function shiftConfirmed(
  shift: LatencyShift,
  direction: RegressionDirection,
  tolerance: number,
): boolean {
  return (
    (direction !== 'decrease' && shift.lower > 1 + tolerance) ||
    (direction !== 'increase' && shift.upper < 1 - tolerance)
  );
}

/**
 * Compares whole latency histograms: a rank test over the bucketed counts
 * says whether the candidate is slower at all, the quantile shifts with
 * their intervals whether it is slower by more than the tolerance.
 */
export function compareLatencyHistograms(
  baselineHistogram: PrometheusHistogram,
  candidateHistogram: PrometheusHistogram,
  options: LatencyHistogramOptions = {},
): LatencyVerdict {
  const baseline = toBucketCounts(baselineHistogram, 'baseline');
  const candidate = toBucketCounts(candidateHistogram, 'candidate');
  checkSameBounds(baseline, candidate);
  const direction = options.direction ?? LATENCY_DEFAULTS.direction;
  const confidenceLevel = checkConfidenceLevel(
    options.confidenceLevel ?? DEFAULT_CONFIDENCE_LEVEL,
  );
  const quantiles = options.quantiles ?? LATENCY_DEFAULTS.quantiles;
  if (quantiles.some(q => !(q > 0 && q < 1))) {
    throw new InputError('latency quantiles must lie strictly between 0 and 1');
  }
  const tolerance =
    options.relativeTolerance ?? LATENCY_DEFAULTS.relativeTolerance;
  if (!(tolerance >= 0))
    throw new InputError('latency tolerance must not be negative');
  const minimum = options.minObservations ?? LATENCY_DEFAULTS.minObservations;
  const sampleSizes = {
    baseline: baseline.total,
    candidate: candidate.total,
    minimum,
    unit: 'observations',
  };
  const missing = missingSamples(sampleSizes, options.observedSeconds);
  const reasons = missing.map(m => describeMissing(m, 'observations'));

  const rank = mannWhitneyNormal(
    baseline.counts.map((count, i) => ({
      baseline: count,
      candidate: candidate.counts[i],
    })),
    direction,
  );
  const significant = rank.pValue < 1 - confidenceLevel;
  // Each quantile interval covers its side at this level; the comparison
  // of two of them is conservative.
  const shifts = quantiles.map(q =>
    shiftOf(q, baseline, candidate, direction, tolerance, confidenceLevel),
  );
  const singleBucket = baseline.upperBounds.length < 2;
  if (singleBucket) {
    reasons.push(
      'a histogram with only the +Inf bucket cannot show a latency shift',
    );
  }
  // The whole distribution's shift judges a general slow-down, also one
  // that keeps each quantile inside its bucket, where interpolated shifts
  // prove little (a quantile near a sparse bucket's edge can move 10–20 %
  // by interpolation when every request is 2 % slower).
  const shift = singleBucket
    ? undefined
    : latencyShift(
        baseline,
        candidate,
        intervalLevelFor(direction, confidenceLevel),
      );
  // A quantile whose interval clears the baseline's by the tolerance is a
  // significant shift on its own (two intervals at this level that do not
  // overlap): a slow tail moves p99 without moving the rank test. Where
  // only PromQL's interpolation puts it there, the buckets cannot tell a
  // slow tail from a small slow-down magnified inside a sparse bucket:
  // inconclusive, never fail. A quantile's point estimate alone is no
  // evidence; the whole distribution's is.
  const quantileConfirmed = shifts.some(s => s.confirmedBeyondTolerance);
  const interpolationOnly = shifts.some(
    s => s.interpolatedBeyondTolerance && !s.confirmedBeyondTolerance,
  );
  const wholeConfirmed =
    shift !== undefined && shiftConfirmed(shift, direction, tolerance);
  const wholeBeyond =
    shift === undefined
      ? shifts.some(s => s.beyondTolerance)
      : factorBeyond(shift.estimate, direction, tolerance);
  const state = decide({
    belowMinimum: missing.length > 0 || singleBucket,
    significant: significant || quantileConfirmed || interpolationOnly,
    estimateBeyondTolerance: wholeBeyond || interpolationOnly,
    boundBeyondTolerance: quantileConfirmed || wholeConfirmed,
  });
  reasons.push(
    `rank test over ${baseline.upperBounds.length} buckets p = ${formatPValue(
      rank.pValue,
    )} (${
      significant ? 'significant' : 'not significant'
    }); P(candidate slower) = ${rank.probabilityOfSuperiority.toFixed(3)}`,
    ...(shift ? [describeLatencyShift(shift, tolerance, direction)] : []),
    ...shifts.map(describeShift),
  );
  return {
    state,
    test: 'mann-whitney-bucketed',
    pValue: rank.pValue,
    effect: shift
      ? {
          measure: 'latency as a whole, candidate over baseline',
          estimate: shift.estimate,
          interval: {
            lower: shift.lower,
            upper: shift.upper,
            confidenceLevel: shift.confidenceLevel,
            method: 'inverted bucketed rank comparison',
          },
        }
      : {
          measure: 'P(candidate > baseline) + ½ P(same bucket)',
          estimate: rank.probabilityOfSuperiority,
        },
    sampleSizes,
    missing,
    quantiles: shifts,
    reasons,
  };
}
