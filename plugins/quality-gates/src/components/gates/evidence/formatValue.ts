/**
 * An observed or baseline value, short: integers as they are, others to
 * four significant digits (0.01234, 812.3). Null is no data.
 */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return 'no data';
  }
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/** A score or percentage, e.g. `62.5%`. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}
