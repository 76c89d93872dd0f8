import { Duration } from 'luxon';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `2 d 4 h`; the smaller unit only when it is not zero: `2 d`. */
function twoUnits(
  large: [number | undefined, string],
  small: [number | undefined, string],
): string {
  const [largeValue = 0, largeUnit] = large;
  const [smallValue = 0, smallUnit] = small;
  const head = `${largeValue} ${largeUnit}`;
  return smallValue === 0 ? head : `${head} ${smallValue} ${smallUnit}`;
}

/**
 * A duration for people, to the precision that matters at its size:
 * `2 d 4 h`, `3 h 12 min`, `45 min`, `30 s`. Negative durations get a
 * minus sign.
 */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const size = Math.abs(seconds);
  if (size >= DAY) {
    const { days, hours } = Duration.fromObject({
      hours: Math.round(size / HOUR),
    })
      .shiftTo('days', 'hours')
      .toObject();
    return sign + twoUnits([days, 'd'], [hours, 'h']);
  }
  if (size >= HOUR) {
    const { hours, minutes } = Duration.fromObject({
      minutes: Math.round(size / MINUTE),
    })
      .shiftTo('hours', 'minutes')
      .toObject();
    return sign + twoUnits([hours, 'h'], [minutes, 'min']);
  }
  if (size >= MINUTE) return `${sign}${Math.round(size / MINUTE)} min`;
  return `${sign}${Math.round(size)} s`;
}
