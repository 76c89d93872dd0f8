/** A timestamp as PostgreSQL (Date) or SQLite (milliseconds) returns it. */
export function millisOf(value: Date | number | string): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' || /^\d+$/.test(value)) return Number(value);
  return Date.parse(value);
}
