/** Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for bucket shares. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) *
      t +
      0.254829592) *
      t *
      Math.exp(-a * a);
  return sign * y;
}

export function logNormalCdf(x: number, median: number, sigma: number): number {
  return 0.5 * (1 + erf(Math.log(x / median) / (sigma * Math.SQRT2)));
}
