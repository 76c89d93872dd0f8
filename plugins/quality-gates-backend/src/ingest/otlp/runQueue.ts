import { DateTime } from 'luxon';
import { namesCiTask } from './ciAttributes';
import { Attributes, OtlpSpan } from './OtlpTraces';
import { nanosToIso } from './spanTime';

/**
 * Attributes naming when a run was queued (created, triggered), in order of
 * preference. The CI/CD conventions name the run's states, not their times;
 * producers that know the time put it next to the run's other attributes.
 */
export const QUEUED_AT_KEYS = [
  'cicd.pipeline.run.queued_at',
  'cicd.pipeline.run.created_at',
] as const;

/** A gap shorter than this between trigger and first job is scheduling noise. */
const MIN_GAP_NANOS = 1_000_000_000n;

/** Above which a number since the epoch is in ns, µs or ms: per millisecond. */
const EPOCH_UNITS: Array<[above: number, perMillisecond: number]> = [
  [1e17, 1e6],
  [1e14, 1e3],
  [1e11, 1],
];

/**
 * A time attribute: ISO 8601, or a number since the epoch in seconds,
 * milliseconds, microseconds or nanoseconds (told apart by magnitude).
 */
export function timeAttribute(value: unknown): string | undefined {
  if (typeof value === 'string' && !/^\d+(\.\d+)?$/.test(value)) {
    const parsed = DateTime.fromISO(value, { zone: 'utc' });
    return parsed.isValid ? parsed.toUTC().toISO()! : undefined;
  }
  const number = Number(value);
  if (typeof value === 'boolean' || !Number.isFinite(number) || number <= 0) {
    return undefined;
  }
  const unit = EPOCH_UNITS.find(([above]) => number > above);
  const millis = unit ? number / unit[1] : number * 1000;
  return DateTime.fromMillis(Math.floor(millis), { zone: 'utc' }).toISO()!;
}

/**
 * The earliest start of the task spans (jobs) under each span of a trace,
 * by parent span id: read once per trace, however many runs it has.
 */
export function firstJobStarts(
  traceSpans: Array<{ span: OtlpSpan }>,
): Map<string, bigint> {
  const starts = new Map<string, bigint>();
  for (const { span } of traceSpans) {
    if (!span.parentSpanId) continue;
    if (!namesCiTask(span.attributes)) continue;
    const known = starts.get(span.parentSpanId);
    if (known === undefined || span.startTimeUnixNano < known) {
      starts.set(span.parentSpanId, span.startTimeUnixNano);
    }
  }
  return starts;
}

/**
 * When a run was queued and when it started: the queued time its attributes
 * name, else, when its first job started at least a second after the run
 * span (the trigger), the run span's start as queued and the job's as the
 * start. Without either, no queue time.
 */
export function runQueue(
  span: OtlpSpan,
  attributes: Attributes,
  firstJobStart: bigint | undefined,
): { queuedAt?: string; startedAt: string } {
  const spanStart = nanosToIso(span.startTimeUnixNano);
  for (const key of QUEUED_AT_KEYS) {
    const queuedAt = timeAttribute(attributes[key]);
    if (queuedAt && queuedAt < spanStart) {
      return { queuedAt, startedAt: spanStart };
    }
  }
  if (
    firstJobStart !== undefined &&
    firstJobStart - span.startTimeUnixNano >= MIN_GAP_NANOS
  ) {
    return { queuedAt: spanStart, startedAt: nanosToIso(firstJobStart) };
  }
  return { startedAt: spanStart };
}
