/** A value axis chosen for the data: where it ends and where its ticks sit. */
export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

/** At most this many steps between 0 and the top of an axis. */
const MAX_STEPS = 5;

function finiteValues(values: Array<number | null | undefined>): number[] {
  return values.filter(
    (value): value is number =>
      typeof value === 'number' && Number.isFinite(value),
  );
}

function axisOf(step: number, steps: number): ValueAxis {
  const ticks = Array.from({ length: steps + 1 }, (_, index) =>
    // Rounded so 0.1 * 3 is 0.3 and the tick text stays short.
    Number((index * step).toPrecision(12)),
  );
  return { domain: [0, ticks[ticks.length - 1]], ticks };
}

/** Tops of a percent axis, in percent; steps of a fifth of each. */
const PERCENT_TOPS = [10, 20, 25, 50, 100];

/**
 * A percent axis from 0 to the first of 10, 20, 25, 50 or 100 % that holds
 * the data, so it never runs past 100 % and a run of zeros reads as 0 on a
 * 0–10 % axis rather than on recharts' 0–4 (400 % for shares). `unit` is
 * what 100 % is in the data: 1 for shares, 100 for percentages.
 */
export function percentAxis(
  values: Array<number | null | undefined>,
  unit: 1 | 100,
): ValueAxis {
  const largest = Math.max(0, ...finiteValues(values)) * (100 / unit);
  const top = PERCENT_TOPS.find(candidate => largest <= candidate) ?? 100;
  return axisOf((top / MAX_STEPS) * (unit / 100), MAX_STEPS);
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a person counts in, in seconds: 15 s, 5 min, 2 h, 1 d… */
const DURATION_STEPS = [
  1,
  2,
  5,
  10,
  15,
  30,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

/**
 * A duration axis whose ticks fall on whole steps (0, 1 h, 2 h, 3 h, 4 h,
 * not 1.9, 2.9, 3.8 h): the smallest step that reaches past the data in at
 * most five. `unitSeconds` is what 1 is in the data (3600 for hours); the
 * ticks come back in that unit. All-zero or no data gives 0–1 min.
 */
export function durationAxis(
  values: Array<number | null | undefined>,
  unitSeconds = 1,
): ValueAxis {
  const largest = Math.max(0, ...finiteValues(values)) * unitSeconds;
  if (largest === 0) return axisOf((15 * 1) / unitSeconds, 4);
  const step =
    DURATION_STEPS.find(candidate => largest <= candidate * MAX_STEPS) ??
    Math.ceil(largest / MAX_STEPS / (30 * DAY)) * 30 * DAY;
  return axisOf(step / unitSeconds, Math.ceil(largest / step));
}
