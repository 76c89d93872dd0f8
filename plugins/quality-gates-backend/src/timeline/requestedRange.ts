import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';

/** A range as the caller asked for it; both ends optional. */
export interface RangeRequest {
  from?: string;
  to?: string;
}

/** How long a range is when the caller leaves `from` out, and at most. */
export interface RangeLimits {
  defaultDays: number;
  maxDays: number;
}

function parseTime(name: string, value: string): DateTime {
  const time = DateTime.fromISO(value, { zone: 'utc' });
  if (!time.isValid) {
    throw new InputError(`${name} must be an ISO 8601 time, got '${value}'`);
  }
  return time;
}

/**
 * `from` (inclusive) and `to` (exclusive) in UTC: `to` defaults to now and
 * `from` to `defaultDays` before `to`. A range that runs backwards or is
 * longer than `maxDays` is a 400: the row limits of the answers are sized
 * for ranges up to that long.
 */
export function resolveRange(
  request: RangeRequest,
  limits: RangeLimits,
  now: DateTime = DateTime.utc(),
): { from: DateTime; to: DateTime } {
  const to = request.to ? parseTime('to', request.to) : now;
  const from = request.from
    ? parseTime('from', request.from)
    : to.minus({ days: limits.defaultDays });
  if (!(from < to)) {
    throw new InputError('from must be before to');
  }
  if (to.diff(from, 'days').days > limits.maxDays) {
    throw new InputError(
      `The range from ${from.toISO()} to ${to.toISO()} is longer than ${
        limits.maxDays
      } days; ask for a shorter one`,
    );
  }
  return { from, to };
}
