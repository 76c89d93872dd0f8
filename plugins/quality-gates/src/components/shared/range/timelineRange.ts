import { DateTime } from 'luxon';

/** The preset ranges a user can pick, in days up to now. */
export const PRESET_DAYS = [7, 30, 90] as const;

export type PresetDays = (typeof PRESET_DAYS)[number];

export const DEFAULT_PRESET_DAYS: PresetDays = 30;

/**
 * A range as the URL holds it: a preset counted back from now, or chosen
 * days (`yyyy-MM-dd` in the viewer's zone, both included).
 */
export type TimelineRange =
  | { kind: 'preset'; days: PresetDays }
  | { kind: 'custom'; from: string; to: string };

/** The URL parameters a range is kept in. */
export const RANGE_PARAMS = ['range', 'from', 'to'] as const;

function day(value: string | null): DateTime | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const parsed = DateTime.fromISO(value);
  return parsed.isValid ? parsed : undefined;
}

/**
 * Reads the range from the URL: `range=7d|30d|90d`, or `from` and `to` as
 * days. Anything else (a typo, `from` after `to`) is the default range.
 */
export function parseTimelineRange(params: URLSearchParams): TimelineRange {
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  if (from && to && from <= to) {
    return { kind: 'custom', from: from.toISODate()!, to: to.toISODate()! };
  }
  const preset = PRESET_DAYS.find(days => params.get('range') === `${days}d`);
  return { kind: 'preset', days: preset ?? DEFAULT_PRESET_DAYS };
}

/**
 * The URL with the range in it; other parameters are kept. The default
 * preset is left out to keep links short.
 */
export function withTimelineRange(
  params: URLSearchParams,
  range: TimelineRange,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of RANGE_PARAMS) next.delete(name);
  if (range.kind === 'custom') {
    next.set('from', range.from);
    next.set('to', range.to);
  } else if (range.days !== DEFAULT_PRESET_DAYS) {
    next.set('range', `${range.days}d`);
  }
  return next;
}

/** Same range, for memo keys: presets are equal whenever they were read. */
export function rangeKey(range: TimelineRange): string {
  return range.kind === 'preset'
    ? `${range.days}d`
    : `${range.from}..${range.to}`;
}

/**
 * The range as the API takes it, ISO times in UTC: `from` inclusive, `to`
 * exclusive, so a custom range runs to the end of its last day.
 */
export function resolveTimelineRange(
  range: TimelineRange,
  now: DateTime = DateTime.now(),
): { from: string; to: string } {
  if (range.kind === 'preset') {
    const to = now.toUTC();
    return { from: to.minus({ days: range.days }).toISO()!, to: to.toISO()! };
  }
  return {
    from: DateTime.fromISO(range.from).startOf('day').toUTC().toISO()!,
    to: DateTime.fromISO(range.to)
      .plus({ days: 1 })
      .startOf('day')
      .toUTC()
      .toISO()!,
  };
}
