import { InputError } from '@backstage/errors';
import { gammaln } from 'simple-statistics';
import { normalQuantile, pValueOfZ } from './normal';
import { describeMissing, missingSamples } from './sampleSize';
import {
  DEFAULT_CONFIDENCE_LEVEL,
  Interval,
  RegressionDirection,
  StatisticalVerdict,
  checkConfidenceLevel,
  decide,
  formatPValue,
  intervalLevelFor,
} from './verdict';

/** Failed and total requests of one side. */
export interface ErrorCounts {
  errors: number;
  requests: number;
}

export interface ErrorRatioOptions {
  /** Default `increase`: more errors is the regression. */
  direction?: RegressionDirection;
  /** Default 0.95. */
  confidenceLevel?: number;
  /**
   * A change counts only when it exceeds both: `relative` (0.2 = +20% of the
   * baseline ratio) and `absolute` (0.001 = +0.1 percentage points).
   */
  tolerance?: { relative?: number; absolute?: number };
  /** Per side; default 500. */
  minRequests?: number;
  /** Length of the observation window, to estimate the wait for traffic. */
  observedSeconds?: number;
}

export const ERROR_RATIO_DEFAULTS = {
  direction: 'increase' as RegressionDirection,
  relativeTolerance: 0.2,
  absoluteTolerance: 0.001,
  minRequests: 500,
};

/** Relative tolerance when comparing p-values of enumerated tables, the usual convention. */
const TABLE_PROBABILITY_TOLERANCE = 1e-7;

export function checkErrorCounts(counts: ErrorCounts, side: string): void {
  const { errors, requests } = counts;
  if (
    !Number.isInteger(errors) ||
    !Number.isInteger(requests) ||
    errors < 0 ||
    errors > requests
  ) {
    throw new InputError(
      `${side}: errors and requests must be whole numbers with 0 <= errors <= requests, got ${errors}/${requests}`,
    );
  }
}

/** Pooled two-proportion z test of candidate minus baseline. */
export function twoProportionZTest(
  baseline: ErrorCounts,
  candidate: ErrorCounts,
  direction: RegressionDirection,
): { z: number; pValue: number } {
  const pooled =
    (baseline.errors + candidate.errors) /
    (baseline.requests + candidate.requests);
  const standardError = Math.sqrt(
    pooled * (1 - pooled) * (1 / baseline.requests + 1 / candidate.requests),
  );
  const difference =
    candidate.errors / candidate.requests - baseline.errors / baseline.requests;
  // Identical all-ok or all-error sides carry no evidence of a change.
  const z = standardError > 0 ? difference / standardError : NaN;
  return { z, pValue: pValueOfZ(z, direction) };
}

function logChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

/**
 * Fisher's exact test on the 2x2 table, conditioning on the margins: the
 * candidate's error count is hypergeometric. Two-sided sums every table no
 * more probable than the observed one.
 */
export function fisherExactTest(
  baseline: ErrorCounts,
  candidate: ErrorCounts,
  direction: RegressionDirection,
): { pValue: number } {
  const total = baseline.requests + candidate.requests;
  const errors = baseline.errors + candidate.errors;
  const drawn = candidate.requests;
  const low = Math.max(0, drawn - (total - errors));
  const high = Math.min(errors, drawn);
  const logWeights: number[] = [];
  for (let k = low; k <= high; k++) {
    logWeights.push(
      logChoose(errors, k) + logChoose(total - errors, drawn - k),
    );
  }
  // Normalising over the support keeps the sum stable in log space.
  const largest = Math.max(...logWeights);
  const weights = logWeights.map(w => Math.exp(w - largest));
  const sumOf = (keep: (k: number, weight: number) => boolean) =>
    weights.reduce((sum, w, i) => (keep(low + i, w) ? sum + w : sum), 0);
  const all = sumOf(() => true);
  const observed = candidate.errors;
  const observedWeight = weights[observed - low];
  let tail: number;
  if (direction === 'increase') tail = sumOf(k => k >= observed);
  else if (direction === 'decrease') tail = sumOf(k => k <= observed);
  else {
    tail = sumOf(
      (_, w) => w <= observedWeight * (1 + TABLE_PROBABILITY_TOLERANCE),
    );
  }
  return { pValue: Math.min(1, tail / all) };
}

