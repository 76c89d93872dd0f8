import { Duration } from 'luxon';
import type { RegressionDirection, StatisticalVerdict } from '../verdict';

/**
 * A verdict that stays valid however often the same version is judged
 * again as traffic arrives.
 */
export interface SequentialVerdict extends StatisticalVerdict {
  /**
   * E-values (likelihood-ratio martingales): `fail` against "within the
   * tolerance", `pass` against "beyond the pass tolerance". Each decides
   * once it reaches `threshold` = 1 / (1 − confidence). `pValue` is
   * min(1, 1 / fail), an anytime-valid p-value.
   */
  evidence: { fail: number; pass: number; threshold: number };
  /**
   * Inconclusive only: about how many more candidate requests (or
   * observations) a decision needs if the current estimate holds;
   * undefined when none is in reach.
   */
  needed?: number;
  /** `needed` at the candidate's current rate; undefined without a rate. */
  secondsToDecision?: number;
}

/**
 * Whole units still missing to reach `minimum`; counts from rate() carry
 * float noise (399.9999… for 400), which must not ask for one more.
 */
export function stillMissing(minimum: number, current: number): number {
  return Math.max(0, Math.ceil(minimum - current - 1e-6));
}

/** Seconds until `needed` more arrive at the rate seen so far. */
export function secondsUntil(
  needed: number | undefined,
  current: number,
  observedSeconds: number | undefined,
): number | undefined {
  if (needed === undefined || !observedSeconds || !(observedSeconds > 0)) {
    return undefined;
  }
  const rate = current / observedSeconds;
  // The same float noise as in stillMissing.
  return rate > 0 ? Math.ceil(needed / rate - 1e-6) : undefined;
}

/**
 * Each side still short of the minimum sample (a floor for passing), with
 * how much it lacks and how long that takes at its rate so far.
 */
export function missingPerSide(
  sampleSizes: { baseline: number; candidate: number; minimum: number },
  observedSeconds: number | undefined,
) {
  return (['baseline', 'candidate'] as const)
    .map(side => ({
      side,
      missing: stillMissing(sampleSizes.minimum, sampleSizes[side]),
    }))
    .filter(m => m.missing > 0)
    .map(m => ({
      ...m,
      secondsToWait: secondsUntil(
        m.missing,
        sampleSizes[m.side],
        observedSeconds,
      ),
    }));
}

export function describeWait(seconds: number | undefined): string {
  return seconds === undefined
    ? 'no rate yet to estimate the wait'
    : `about ${Duration.fromObject({ seconds })
        .rescale()
        .toHuman({ unitDisplay: 'short' })} at the current rate`;
}

/** 0.059 → "5.9 %". */
export function percent(x: number): string {
  return `${+(x * 100).toPrecision(3)} %`;
}

export function factor(x: number): string {
  return Number.isFinite(x) ? `×${+x.toPrecision(3)}` : '×∞';
}

export function formatEValue(e: number): string {
  if (!Number.isFinite(e)) return '∞';
  return e >= 1e4 || e < 1e-3 ? e.toExponential(1) : `${+e.toPrecision(3)}`;
}

/** Smallest whole k in [1, limit] with reached(k); undefined if none. */
export function smallestReaching(
  reached: (k: number) => boolean,
  limit: number,
): number | undefined {
  let high = 1;
  while (!reached(high)) {
    if (high >= limit) return undefined;
    high = Math.min(limit, high * 2);
  }
  let low = Math.floor(high / 2);
  if (low >= 1 && reached(low)) return low;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reached(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** The sign of the changes that count: +, − or ±. */
export function directionSign(direction: RegressionDirection): string {
  if (direction === 'increase') return '+';
  return direction === 'decrease' ? '−' : '±';
}

/** Candidate over baseline; 1 for two zeros, ∞ over a zero baseline. */
export function ratioOf(baseline: number, candidate: number): number {
  if (baseline > 0) return candidate / baseline;
  return candidate > 0 ? Infinity : 1;
}
