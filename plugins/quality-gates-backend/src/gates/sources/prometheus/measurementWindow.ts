import { InputError } from '@backstage/errors';
import { formatPrometheusDuration } from './prometheusDuration';

/** A request's time window, read and checked. */
export interface MeasurementWindow {
  start: Date;
  /** Queries are evaluated at this instant. */
  end: Date;
  /** The window's length in whole seconds. */
  seconds: number;
  /** The same as a Prometheus duration, e.g. `15m`. */
  duration: string;
}

/** Reads the ISO 8601 window; throws when it is not one or is empty. */
export function readMeasurementWindow(window: {
  start: string;
  end: string;
}): MeasurementWindow {
  const start = readInstant(window.start, 'window.start');
  const end = readInstant(window.end, 'window.end');
  const seconds = Math.round((end.getTime() - start.getTime()) / 1000);
  if (seconds < 1) {
    throw new InputError(
      `The window from ${window.start} to ${window.end} is shorter than a second`,
    );
  }
  return { start, end, seconds, duration: formatPrometheusDuration(seconds) };
}

/** An ISO 8601 instant, or an error naming the field. */
export function readInstant(text: string, field: string): Date {
  const instant = new Date(typeof text === 'string' ? text : NaN);
  if (Number.isNaN(instant.getTime())) {
    throw new InputError(`${field} '${text}' is not an ISO 8601 time`);
  }
  return instant;
}
