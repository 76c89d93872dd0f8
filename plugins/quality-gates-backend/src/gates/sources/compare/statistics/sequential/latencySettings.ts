import { InputError } from '@backstage/errors';
import { checkConfidenceLevel, RegressionDirection } from '../verdict';
import { tunedPrecision } from './normalMixture';

export interface SequentialLatencyOptions {
  /** Default `increase`: slower is the regression. */
  direction?: RegressionDirection;
  /** Default 0.99. */
  confidenceLevel?: number;
  /** Fail once a slow-down beyond it is established; default 0.1 (+10 %). */
  relativeTolerance?: number;
  /** Pass once the change is shown to stay within it; default 0.25. */
  passTolerance?: number;
  /** Checked for a slow tail; default p50, p90, p99. Empty: none. */
  quantiles?: number[];
  /** Per side, a floor for passing only; default 500. */
  minObservations?: number;
  observedSeconds?: number;
  /** See the error ratio's option; default true. */
  baselineGrows?: boolean;
}

export const SEQUENTIAL_LATENCY_DEFAULTS = {
  direction: 'increase' as RegressionDirection,
  confidenceLevel: 0.99,
  relativeTolerance: 0.1,
  passTolerance: 0.25,
  quantiles: [0.5, 0.9, 0.99],
  minObservations: 500,
};

export interface LatencySettings {
  direction: RegressionDirection;
  confidenceLevel: number;
  tolerance: number;
  passTolerance: number;
  quantiles: number[];
  minimum: number;
  /** log(1/α) for passing. */
  logThreshold: number;
  /** log(1/α) for failing on the whole latency, one side of it. */
  logWholeFailThreshold: number;
  /** log(1/α) for each side's interval of each quantile. */
  logQuantileThreshold: number;
  /** Normal-mixture precision, tuned to the minimum sample. */
  rho: number;
}

export function latencySettings(
  options: SequentialLatencyOptions = {},
): LatencySettings {
  const d = SEQUENTIAL_LATENCY_DEFAULTS;
  const direction = options.direction ?? d.direction;
  const confidenceLevel = checkConfidenceLevel(
    options.confidenceLevel ?? d.confidenceLevel,
  );
  const tolerance = options.relativeTolerance ?? d.relativeTolerance;
  if (!(tolerance >= 0)) {
    throw new InputError('latency tolerance must not be negative');
  }
  const passTolerance = Math.max(
    options.passTolerance ?? d.passTolerance,
    tolerance,
  );
  if (direction !== 'increase' && !(passTolerance < 1)) {
    throw new InputError(
      'latency tolerances must stay below 1 when faster counts as a regression',
    );
  }
  const quantiles = options.quantiles ?? d.quantiles;
  if (quantiles.some(q => !(q > 0 && q < 1))) {
    throw new InputError('latency quantiles must lie strictly between 0 and 1');
  }
  const minimum = options.minObservations ?? d.minObservations;
  if (!(minimum >= 0)) {
    throw new InputError('minObservations must not be negative');
  }
  const alpha = 1 - confidenceLevel;
  // Failing may come from the whole latency or from a quantile: half of α
  // each (all of it to the whole latency without quantiles), split again
  // over the directions, quantiles and both sides' intervals.
  const sides = direction === 'either' ? 2 : 1;
  const wholeShare = quantiles.length ? alpha / 2 : alpha;
  const quantileShare = quantiles.length
    ? alpha / 2 / (2 * quantiles.length)
    : alpha;
  const logThreshold = Math.log(1 / alpha);
  // Information of the rank statistic at the minimum on both sides.
  const target = Math.max(12, 6 * Math.max(minimum, 50));
  return {
    direction,
    confidenceLevel,
    tolerance,
    passTolerance,
    quantiles,
    minimum,
    logThreshold,
    logWholeFailThreshold: Math.log(sides / wholeShare),
    logQuantileThreshold: Math.log(1 / quantileShare),
    rho: tunedPrecision(target, logThreshold),
  };
}
