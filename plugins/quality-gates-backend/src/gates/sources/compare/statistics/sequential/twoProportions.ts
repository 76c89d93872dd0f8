// Bound once: each global lookup of Math is slow inside sandboxed module
// contexts (the test runner's), and simulations call these millions of times.
const { log, max } = Math;

/**
 * Evidence about two error ratios that stays valid however often it is
 * looked at: Robbins' beta-binomial mixture of likelihood ratios, one per
 * side, multiplied. For true ratios (p₁, p₂) the product
 *
 *   M(p₁, p₂) = m(e₁, n₁) m(e₂, n₂) / (L₁(p₁) L₂(p₂)),
 *
 * m the beta-binomial marginal likelihood of the counts, is a nonnegative
 * martingale of mean 1 as requests arrive (in any order, on either side),
 * so by Ville's inequality it ever reaches 1/α with probability at most α.
 * {(p₁, p₂) : M < 1/α} is therefore a confidence sequence, and a set of
 * ratios H is rejected, at any number of looks, when even its best member
 * has M ≥ 1/α: the e-value inf over H of M. Counts may be fractional
 * (expected counts when estimating the traffic still needed).
 */
export interface Counts {
  errors: number;
  requests: number;
}

/** Beta(a, b) mixing distribution of one side's error ratio. */
export interface BetaPrior {
  a: number;
  b: number;
}

/**
 * Mean 2 %, weight of 51 requests: most of its mass over the error ratios
 * of HTTP services (0.1–10 %). Any prior keeps the guarantee; this one
 * only decides how fast the evidence grows there (in simulation it fails
 * and passes a little sooner than Jeffreys' or flatter ones).
 */
export const ERROR_RATIO_PRIOR: BetaPrior = { a: 1, b: 50 };

/** log Γ(x), x > 0: Lanczos' series (g = 7, 9 terms). */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028,
  771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * log(2 * Math.PI);

export function logGamma(x: number): number {
  // Reflection below ½, where the series loses accuracy.
  if (x < 0.5)
    return log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * log(t) - t + log(sum);
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** x·log(y) with 0·log(0) = 0. */
function xlogy(x: number, y: number): number {
  return x === 0 ? 0 : x * log(y);
}

/** log of the beta-binomial marginal likelihood of one side's counts. */
export function logMarginal(counts: Counts, prior: BetaPrior): number {
  const ok = counts.requests - counts.errors;
  return (
    logBeta(prior.a + counts.errors, prior.b + ok) - logBeta(prior.a, prior.b)
  );
}

export function logLikelihood(counts: Counts, p: number): number {
  return (
    xlogy(counts.errors, p) + xlogy(counts.requests - counts.errors, 1 - p)
  );
}

/** A line p₂ = slope·p₁ + intercept for p₁ in [from, to]. */
export interface Segment {
  slope: number;
  intercept: number;
  from: number;
  to: number;
}

const BISECTION_STEPS = 60;

function score(counts: Counts, p: number): number {
  const ok = counts.requests - counts.errors;
  return (counts.errors ? counts.errors / p : 0) - (ok ? ok / (1 - p) : 0);
}

/**
 * The highest joint log-likelihood on a segment. Along a line the
 * log-likelihood is concave in p₁, so the zero of its derivative is found
 * by bisection.
 */
export function maxLogLikelihoodOn(
  baseline: Counts,
  candidate: Counts,
  segment: Segment,
): number {
  const { slope, intercept } = segment;
  const at = (x: number) =>
    logLikelihood(baseline, x) +
    logLikelihood(candidate, slope * x + intercept);
  let low = segment.from;
  let high = segment.to;
  if (!(high >= low)) return -Infinity;
  for (let step = 0; step < BISECTION_STEPS && high - low > 1e-15; step++) {
    const middle = (low + high) / 2;
    const derivative =
      score(baseline, middle) +
      (slope ? slope * score(candidate, slope * middle + intercept) : 0);
    if (derivative > 0) low = middle;
    else high = middle;
  }
  return max(at(segment.from), at(segment.to), at((low + high) / 2));
}

export function logMixture(
  baseline: Counts,
  candidate: Counts,
  prior: BetaPrior,
): number {
  return logMarginal(baseline, prior) + logMarginal(candidate, prior);
}

/**
 * log e-value against every pair of ratios on the segments: the mixture
 * over the best likelihood there.
 */
export function logEvidenceAgainst(
  baseline: Counts,
  candidate: Counts,
  segments: Segment[],
  prior: BetaPrior,
): number {
  const best = max(
    ...segments.map(s => maxLogLikelihoodOn(baseline, candidate, s)),
  );
  return logMixture(baseline, candidate, prior) - best;
}

/** log e-value against the maximum-likelihood pair itself: never above 0. */
export function logEvidenceAtEstimate(
  baseline: Counts,
  candidate: Counts,
  prior: BetaPrior,
): number {
  const p1 = baseline.errors / baseline.requests;
  const p2 = candidate.errors / candidate.requests;
  return (
    logMixture(baseline, candidate, prior) -
    logLikelihood(baseline, p1) -
    logLikelihood(candidate, p2)
  );
}
