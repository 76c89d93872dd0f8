import { InputError } from '@backstage/errors';
import { median, quantile } from 'simple-statistics';
import { EXACT_MANN_WHITNEY_LIMIT, mannWhitneySamples } from './mannWhitney';
import { normalQuantile } from './normal';
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

/** What to do with NaN and ±Inf samples, as Kayenta's `nanStrategy`. */
export type NonFiniteStrategy = 'remove' | 'replaceWithZero';

/** Samples beyond Q1 − factor·IQR or Q3 + factor·IQR of their own side are dropped. */
export interface OutlierRule {
  rule: 'iqr';
  factor: number;
}

export interface SampleCleaning {
  kept: number;
  nonFinite: number;
  outliers: number;
}

export function cleanSamples(
  values: number[],
  nonFinite: NonFiniteStrategy,
  outliers?: OutlierRule,
): { values: number[]; cleaning: SampleCleaning } {
  const finite = values.filter(Number.isFinite);
  const nonFiniteCount = values.length - finite.length;
  let kept =
    nonFinite === 'replaceWithZero'
      ? [...finite, ...new Array(nonFiniteCount).fill(0)]
      : finite;
  let outlierCount = 0;
  if (outliers && kept.length >= 4) {
    const q1 = quantile(kept, 0.25);
    const q3 = quantile(kept, 0.75);
    const spread = outliers.factor * (q3 - q1);
    const inside = kept.filter(v => v >= q1 - spread && v <= q3 + spread);
    outlierCount = kept.length - inside.length;
    kept = inside;
  }
  return {
    values: kept,
    cleaning: {
      kept: kept.length,
      nonFinite: nonFiniteCount,
      outliers: outlierCount,
    },
  };
}

/** Beyond this many pairs the shift falls back to the difference of medians. */
const PAIRWISE_LIMIT = 1_000_000;

/**
 * Hodges-Lehmann shift of the candidate over the baseline: the median of
 * all pairwise differences, with the distribution-free interval from the
 * order statistics of those differences (normal approximation of U).
 */
export function hodgesLehmannShift(
  baseline: number[],
  candidate: number[],
  confidenceLevel: number,
): { estimate: number; interval?: Interval } {
  const pairs = baseline.length * candidate.length;
  if (pairs === 0) return { estimate: NaN };
  if (pairs > PAIRWISE_LIMIT) {
    return { estimate: median(candidate) - median(baseline) };
  }
  const differences: number[] = [];
  for (const c of candidate) for (const b of baseline) differences.push(c - b);
  differences.sort((x, y) => x - y);
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const n1 = baseline.length;
  const n2 = candidate.length;
  const k = Math.max(
    0,
    Math.floor(pairs / 2 - z * Math.sqrt((pairs * (n1 + n2 + 1)) / 12)),
  );
  return {
    estimate: median(differences),
    interval: {
      lower: differences[Math.min(k, pairs - 1)],
      upper: differences[Math.max(pairs - 1 - k, 0)],
      confidenceLevel,
      method: 'hodges-lehmann (pairwise differences)',
    },
  };
}

export interface SampleOptions {
  /** Default `increase`. */
  direction?: RegressionDirection;
  confidenceLevel?: number;
  /** Default `remove`. */
  nonFinite?: NonFiniteStrategy;
  /** No outlier removal unless a rule is given, e.g. `{ rule: 'iqr', factor: 3 }`. */
  outliers?: OutlierRule;
  /**
   * A shift counts only beyond max(absolute, relative·|baseline median|);
   * defaults 0.1 relative, 0 absolute.
   */
  tolerance?: { relative?: number; absolute?: number };
  /** Samples per side after cleaning; default 20. */
  minSamples?: number;
  observedSeconds?: number;
}

export const SAMPLE_DEFAULTS = {
  direction: 'increase' as RegressionDirection,
  nonFinite: 'remove' as NonFiniteStrategy,
  relativeTolerance: 0.1,
  absoluteTolerance: 0,
  minSamples: 20,
};

export interface SampleVerdict extends StatisticalVerdict {
  cleaning: { baseline: SampleCleaning; candidate: SampleCleaning };
}

