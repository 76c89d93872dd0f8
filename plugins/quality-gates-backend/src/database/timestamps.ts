import { DateTime } from 'luxon';

/**
 * Reads a timestamp column as ISO 8601 UTC. PostgreSQL returns Date objects,
 * SQLite (through knex) stores and returns epoch milliseconds.
 */
export function timestampFromDatabase(value: Date | number | string): string {
  let time: DateTime;
  if (value instanceof Date) {
    time = DateTime.fromJSDate(value);
  } else if (typeof value === 'number') {
    time = DateTime.fromMillis(value);
  } else if (/^\d+$/.test(value)) {
    time = DateTime.fromMillis(Number(value));
  } else {
    time = DateTime.fromISO(value.replace(' ', 'T'), { zone: 'utc' });
  }
  if (!time.isValid) {
    throw new Error(`Unreadable timestamp in database: ${String(value)}`);
  }
  return time.toUTC().toISO()!;
}

/** Writes an ISO 8601 timestamp as a Date, which both databases store natively. */
export function timestampToDatabase(iso: string): Date {
  const time = DateTime.fromISO(iso, { setZone: true });
  if (!time.isValid) {
    throw new Error(`Invalid ISO 8601 timestamp: ${iso}`);
  }
  return time.toJSDate();
}