/** True when the normal approximation is unsafe: an expected cell below 5. */
export function needsExactTest(
  baseline: ErrorCounts,
  candidate: ErrorCounts,
): boolean {
  const total = baseline.requests + candidate.requests;
  const errors = baseline.errors + candidate.errors;
  return [baseline.requests, candidate.requests].some(
    rowTotal =>
      (rowTotal * errors) / total < 5 ||
      (rowTotal * (total - errors)) / total < 5,
  );
}

/** Wilson score interval of one proportion (no continuity correction). */
export function wilsonInterval(
  counts: ErrorCounts,
  confidenceLevel: number,
): { lower: number; upper: number } {
  const n = counts.requests;
  if (n === 0) return { lower: 0, upper: 1 };
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const p = counts.errors / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const halfWidth =
    (z / denominator) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return {
    lower: Math.max(0, centre - halfWidth),
    upper: Math.min(1, centre + halfWidth),
  };
}

/**
 * Newcombe's hybrid score interval (method 10 of Newcombe 1998) for the
 * candidate's minus the baseline's error ratio.
 */
export function differenceInterval(
  baseline: ErrorCounts,
  candidate: ErrorCounts,
  confidenceLevel: number,
): Interval & { estimate: number } {
  const p1 = baseline.errors / baseline.requests;
  const p2 = candidate.errors / candidate.requests;
  const w1 = wilsonInterval(baseline, confidenceLevel);
  const w2 = wilsonInterval(candidate, confidenceLevel);
  const estimate = p2 - p1;
  return {
    estimate,
    lower: estimate - Math.hypot(p2 - w2.lower, w1.upper - p1),
    upper: estimate + Math.hypot(w2.upper - p2, p1 - w1.lower),
    confidenceLevel,
    method: 'newcombe-hybrid-score',
  };
}

/**
 * Interval of the candidate's over the baseline's error ratio, from the
 * normal approximation of its logarithm. A zero count gets 0.5 added to
 * every cell so the logarithm exists.
 */
export function ratioInterval(
  baseline: ErrorCounts,
  candidate: ErrorCounts,
  confidenceLevel: number,
): Interval & { estimate: number } {
  const correction = baseline.errors === 0 || candidate.errors === 0 ? 0.5 : 0;
  const e1 = baseline.errors + correction;
  const n1 = baseline.requests + 2 * correction;
  const e2 = candidate.errors + correction;
  const n2 = candidate.requests + 2 * correction;
  const logRatio = Math.log(e2 / n2 / (e1 / n1));
  const standardError = Math.sqrt(
    Math.max(0, 1 / e2 - 1 / n2 + 1 / e1 - 1 / n1),
  );
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  return {
    estimate: Math.exp(logRatio),
    lower: Math.exp(logRatio - z * standardError),
    upper: Math.exp(logRatio + z * standardError),
    confidenceLevel,
    method: correction ? 'log-ratio, 0.5 added for a zero count' : 'log-ratio',
  };
}

/**
 * Judges the candidate's error ratio against the baseline's: significance
 * from Fisher's exact test on small counts and the z test otherwise, harm
 * from the difference and ratio intervals against the tolerance.
 */
