import { formatDuration } from '@can-i-deploy/plugin-quality-gates-common';
import { MissingSample, SampleSizes } from './verdict';

/**
 * How much traffic a side still needs to reach the minimum, and how long
 * that takes if it keeps arriving at the rate seen so far.
 */
export function missingSample(
  side: MissingSample['side'],
  current: number,
  minimum: number,
  observedSeconds?: number,
): MissingSample | undefined {
  const missing = Math.ceil(minimum - current);
  if (missing <= 0) return undefined;
  const rate =
    observedSeconds && observedSeconds > 0 ? current / observedSeconds : 0;
  return rate > 0
    ? { side, missing, secondsToWait: Math.ceil(missing / rate) }
    : { side, missing };
}

/** Missing traffic of both sides; empty when both reach the minimum. */
export function missingSamples(
  sizes: SampleSizes,
  observedSeconds?: number,
): MissingSample[] {
  return [
    missingSample('baseline', sizes.baseline, sizes.minimum, observedSeconds),
    missingSample('candidate', sizes.candidate, sizes.minimum, observedSeconds),
  ].filter((m): m is MissingSample => m !== undefined);
}

export function describeMissing(missing: MissingSample, unit: string): string {
  const wait =
    missing.secondsToWait === undefined
      ? 'no traffic seen yet to estimate the wait'
      : `about ${formatDuration(
          missing.secondsToWait * 1000,
        )} at the current rate`;
  return `${missing.side} needs ${missing.missing} more ${unit} (${wait})`;
}
