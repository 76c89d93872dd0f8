import { errorFunction, probit } from 'simple-statistics';
import { RegressionDirection } from './verdict';

/**
 * Standard normal tails. `erf` of simple-statistics is accurate to about
 * 1e-7 relative in the tail, enough for p-values; its table-based
 * `cumulativeStdNormalProbability` only has four decimals and is not used.
 */
export function normalUpperTail(z: number): number {
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  const x = z / Math.SQRT2;
  return x >= 0 ? 0.5 * (1 - errorFunction(x)) : 0.5 * (1 + errorFunction(-x));
}

export function normalLowerTail(z: number): number {
  return normalUpperTail(-z);
}

/**
 * Inverse of the standard normal CDF. simple-statistics' `probit` is only
 * good to about 3e-3 (1.9572 for 0.975), so a few Newton steps on the CDF
 * refine it.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  let z = probit(p);
  for (let step = 0; step < 8; step++) {
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const correction = (normalLowerTail(z) - p) / density;
    z -= correction;
    if (Math.abs(correction) < 1e-12) break;
  }
  return z;
}

/** p-value of a z statistic (candidate minus baseline) for the direction. */
export function pValueOfZ(z: number, direction: RegressionDirection): number {
  if (Number.isNaN(z)) return 1;
  if (direction === 'increase') return normalUpperTail(z);
  if (direction === 'decrease') return normalLowerTail(z);
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}
