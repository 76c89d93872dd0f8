import { ErrorRatioSettings } from './errorRatioSettings';
import { ratioOf } from './sequentialVerdict';
import {
  Counts,
  logMixture,
  maxLogLikelihoodOn,
  Segment,
} from './twoProportions';

const SEARCH_STEPS = 60;

/**
 * The confidence sequence projected on a measure (ratio or difference):
 * the values v whose line p₂ = f_v(p₁) still holds a pair with M < 1/α.
 */
function projectedInterval(
  baseline: Counts,
  candidate: Counts,
  s: ErrorRatioSettings,
  line: (v: number) => Segment,
  estimate: number,
  range: [number, number],
  toSearch: (v: number) => number,
  fromSearch: (x: number) => number,
): { lower: number; upper: number } {
  const mixture = logMixture(baseline, candidate, s.prior);
  const outside = (v: number) =>
    mixture - maxLogLikelihoodOn(baseline, candidate, line(v)) >=
    s.logThreshold;
  const centre = Math.min(range[1], Math.max(range[0], estimate));
  const end = (limit: number) => {
    if (!outside(limit)) return limit;
    let inside = toSearch(centre);
    let out = toSearch(limit);
    for (let step = 0; step < SEARCH_STEPS; step++) {
      const middle = (inside + out) / 2;
      if (outside(fromSearch(middle))) out = middle;
      else inside = middle;
    }
    return fromSearch(inside);
  };
  return { lower: end(range[0]), upper: end(range[1]) };
}

const RATIO_RANGE: [number, number] = [1e-4, 1e4];

export function ratioConfidenceSequence(
  baseline: Counts,
  candidate: Counts,
  s: ErrorRatioSettings,
): { lower: number; upper: number } {
  const p1 = baseline.errors / baseline.requests;
  const p2 = candidate.errors / candidate.requests;
  const estimate = ratioOf(p1, p2);
  const interval = projectedInterval(
    baseline,
    candidate,
    s,
    ratio => ({
      slope: ratio,
      intercept: 0,
      from: 0,
      to: Math.min(1, 1 / ratio),
    }),
    estimate,
    RATIO_RANGE,
    Math.log,
    Math.exp,
  );
  return {
    lower: interval.lower <= RATIO_RANGE[0] ? 0 : interval.lower,
    upper: interval.upper >= RATIO_RANGE[1] ? Infinity : interval.upper,
  };
}

export function differenceConfidenceSequence(
  baseline: Counts,
  candidate: Counts,
  s: ErrorRatioSettings,
): { lower: number; upper: number } {
  const estimate =
    candidate.errors / candidate.requests - baseline.errors / baseline.requests;
  return projectedInterval(
    baseline,
    candidate,
    s,
    d => ({
      slope: 1,
      intercept: d,
      from: Math.max(0, -d),
      to: Math.min(1, 1 - d),
    }),
    estimate,
    [-1, 1],
    x => x,
    x => x,
  );
}
