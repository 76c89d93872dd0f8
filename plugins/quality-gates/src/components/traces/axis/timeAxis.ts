const MICROS_PER_MS = 1_000;
const MICROS_PER_SECOND = 1_000_000;
const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

function trimmed(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/** e.g. `850 µs`, `12.5 ms`, `3.25 s`, `4 min 5 s`, `2 h 10 min`. */
export function formatDuration(micros: number): string {
  const size = Math.abs(micros);
  const sign = micros < 0 ? '-' : '';
  if (size < MICROS_PER_MS) return `${sign}${trimmed(size, 0)} µs`;
  if (size < MICROS_PER_SECOND) {
    return `${sign}${trimmed(size / MICROS_PER_MS, 2)} ms`;
  }
  if (size < MICROS_PER_MINUTE) {
    return `${sign}${trimmed(size / MICROS_PER_SECOND, 2)} s`;
  }
  if (size < MICROS_PER_HOUR) {
    const minutes = Math.floor(size / MICROS_PER_MINUTE);
    const seconds = Math.round((size % MICROS_PER_MINUTE) / MICROS_PER_SECOND);
    return seconds === 0 || seconds === 60
      ? `${sign}${minutes + seconds / 60} min`
      : `${sign}${minutes} min ${seconds} s`;
  }
  const hours = Math.floor(size / MICROS_PER_HOUR);
  const minutes = Math.round((size % MICROS_PER_HOUR) / MICROS_PER_MINUTE);
  return minutes === 0 || minutes === 60
    ? `${sign}${hours + minutes / 60} h`
    : `${sign}${hours} h ${minutes} min`;
}

const UNITS: Record<string, number> = {
  us: 1,
  µs: 1,
  ms: MICROS_PER_MS,
  s: MICROS_PER_SECOND,
  m: MICROS_PER_MINUTE,
  min: MICROS_PER_MINUTE,
  h: MICROS_PER_HOUR,
};

/**
 * Reads a duration typed by a person: `250ms`, `1.5 s`, `2m`, `300us`; a
 * bare number is milliseconds. Empty text is no duration (undefined); text
 * that is not a duration is `NaN`.
 */
export function parseDuration(text: string): number | undefined {
  const trimmedText = text.trim().toLowerCase();
  if (trimmedText === '') return undefined;
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(us|µs|ms|s|m|min|h)?$/.exec(
    trimmedText,
  );
  if (!match) return NaN;
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 'ms']);
}

/** Tick spacings a reader can add up in their head. */
const TICK_STEPS: number[] = [
  ...[0, 1, 2, 3, 4, 5, 6].flatMap(power =>
    [1, 2, 5].map(factor => factor * 10 ** power),
  ),
  15 * MICROS_PER_SECOND,
  30 * MICROS_PER_SECOND,
  MICROS_PER_MINUTE,
  2 * MICROS_PER_MINUTE,
  5 * MICROS_PER_MINUTE,
  10 * MICROS_PER_MINUTE,
  15 * MICROS_PER_MINUTE,
  30 * MICROS_PER_MINUTE,
  MICROS_PER_HOUR,
  2 * MICROS_PER_HOUR,
  3 * MICROS_PER_HOUR,
  6 * MICROS_PER_HOUR,
  12 * MICROS_PER_HOUR,
  24 * MICROS_PER_HOUR,
].sort((a, b) => a - b);

const tickLabel = (offsetMicros: number) =>
  offsetMicros === 0 ? '0' : formatDuration(offsetMicros);

/** Room between ticks for a label like "10 min" and a gap. */
const PIXELS_PER_TICK = 60;
/** Room a label hanging left of the axis's end needs from the one before. */
const HANGING_LABEL_ROOM = 90;

/**
 * How many ticks an axis this wide has room for; 6 when the width is not
 * known (nothing laid out yet).
 */
export function maxTicksFor(widthPx: number): number {
  if (!(widthPx > 0)) return 6;
  return Math.min(6, Math.max(2, Math.floor(widthPx / PIXELS_PER_TICK)));
}

/**
 * Whether a tick's label is shown: near the axis's end a label hangs left
 * of its line (it would be cut off otherwise), and the label before it
 * gives way when the two would touch.
 */
export function tickLabelShown(
  ticks: RulerTick[],
  index: number,
  widthPx: number,
): boolean {
  const next = ticks[index + 1];
  if (!next || !hangsLeft(next) || !(widthPx > 0)) return true;
  return (
    (next.position - ticks[index].position) * widthPx >= HANGING_LABEL_ROOM
  );
}

/** A label this near the axis's end hangs left of its line. */
export function hangsLeft(tick: RulerTick): boolean {
  return tick.position > 0.9;
}

export interface RulerTick {
  /** Since the trace's start. */
  offsetMicros: number;
  /** 0 to 1 across the visible window. */
  position: number;
  label: string;
}

/**
 * Ticks for the visible window `[fromMicros, toMicros]` (offsets from the
 * trace's start): the smallest readable step giving at most `maxTicks`,
 * placed on multiples of the step so that zooming keeps round labels.
 */
export function rulerTicks(
  fromMicros: number,
  toMicros: number,
  maxTicks = 6,
): RulerTick[] {
  const span = toMicros - fromMicros;
  if (!(span > 0)) {
    return [
      { offsetMicros: fromMicros, position: 0, label: tickLabel(fromMicros) },
    ];
  }
  const step =
    TICK_STEPS.find(candidate => span / candidate <= maxTicks) ??
    Math.ceil(span / maxTicks / MICROS_PER_HOUR) * MICROS_PER_HOUR;
  const ticks: RulerTick[] = [];
  for (
    let offset = Math.ceil(fromMicros / step) * step;
    offset <= toMicros;
    offset += step
  ) {
    ticks.push({
      offsetMicros: offset,
      position: (offset - fromMicros) / span,
      label: tickLabel(offset),
    });
  }
  return ticks;
}
