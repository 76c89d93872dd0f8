import { InputError } from '@backstage/errors';

/** `inconclusive` never counts as a pass. */
export type StatisticalState = 'pass' | 'fail' | 'inconclusive';

/** Which change of the metric is a regression (the test's alternative). */
export type RegressionDirection = 'increase' | 'decrease' | 'either';

export interface Interval {
  lower: number;
  upper: number;
  /** Two-sided coverage of the interval, e.g. 0.9 for a 95% one-sided bound. */
  confidenceLevel: number;
  method: string;
}

/** How big the change is, on the scale the tolerance is stated in. */
export interface Effect {
  measure: string;
  estimate: number;
  interval?: Interval;
}

/** Traffic still missing before the minimum sample size is reached. */
export interface MissingSample {
  side: 'baseline' | 'candidate';
  missing: number;
  /** Undefined when the current rate is zero or unknown. */
  secondsToWait?: number;
}

export interface SampleSizes {
  baseline: number;
  candidate: number;
  /** Minimum per side; below it the verdict is `inconclusive`. */
  minimum: number;
  unit: string;
}

export interface StatisticalVerdict {
  state: StatisticalState;
  test: string;
  pValue?: number;
  interval?: Interval;
  effect?: Effect;
  sampleSizes: SampleSizes;
  missing?: MissingSample[];
  reasons: string[];
}

export const DEFAULT_CONFIDENCE_LEVEL = 0.95;

export function checkConfidenceLevel(level: number): number {
  if (!(level > 0.5 && level < 1)) {
    throw new InputError(
      `confidence level must be between 0.5 and 1 (exclusive), got ${level}`,
    );
  }
  return level;
}

/**
 * Two-sided coverage of the interval used to bound the effect: a one-sided
 * question (only an increase matters) is answered by one end of an interval
 * whose other end is discarded, so each tail keeps the full alpha.
 */
export function intervalLevelFor(
  direction: RegressionDirection,
  confidenceLevel: number,
): number {
  return direction === 'either' ? confidenceLevel : 2 * confidenceLevel - 1;
}

/**
 * The common decision rule of all compare statistics:
 * - fail when the test is significant in the regression direction and even
 *   the conservative end of the effect's interval lies beyond the tolerance;
 * - inconclusive when a side is below its minimum, or when the change is
 *   significant and its estimate beyond tolerance but the interval cannot
 *   yet confirm it (more data will tell);
 * - pass otherwise: no significant change, or a significant but harmless one.
 */
export function decide(facts: {
  belowMinimum: boolean;
  significant: boolean;
  estimateBeyondTolerance: boolean;
  boundBeyondTolerance: boolean;
}): StatisticalState {
  if (facts.belowMinimum) return 'inconclusive';
  if (facts.significant && facts.boundBeyondTolerance) return 'fail';
  if (facts.significant && facts.estimateBeyondTolerance) return 'inconclusive';
  return 'pass';
}

export function formatPValue(p: number): string {
  return p < 0.0001 ? p.toExponential(2) : p.toPrecision(3);
}
