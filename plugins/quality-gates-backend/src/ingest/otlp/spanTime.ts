/**
 * Span times arrive as unsigned nanoseconds since the epoch, beyond what a
 * JS number holds exactly. They are stored as microseconds: exact in a JS
 * number (and a 64-bit column) until the year 2255.
 */
export function nanosToMicros(nanos: bigint): number {
  return Number(nanos / 1000n);
}

/**
 * ISO 8601 in UTC, to the millisecond, as the rest of the plugin stores
 * times. With a plain Date: a waterfall formats two per span.
 */
export function nanosToIso(nanos: bigint): string {
  return new Date(Number(nanos / 1_000_000n)).toISOString();
}

export function microsToIso(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString();
}
