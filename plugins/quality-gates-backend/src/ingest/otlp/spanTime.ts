import { DateTime } from 'luxon';

/**
 * Span times arrive as unsigned nanoseconds since the epoch, beyond what a
 * JS number holds exactly. They are stored as microseconds: exact in a JS
 * number (and a 64-bit column) until the year 2255.
 */
export function nanosToMicros(nanos: bigint): number {
  return Number(nanos / 1000n);
}

/** ISO 8601 in UTC, to the millisecond, as the rest of the plugin stores times. */
export function nanosToIso(nanos: bigint): string {
  return DateTime.fromMillis(Number(nanos / 1_000_000n), {
    zone: 'utc',
  }).toISO()!;
}

export function microsToIso(micros: number): string {
  return DateTime.fromMillis(Math.floor(micros / 1000), {
    zone: 'utc',
  }).toISO()!;
}
