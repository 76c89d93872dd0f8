import { logLikelihood, logMarginal } from './twoProportions';

/**
 * Time-uniform ranks bracketing a quantile (Howard & Ramdas 2022,
 * "Sequential estimation of quantiles"): the count of observations at or
 * below the true q-quantile is Binomial(n, q) at every n, so the
 * beta-binomial mixture over that count's ratio, against q, is a
 * martingale; the counts where it stays below 1/α hold the true count at
 * all n at once with probability 1 − α. The quantile then lies between
 * the order statistics at the ends of that range.
 */
export interface RankRange {
  /** Rank (from the bottom, may be fractional) at or below the quantile. */
  lower: number;
  /** Rank at or above it; above n means unbounded. */
  upper: number;
}

const SEARCH_STEPS = 50;

/** Mixture weight, in observations, centred on q. */
const PRIOR_WEIGHT = 50;

export function timeUniformRanks(
  n: number,
  q: number,
  logThreshold: number,
): RankRange {
  if (!(n > 0)) return { lower: 0, upper: Infinity };
  const prior = { a: q * PRIOR_WEIGHT, b: (1 - q) * PRIOR_WEIGHT };
  const outside = (k: number) =>
    logMarginal({ errors: k, requests: n }, prior) -
      logLikelihood({ errors: k, requests: n }, q) >=
    logThreshold;
  const centre = n * q;
  const sd = Math.sqrt(n * q * (1 - q)) + 1;
  // Out from the centre in growing steps until outside, then bisection to
  // a hundredth of a rank.
  const end = (limit: number) => {
    if (!outside(limit)) return limit;
    const direction = Math.sign(limit - centre);
    let inside = centre;
    let out = centre;
    for (let width = sd; ; width *= 2) {
      out = centre + direction * width;
      if ((out - limit) * direction >= 0 || outside(out)) {
        out = (out - limit) * direction >= 0 ? limit : out;
        break;
      }
      inside = out;
    }
    for (
      let step = 0;
      step < SEARCH_STEPS && Math.abs(out - inside) > 0.01;
      step++
    ) {
      const middle = (inside + out) / 2;
      if (outside(middle)) out = middle;
      else inside = middle;
    }
    return out;
  };
  const lower = end(0);
  const upper = end(n);
  // A count of k or more at or below the quantile puts the k-th value at
  // or below it; at most k puts the (k + 1)-th above it.
  return {
    lower: lower > 0 ? lower : 0,
    upper: upper < n ? upper + 1 : Infinity,
  };
}
