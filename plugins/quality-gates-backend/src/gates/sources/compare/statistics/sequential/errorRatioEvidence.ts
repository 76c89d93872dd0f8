import {
  SequentialVerdict,
  smallestReaching,
  stillMissing,
} from './sequentialVerdict';
import { ErrorRatioSettings } from './errorRatioSettings';
import { beyondTolerance } from './toleranceBoundary';
import {
  Counts,
  logEvidenceAgainst,
  logEvidenceAtEstimate,
} from './twoProportions';

export interface ErrorRatioEvidence {
  state: SequentialVerdict['state'];
  /** log e-value against "within the tolerance". */
  logFail: number;
  /** log e-value against "beyond the pass tolerance". */
  logPass: number;
}

/**
 * The decision alone (what a simulation needs): fail as soon as the
 * e-value against "within tolerance" reaches 1/α, whatever the sample;
 * pass once the e-value against "beyond the pass tolerance" does and both
 * sides hold the minimum.
 */
export function errorRatioEvidence(
  baseline: Counts,
  candidate: Counts,
  s: ErrorRatioSettings,
): ErrorRatioEvidence {
  if (!(baseline.requests > 0 && candidate.requests > 0)) {
    return { state: 'inconclusive', logFail: 0, logPass: 0 };
  }
  const p1 = baseline.errors / baseline.requests;
  const p2 = candidate.errors / candidate.requests;
  const atEstimate = () => logEvidenceAtEstimate(baseline, candidate, s.prior);
  // The best pair of a hypothesis that excludes the estimate lies on its
  // edge (the log-likelihood is concave); one that contains it has none.
  const logFail = beyondTolerance(p1, p2, s.tolerance, s.direction)
    ? logEvidenceAgainst(baseline, candidate, s.failEdges, s.prior)
    : atEstimate();
  if (logFail >= s.logThreshold) return { state: 'fail', logFail, logPass: 0 };
  const logPass = beyondTolerance(p1, p2, s.passTolerance, s.direction)
    ? atEstimate()
    : logEvidenceAgainst(baseline, candidate, s.passEdges, s.prior);
  const floor =
    baseline.requests >= s.minimum && candidate.requests >= s.minimum;
  return {
    state: floor && logPass >= s.logThreshold ? 'pass' : 'inconclusive',
    logFail,
    logPass,
  };
}

/** Expected counts after `more` candidate requests at the current estimate. */
function projected(
  baseline: Counts,
  candidate: Counts,
  more: number,
  baselineGrows: boolean,
): [Counts, Counts] {
  const grow = (c: Counts, extra: number): Counts => ({
    requests: c.requests + extra,
    errors: c.errors + (extra * c.errors) / c.requests,
  });
  const share = baselineGrows ? baseline.requests / candidate.requests : 0;
  return [grow(baseline, more * share), grow(candidate, more)];
}

/** Beyond this many more candidate requests a decision counts as out of reach. */
const NEEDED_LIMIT = 1e8;

/**
 * More candidate requests until a decision if the error ratios stay at
 * their estimates (and the baseline grows in proportion, when it does):
 * the first point where the expected counts' e-value reaches 1/α, and for
 * a pass, both floors. Only decisions the estimate points to are searched.
 */
export function neededForDecision(
  baseline: Counts,
  candidate: Counts,
  s: ErrorRatioSettings,
  baselineGrows: boolean,
): number | undefined {
  if (!(baseline.requests > 0 && candidate.requests > 0)) return undefined;
  const p1 = baseline.errors / baseline.requests;
  const p2 = candidate.errors / candidate.requests;
  const options: number[] = [];
  if (beyondTolerance(p1, p2, s.tolerance, s.direction)) {
    const k = smallestReaching(more => {
      const [b, c] = projected(baseline, candidate, more, baselineGrows);
      return logEvidenceAgainst(b, c, s.failEdges, s.prior) >= s.logThreshold;
    }, NEEDED_LIMIT);
    if (k !== undefined) options.push(k);
  }
  if (!beyondTolerance(p1, p2, s.passTolerance, s.direction)) {
    const share = baseline.requests / candidate.requests;
    const baselineShort = stillMissing(s.minimum, baseline.requests);
    let floor = stillMissing(s.minimum, candidate.requests);
    if (baselineShort > 0) {
      floor = baselineGrows
        ? Math.max(floor, Math.ceil(baselineShort / share))
        : Infinity;
    }
    const k =
      floor === Infinity
        ? undefined
        : smallestReaching(more => {
            const [b, c] = projected(
              baseline,
              candidate,
              Math.max(more, floor),
              baselineGrows,
            );
            return (
              logEvidenceAgainst(b, c, s.passEdges, s.prior) >= s.logThreshold
            );
          }, NEEDED_LIMIT);
    if (k !== undefined) options.push(Math.max(k, floor));
  }
  return options.length ? Math.min(...options) : undefined;
}