export function compareErrorRatios(
  baseline: ErrorCounts,
  candidate: ErrorCounts,
  options: ErrorRatioOptions = {},
): StatisticalVerdict {
  checkErrorCounts(baseline, 'baseline');
  checkErrorCounts(candidate, 'candidate');
  const direction = options.direction ?? ERROR_RATIO_DEFAULTS.direction;
  const confidenceLevel = checkConfidenceLevel(
    options.confidenceLevel ?? DEFAULT_CONFIDENCE_LEVEL,
  );
  const relative =
    options.tolerance?.relative ?? ERROR_RATIO_DEFAULTS.relativeTolerance;
  const absolute =
    options.tolerance?.absolute ?? ERROR_RATIO_DEFAULTS.absoluteTolerance;
  if (!(relative >= 0 && absolute >= 0)) {
    throw new InputError('error ratio tolerances must not be negative');
  }
  const minimum = options.minRequests ?? ERROR_RATIO_DEFAULTS.minRequests;
  const sampleSizes = {
    baseline: baseline.requests,
    candidate: candidate.requests,
    minimum,
    unit: 'requests',
  };
  const missing = missingSamples(sampleSizes, options.observedSeconds);
  const reasons = missing.map(m => describeMissing(m, 'requests'));
  if (baseline.requests === 0 || candidate.requests === 0) {
    return {
      state: 'inconclusive',
      test: 'none',
      sampleSizes,
      missing,
      reasons: [...reasons, 'a side has no requests to compare'],
    };
  }

  const exact = needsExactTest(baseline, candidate);
  const { pValue } = exact
    ? fisherExactTest(baseline, candidate, direction)
    : twoProportionZTest(baseline, candidate, direction);
  const level = intervalLevelFor(direction, confidenceLevel);
  const difference = differenceInterval(baseline, candidate, level);
  const ratio = ratioInterval(baseline, candidate, level);

  const beyondUp = (d: number, r: number) => d > absolute && r > 1 + relative;
  const beyondDown = (d: number, r: number) =>
    d < -absolute && r < 1 - relative;
  const estimateBeyond =
    (direction !== 'decrease' &&
      beyondUp(difference.estimate, ratio.estimate)) ||
    (direction !== 'increase' &&
      beyondDown(difference.estimate, ratio.estimate));
  const boundBeyond =
    (direction !== 'decrease' && beyondUp(difference.lower, ratio.lower)) ||
    (direction !== 'increase' && beyondDown(difference.upper, ratio.upper));
  const significant = pValue < 1 - confidenceLevel;

  const state = decide({
    belowMinimum: missing.length > 0,
    significant,
    estimateBeyondTolerance: estimateBeyond,
    boundBeyondTolerance: boundBeyond,
  });
  const percent = (x: number) => `${(x * 100).toPrecision(3)}%`;
  reasons.push(
    `error ratio ${percent(baseline.errors / baseline.requests)} → ${percent(
      candidate.errors / candidate.requests,
    )} (${difference.estimate >= 0 ? '+' : ''}${percent(
      difference.estimate,
    )}, interval ${percent(difference.lower)} to ${percent(
      difference.upper,
    )}; ratio ${ratio.estimate.toPrecision(3)})`,
    `${exact ? "Fisher's exact" : 'two-proportion z'} test p = ${formatPValue(
      pValue,
    )}: ${significant ? 'significant' : 'not significant'} at ${percent(
      confidenceLevel,
    )} confidence`,
  );
  if (significant && boundBeyond) {
    reasons.push(
      `the change exceeds the tolerance (+${percent(
        relative,
      )} relative and +${percent(
        absolute,
      )} absolute) even at the interval's near end`,
    );
  } else if (significant && estimateBeyond) {
    reasons.push(
      'the estimate exceeds the tolerance but the interval does not yet confirm it',
    );
  } else if (significant) {
    reasons.push('the change is within the tolerance');
  }
  return {
    state,
    test: exact ? 'fisher-exact' : 'two-proportion-z',
    pValue,
    interval: {
      lower: difference.lower,
      upper: difference.upper,
      confidenceLevel: level,
      method: difference.method,
    },
    effect: {
      measure: 'error ratio, candidate over baseline',
      estimate: ratio.estimate,
      interval: {
        lower: ratio.lower,
        upper: ratio.upper,
        confidenceLevel: level,
        method: ratio.method,
      },
    },
    sampleSizes,
    missing,
    reasons,
  };
}
