import { normalLowerTail } from '../normal';

/**
 * Robbins' normal mixture for a statistic that behaves like Brownian motion
 * in information time: S = (estimate − null value) · I, I = 1 / variance.
 * Mixing exp(λS − λ²I/2) over λ ≥ 0 with a half-normal of precision ρ gives
 *
 *   E = 2 √(ρ / (I + ρ)) · exp(S² / (2(I + ρ))) · Φ(S / √(I + ρ)),
 *
 * a nonnegative martingale of mean 1 under the null for Gaussian
 * increments, and asymptotically for sums of independent terms
 * (Waudby-Smith et al. 2021, time-uniform central limit theory). It
 * exceeds 1/α with probability at most α over all looks (Ville).
 */
export function logNormalMixture(
  s: number,
  information: number,
  rho: number,
): number {
  const spread = information + rho;
  const tail = normalLowerTail(s / Math.sqrt(spread));
  return (
    Math.log(2) +
    0.5 * Math.log(rho / spread) +
    (s * s) / (2 * spread) +
    (tail > 0 ? Math.log(tail) : -Infinity)
  );
}

const SEARCH_STEPS = 80;

/** The S at which the mixture reaches e^logThreshold: the boundary. */
export function normalMixtureBoundary(
  information: number,
  rho: number,
  logThreshold: number,
): number {
  let low = 0;
  let high = Math.sqrt(information + rho);
  while (logNormalMixture(high, information, rho) < logThreshold) high *= 2;
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const middle = (low + high) / 2;
    if (logNormalMixture(middle, information, rho) < logThreshold) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * The mixture precision ρ whose boundary is lowest at the information
 * `target` (golden-section search on log ρ). Any ρ keeps the guarantee;
 * this one is tightest where decisions are expected.
 */
export function tunedPrecision(target: number, logThreshold: number): number {
  const boundaryAt = (logRho: number) =>
    normalMixtureBoundary(target, Math.exp(logRho), logThreshold);
  let low = Math.log(target) - 8;
  let high = Math.log(target) + 3;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let step = 0; step < 60; step++) {
    const a = high - ratio * (high - low);
    const b = low + ratio * (high - low);
    if (boundaryAt(a) < boundaryAt(b)) high = b;
    else low = a;
  }
  return Math.exp((low + high) / 2);
}
