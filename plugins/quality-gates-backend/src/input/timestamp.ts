import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * ISO 8601 with a time zone, as every timestamp of the API is written:
 * `2026-11-24T10:15:00Z`, `2026-11-24T11:15:00.250+01:00`; seconds may be
 * left out, the offset written `+0100` or `+01`.
 */
const ISO_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}[Tt](\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)$/;

/**
 * A timestamp as sent, when it names a real instant: a calendar date that
 * exists (not `2026-02-30`, not month 13), a time of day that exists, an
 * offset within ±23:59 (RFC 3339), and in UTC a year from 1 to 9999 (what
 * both databases and ISO 8601's four digits hold). Undefined otherwise.
 */
export function parseTimestamp(value: string): DateTime | undefined {
  const match = ISO_WITH_ZONE.exec(value);
  if (!match) return undefined;
  const [, hour, offsetHours, offsetMinutes] = match;
  // Luxon reads 24:00 as the next midnight; RFC 3339 has no hour 24.
  if (+hour > 23 || +(offsetHours ?? 0) > 23 || +(offsetMinutes ?? 0) > 59) {
    return undefined;
  }
  const time = DateTime.fromISO(value, { setZone: true });
  if (!time.isValid) return undefined;
  const year = time.toUTC().year;
  return year >= 1 && year <= 9999 ? time : undefined;
}

export function isTimestamp(value: string): boolean {
  return parseTimestamp(value) !== undefined;
}

export const TIMESTAMP_EXPECTED =
  'expected an ISO 8601 timestamp with a time zone, e.g. 2026-11-24T10:15:00Z';

/** A timestamp field of a payload, checked as `parseTimestamp` does. */
export function timestampField(message = TIMESTAMP_EXPECTED) {
  return z.string().refine(isTimestamp, { message });
}
