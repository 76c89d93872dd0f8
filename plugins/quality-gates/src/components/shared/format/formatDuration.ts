const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Shown for a duration that is not a number (missing or corrupt data). */
export const NO_DURATION = '—';

/** `2 d 4 h`; the smaller unit only when it is not zero: `2 d`. */
function twoUnits(
  total: number,
  largeSize: number,
  largeUnit: string,
  smallUnit: string,
): string {
  const large = Math.floor(total / largeSize);
  const small = total - large * largeSize;
  const head = `${large} ${largeUnit}`;
  return small === 0 ? head : `${head} ${small} ${smallUnit}`;
}

/**
 * A duration for people, in its two largest units: `42 s`, `7 min 48 s`,
 * `2 h 57 min`, `2 d 4 h`. The whole figure is rounded to the smaller unit
 * before it is split, so a carry moves up (59.6 s is `1 min`, never
 * `60 s`; 3599.5 s is `1 h`, never `59 min 60 s`). Negative durations get a
 * minus sign; NaN or an infinity shows a dash.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return NO_DURATION;
  const size = Math.abs(seconds);
  const text = unsigned(size);
  return seconds < 0 && text !== '0 s' ? `−${text}` : text;
}

function unsigned(size: number): string {
  const wholeSeconds = Math.round(size);
  if (wholeSeconds < MINUTE) return `${wholeSeconds} s`;
  if (wholeSeconds < HOUR) return twoUnits(wholeSeconds, MINUTE, 'min', 's');
  const wholeMinutes = Math.round(size / MINUTE);
  if (wholeMinutes < DAY / MINUTE) {
    return twoUnits(wholeMinutes, HOUR / MINUTE, 'h', 'min');
  }
  return twoUnits(Math.round(size / HOUR), DAY / HOUR, 'd', 'h');
}

/** Seconds from one ISO time to another; NaN when either is missing. */
export function secondsBetween(fromIso?: string, toIso?: string): number {
  if (!fromIso || !toIso) return NaN;
  return (Date.parse(toIso) - Date.parse(fromIso)) / 1000;
}