/** Gauges and other series: a rank test over the samples in the window. */
export function compareSamples(
  rawBaseline: number[],
  rawCandidate: number[],
  options: SampleOptions = {},
): SampleVerdict {
  const direction = options.direction ?? SAMPLE_DEFAULTS.direction;
  const confidenceLevel = checkConfidenceLevel(
    options.confidenceLevel ?? DEFAULT_CONFIDENCE_LEVEL,
  );
  if (options.outliers && !(options.outliers.factor > 0)) {
    throw new InputError('the outlier factor must be positive');
  }
  const relative =
    options.tolerance?.relative ?? SAMPLE_DEFAULTS.relativeTolerance;
  const absolute =
    options.tolerance?.absolute ?? SAMPLE_DEFAULTS.absoluteTolerance;
  if (!(relative >= 0 && absolute >= 0)) {
    throw new InputError('sample tolerances must not be negative');
  }
  const nonFinite = options.nonFinite ?? SAMPLE_DEFAULTS.nonFinite;
  const baseline = cleanSamples(rawBaseline, nonFinite, options.outliers);
  const candidate = cleanSamples(rawCandidate, nonFinite, options.outliers);
  const cleaning = {
    baseline: baseline.cleaning,
    candidate: candidate.cleaning,
  };
  const minimum = options.minSamples ?? SAMPLE_DEFAULTS.minSamples;
  const sampleSizes = {
    baseline: baseline.values.length,
    candidate: candidate.values.length,
    minimum,
    unit: 'samples',
  };
  const missing = missingSamples(sampleSizes, options.observedSeconds);
  const reasons = missing.map(m => describeMissing(m, 'samples'));
  for (const side of ['baseline', 'candidate'] as const) {
    const { nonFinite: dropped, outliers } = cleaning[side];
    if (dropped || outliers) {
      reasons.push(
        `${side}: ${dropped} NaN/Inf samples ${
          nonFinite === 'remove' ? 'removed' : 'replaced with 0'
        }, ${outliers} outliers removed`,
      );
    }
  }
  if (!baseline.values.length || !candidate.values.length) {
    return {
      state: 'inconclusive',
      test: 'none',
      sampleSizes,
      missing,
      cleaning,
      reasons: [...reasons, 'a side has no usable samples'],
    };
  }

  const rank = mannWhitneySamples(baseline.values, candidate.values, direction);
  const significant = rank.pValue < 1 - confidenceLevel;
  const shift = hodgesLehmannShift(
    baseline.values,
    candidate.values,
    intervalLevelFor(direction, confidenceLevel),
  );
  const margin = Math.max(
    absolute,
    relative * Math.abs(median(baseline.values)),
  );
  const lower = shift.interval?.lower ?? shift.estimate;
  const upper = shift.interval?.upper ?? shift.estimate;
  const beyond = (low: number, high: number) =>
    (direction !== 'decrease' && low > margin) ||
    (direction !== 'increase' && high < -margin);
  const state = decide({
    belowMinimum: missing.length > 0,
    significant,
    estimateBeyondTolerance: beyond(shift.estimate, shift.estimate),
    boundBeyondTolerance: beyond(lower, upper),
  });
  reasons.push(
    `${
      rank.method === 'exact' ? 'exact' : 'tie-corrected normal'
    } Mann-Whitney p = ${formatPValue(rank.pValue)} (${
      significant ? 'significant' : 'not significant'
    })`,
    `shift ${shift.estimate.toPrecision(3)}${
      shift.interval
        ? ` (interval ${lower.toPrecision(3)} to ${upper.toPrecision(3)})`
        : ''
    }, tolerance ±${margin.toPrecision(3)}`,
  );
  return {
    state,
    test:
      rank.method === 'exact'
        ? `mann-whitney-exact (n <= ${EXACT_MANN_WHITNEY_LIMIT}, no ties)`
        : 'mann-whitney-normal',
    pValue: rank.pValue,
    interval: shift.interval,
    effect: {
      measure: 'Hodges-Lehmann shift, candidate minus baseline',
      estimate: shift.estimate,
      interval: shift.interval,
    },
    sampleSizes,
    missing,
    cleaning,
    reasons,
  };
}
