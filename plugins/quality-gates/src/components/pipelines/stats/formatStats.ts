import { DurationPercentiles } from '@can-i-deploy/plugin-quality-gates-common';
import { formatDuration } from '../../shared/format/formatDuration';
import { formatPercent } from '../../shared/format/formatNumber';

/** `4 min / 9 min` (p50 / p95), or a dash without data. */
export function formatPercentiles(duration: DurationPercentiles): string {
  const one = (value: number | null) =>
    value === null ? '—' : formatDuration(value);
  return `${one(duration.p50Seconds)} / ${one(duration.p95Seconds)}`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : formatPercent(rate);
}
