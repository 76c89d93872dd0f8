import { DateTime, DateTimeUnit, DurationLikeObject } from 'luxon';

/** One tick of the time axis. */
export interface TimeTick {
  ms: number;
  label: string;
  /** Starts a larger unit (a day among hours, a month among days). */
  major: boolean;
}

interface TickInterval {
  /** The calendar unit ticks are aligned to. */
  unit: DateTimeUnit;
  step: number;
  /** Rough length, to choose an interval before making ticks. */
  approxMs: number;
  /** The larger unit whose starts are major ticks. */
  majorUnit: DateTimeUnit;
  label: string;
  majorLabel: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function interval(
  unit: DateTimeUnit,
  step: number,
  unitMs: number,
  majorUnit: DateTimeUnit,
  label: string,
  majorLabel: string,
): TickInterval {
  return {
    unit,
    step,
    approxMs: step * unitMs,
    majorUnit,
    label,
    majorLabel,
  };
}

/** Calendar steps a reader can count on, shortest first. */
const INTERVALS: TickInterval[] = [
  interval('minute', 1, MINUTE, 'day', 'HH:mm', 'MMM d'),
  interval('minute', 5, MINUTE, 'day', 'HH:mm', 'MMM d'),
  interval('minute', 15, MINUTE, 'day', 'HH:mm', 'MMM d'),
  interval('minute', 30, MINUTE, 'day', 'HH:mm', 'MMM d'),
  interval('hour', 1, HOUR, 'day', 'HH:mm', 'MMM d'),
  interval('hour', 3, HOUR, 'day', 'HH:mm', 'MMM d'),
  interval('hour', 6, HOUR, 'day', 'HH:mm', 'MMM d'),
  interval('hour', 12, HOUR, 'day', 'HH:mm', 'MMM d'),
  interval('day', 1, DAY, 'month', 'MMM d', 'MMM d'),
  interval('day', 2, DAY, 'month', 'MMM d', 'MMM d'),
  interval('week', 1, 7 * DAY, 'month', 'MMM d', 'MMM d'),
  interval('month', 1, 30 * DAY, 'year', 'MMM', 'yyyy'),
  interval('month', 3, 91 * DAY, 'year', 'MMM', 'yyyy'),
  interval('year', 1, 365 * DAY, 'year', 'yyyy', 'yyyy'),
];

/** The first tick at or before `start`: a whole multiple of the step. */
function alignedStart(start: DateTime, tick: TickInterval): DateTime {
  const floored = start.startOf(tick.unit);
  if (tick.step === 1 || tick.unit === 'week' || tick.unit === 'day') {
    return floored;
  }
  // 15 minutes fall on :00, :15, ...; 3 hours on 00:00, 03:00, ...
  const value = floored.get(tick.unit as 'minute' | 'hour' | 'month');
  const base = tick.unit === 'month' ? 1 : 0;
  const aligned = Math.floor((value - base) / tick.step) * tick.step + base;
  return floored.set({ [tick.unit]: aligned });
}

function isStartOf(time: DateTime, unit: DateTimeUnit): boolean {
  return time.startOf(unit).toMillis() === time.toMillis();
}

/**
 * Ticks for a span in the viewer's zone (or `zone`), on calendar
 * boundaries, at most about one per `minSpacingPx`. Computed with luxon, so
 * days and months follow the calendar and daylight saving changes.
 */
export function timeTicks(
  startMs: number,
  endMs: number,
  widthPx: number,
  options: { minSpacingPx?: number; zone?: string } = {},
): TimeTick[] {
  const { minSpacingPx = 90, zone = 'local' } = options;
  const duration = endMs - startMs;
  if (!(duration > 0) || !(widthPx > 0)) return [];
  const maxTicks = Math.max(2, Math.floor(widthPx / minSpacingPx));
  const tick =
    INTERVALS.find(candidate => duration / candidate.approxMs <= maxTicks) ??
    INTERVALS[INTERVALS.length - 1];

  const ticks: TimeTick[] = [];
  const start = DateTime.fromMillis(startMs, { zone });
  const step: DurationLikeObject = { [tick.unit]: tick.step };
  let time = alignedStart(start, tick);
  // A bound on the loop, whatever the calendar does.
  for (let i = 0; i < maxTicks * 3 + 4 && time.toMillis() <= endMs; i++) {
    const ms = time.toMillis();
    if (ms >= startMs) {
      const major = isStartOf(time, tick.majorUnit);
      ticks.push({
        ms,
        major,
        label: time.toFormat(major ? tick.majorLabel : tick.label),
      });
    }
    time = time.plus(step);
  }
  return ticks;
}
