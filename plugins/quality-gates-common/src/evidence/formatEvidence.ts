import { EvidenceFact, EvidenceSentence } from './EvidenceFact';

/**
 * How facts become words. `now` makes times relative ("3 h ago"); without
 * it times are absolute, as a log or a CI comment needs: with `reference`
 * (when the evidence was taken) a time within a week of it reads as a
 * weekday ("Monday 09:00 UTC"), any other as a date.
 *
 * @public
 */
export interface EvidenceFormatOptions {
  now?: Date;
  reference?: Date;
}

const UNITS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1_000],
];

/**
 * A duration as a person reads it: the two largest units, e.g. `1 h 57 min`,
 * `3 d 4 h`, `45 s`, `250 ms`.
 *
 * @public
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  if (rest < 1000) return `${sign}${rest} ms`;
  const first = UNITS.findIndex(([, size]) => rest >= size);
  const parts: string[] = [];
  for (const [unit, size] of UNITS.slice(first, first + 2)) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) parts.push(`${amount} ${unit}`);
  }
  return sign + parts.join(' ');
}

function plural(count: number, unit: string): string {
  return Math.abs(count) === 1 ? unit : `${unit}s`;
}

/**
 * A number short enough to read: integers grouped (`422,446`), others to
 * four significant digits.
 *
 * @public
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return String(Number(value.toPrecision(4)));
}

function percentDigits(value: number, signed: boolean): string {
  const digits = Number((value * 100).toPrecision(3));
  if (!Number.isFinite(digits)) return String(digits);
  return signed && digits > 0 ? `+${digits}` : String(digits);
}

/**
 * A fraction as a percentage with the digits that matter: 0.0095 → `0.95 %`;
 * `signed` for a change: 0.35 → `+35 %`.
 *
 * @public
 */
export function formatRatio(
  value: number,
  options: { signed?: boolean } = {},
): string {
  return `${percentDigits(value, options.signed ?? false)} %`;
}

/**
 * A confidence interval, e.g. `99 % interval +12 … +61 %` (of a ratio) or
 * `95 % interval 1.2 … 1.9` (of a number).
 *
 * @public
 */
export function formatInterval(interval: {
  lower: number;
  upper: number;
  of: 'ratio' | 'number';
  level?: number;
  signed?: boolean;
}): string {
  const signed = interval.signed ?? false;
  const show = (value: number) => {
    if (interval.of === 'ratio') return percentDigits(value, signed);
    const text = formatNumber(value);
    return signed && value > 0 ? `+${text}` : text;
  };
  const level =
    interval.level === undefined
      ? ''
      : `${formatRatio(interval.level)} interval `;
  const unit = interval.of === 'ratio' ? ' %' : '';
  return `${level}${show(interval.lower)} … ${show(interval.upper)}${unit}`;
}

const WEEK_MS = 7 * 86_400_000;

/** Calendar fields of a time in a zone, read through Intl (no library). */
function partsIn(time: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'long',
    hourCycle: 'h23',
  }).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find(p => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    clock: `${part('hour')}:${part('minute')}`,
    weekday: part('weekday'),
  };
}

function validZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone }).resolvedOptions()
      .timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * An ISO time, absolute (`2026-12-06 14:05 UTC`), as a weekday when within
 * a week of `reference` (`Monday 09:00 UTC`, `today 18:00 UTC`) or, with
 * `now`, relative (`3 h ago`, `in 20 min`). `timeZone` names the zone an
 * absolute time reads in.
 *
 * @public
 */
export function formatTime(
  at: string,
  options: EvidenceFormatOptions & { timeZone?: string } = {},
) {
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) return at;
  if (options.now) {
    const delta = time.getTime() - options.now.getTime();
    if (Math.abs(delta) < 60_000) return 'just now';
    const words = formatDuration(Math.abs(delta)).split(' ').slice(0, 2);
    return delta < 0 ? `${words.join(' ')} ago` : `in ${words.join(' ')}`;
  }
  const zone = validZone(options.timeZone);
  const shown = partsIn(time, zone);
  const reference = options.reference;
  if (
    reference &&
    !Number.isNaN(reference.getTime()) &&
    Math.abs(time.getTime() - reference.getTime()) < WEEK_MS - 86_400_000
  ) {
    const day =
      partsIn(reference, zone).date === shown.date ? 'today' : shown.weekday;
    return `${day} ${shown.clock} ${zone}`;
  }
  return `${shown.date} ${shown.clock} ${zone}`;
}

/**
 * A time window in UTC, e.g. `2026-11-24 01:56–02:26 UTC`, with the end's
 * date too when the day changes.
 *
 * @public
 */
export function formatTimeWindow(start: string, end: string): string {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    return `${start}–${end}`;
  }
  const first = partsIn(from, 'UTC');
  const last = partsIn(to, 'UTC');
  const ending =
    first.date === last.date ? last.clock : `${last.date} ${last.clock}`;
  return `${first.date} ${first.clock}–${ending} UTC`;
}

/**
 * One fact in words.
 *
 * @public
 */
export function formatFact(
  fact: EvidenceFact,
  options: EvidenceFormatOptions = {},
): string {
  switch (fact.kind) {
    case 'duration':
      return formatDuration(fact.ms);
    case 'time':
      return formatTime(fact.at, { ...options, timeZone: fact.timeZone });
    case 'count':
      return fact.unit
        ? `${formatNumber(fact.value)} ${plural(fact.value, fact.unit)}`
        : formatNumber(fact.value);
    case 'ratio':
      return formatRatio(fact.value, { signed: fact.signed });
    case 'interval':
      return formatInterval(fact);
    case 'number':
      return fact.unit
        ? `${formatNumber(fact.value)} ${fact.unit}`
        : formatNumber(fact.value);
    case 'version':
      return fact.version;
    case 'link':
      return fact.text;
    case 'text':
      return fact.text;
    default:
      return '';
  }
}

/**
 * A labelled fact as one line, e.g. `Waited: 1 h 57 min`.
 *
 * @public
 */
export function formatLabelledFact(
  fact: EvidenceFact,
  options: EvidenceFormatOptions = {},
): string {
  const text = formatFact(fact, options);
  return fact.label ? `${fact.label}: ${text}` : text;
}

/**
 * A summary sentence in words.
 *
 * @public
 */
export function formatSentence(
  sentence: EvidenceSentence,
  options: EvidenceFormatOptions = {},
): string {
  return sentence
    .map(part => (typeof part === 'string' ? part : formatFact(part, options)))
    .join('');
}
