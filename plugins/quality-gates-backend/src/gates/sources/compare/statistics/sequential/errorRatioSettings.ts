import { InputError } from '@backstage/errors';
import { checkConfidenceLevel, RegressionDirection } from '../verdict';
import { RatioTolerance, regressionEdges } from './toleranceBoundary';
import { BetaPrior, ERROR_RATIO_PRIOR, Segment } from './twoProportions';

export interface SequentialErrorRatioOptions {
  /** Default `increase`: more errors is the regression. */
  direction?: RegressionDirection;
  /** Default 0.99. */
  confidenceLevel?: number;
  /** Fail once a change beyond it is established; default +20 % and +0.1 pp. */
  tolerance?: Partial<RatioTolerance>;
  /**
   * Pass once the change is shown to stay within it; default +200 % (×3)
   * and +0.1 pp. At least the tolerance: between the two, either verdict
   * is right, which is what lets every version reach one. ×2 is what a
   * few hundred requests with a few errors cannot vouch for within the
   * hour (see the statistics README); a regression between ×1.2 and ×3
   * usually fails long before it could pass.
   */
  passTolerance?: Partial<RatioTolerance>;
  /** Per side, a floor for passing only; default 500. */
  minRequests?: number;
  /** Length of the observation window, for the time estimate. */
  observedSeconds?: number;
  /**
   * Whether the baseline keeps receiving traffic in its current proportion
   * to the candidate's (a canary beside the old version); false when it is
   * a closed window (the old version before a rolling deploy). Default true.
   */
  baselineGrows?: boolean;
  prior?: BetaPrior;
}

export const SEQUENTIAL_ERROR_RATIO_DEFAULTS = {
  direction: 'increase' as RegressionDirection,
  confidenceLevel: 0.99,
  tolerance: { relative: 0.2, absolute: 0.001 },
  passTolerance: { relative: 2, absolute: 0.001 },
  minRequests: 500,
};

/** Everything the evidence needs, resolved once per criterion. */
export interface ErrorRatioSettings {
  direction: RegressionDirection;
  confidenceLevel: number;
  /** log(1 / (1 − confidence)). */
  logThreshold: number;
  tolerance: RatioTolerance;
  passTolerance: RatioTolerance;
  minimum: number;
  prior: BetaPrior;
  failEdges: Segment[];
  passEdges: Segment[];
}

function checkTolerance(t: RatioTolerance, name: string): RatioTolerance {
  if (!(t.relative >= 0 && t.absolute >= 0 && t.absolute < 1)) {
    throw new InputError(
      `${name} must have a relative part of at least 0 and an absolute part between 0 and 1, got ${t.relative} and ${t.absolute}`,
    );
  }
  return t;
}

export function errorRatioSettings(
  options: SequentialErrorRatioOptions = {},
): ErrorRatioSettings {
  const d = SEQUENTIAL_ERROR_RATIO_DEFAULTS;
  const direction = options.direction ?? d.direction;
  const confidenceLevel = checkConfidenceLevel(
    options.confidenceLevel ?? d.confidenceLevel,
  );
  const tolerance = checkTolerance(
    { ...d.tolerance, ...options.tolerance },
    'tolerance',
  );
  // The pass tolerance never sits inside the tolerance.
  const passTolerance = checkTolerance(
    {
      relative: Math.max(
        options.passTolerance?.relative ?? d.passTolerance.relative,
        tolerance.relative,
      ),
      absolute: Math.max(
        options.passTolerance?.absolute ?? d.passTolerance.absolute,
        tolerance.absolute,
      ),
    },
    'pass tolerance',
  );
  const minimum = options.minRequests ?? d.minRequests;
  if (!(minimum >= 0)) throw new InputError('minRequests must not be negative');
  return {
    direction,
    confidenceLevel,
    logThreshold: Math.log(1 / (1 - confidenceLevel)),
    tolerance,
    passTolerance,
    minimum,
    prior: options.prior ?? ERROR_RATIO_PRIOR,
    failEdges: regressionEdges(tolerance, direction),
    passEdges: regressionEdges(passTolerance, direction),
  };
}
