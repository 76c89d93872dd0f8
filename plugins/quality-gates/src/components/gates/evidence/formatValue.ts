import { formatNumber } from '@can-i-deploy/plugin-quality-gates-common';

/**
 * An observed or baseline value as the evidence formatter says numbers
 * (3,600, 0.01235, 812.3). Null is no data.
 */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return 'no data';
  }
  return formatNumber(value);
}

/** A score or percentage, e.g. `62.5%`. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}
