import { DateTime } from 'luxon';

/**
 * Reads a timestamp column as ISO 8601 UTC. PostgreSQL returns Date objects,
 * SQLite (through knex) stores and returns epoch milliseconds.
 */
export function timestampFromDatabase(value: Date | number | string): string {
  // Dates and epoch milliseconds need no parsing: Date's own ISO form is
  // the one luxon writes for UTC, at a fraction of the cost (this runs for
  // every timestamp of every answer).
  if (value instanceof Date || typeof value === 'number') {
    return isoOfMillis(value.valueOf(), value);
  }
  if (/^\d+$/.test(value)) return isoOfMillis(Number(value), value);
  const time = DateTime.fromISO(value.replace(' ', 'T'), { zone: 'utc' });
  if (!time.isValid) {
    throw new Error(`Unreadable timestamp in database: ${String(value)}`);
  }
  return time.toUTC().toISO()!;
}

function isoOfMillis(millis: number, value: unknown): string {
  const time = new Date(millis);
  if (Number.isNaN(time.getTime())) {
    throw new Error(`Unreadable timestamp in database: ${String(value)}`);
  }
  return time.toISOString();
}

/** Writes an ISO 8601 timestamp as a Date, which both databases store natively. */
export function timestampToDatabase(iso: string): Date {
  const time = DateTime.fromISO(iso, { setZone: true });
  if (!time.isValid) {
    throw new Error(`Invalid ISO 8601 timestamp: ${iso}`);
  }
  return time.toJSDate();
}
