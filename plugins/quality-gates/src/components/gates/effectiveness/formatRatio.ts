import { formatPercent } from '../evidence/formatValue';

/** Sensitivity or specificity as a percentage; a dash when nothing to divide. */
export function formatRatio(value: number | null): string {
  return value === null ? '—' : formatPercent(value * 100);
}
