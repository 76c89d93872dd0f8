import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';

export const TRACE_ID = '5b8efff798038103d269b633813fc60c';

/** 2026-03-02T09:00:00Z, in microseconds: where test traces start. */
export const TRACE_START_MICROS = 1_772_442_000_000_000;

function isoOf(micros: number): string {
  return DateTime.fromMillis(Math.floor(micros / 1000), {
    zone: 'utc',
  }).toISO()!;
}

/**
 * A span from `startMicros` to `endMicros` after the trace's start, under
 * `parentSpanId` when given.
 */
export function span(
  spanId: string,
  startMicros: number,
  endMicros: number,
  change: Partial<TraceSpan> = {},
): TraceSpan {
  const start = TRACE_START_MICROS + startMicros;
  const end = TRACE_START_MICROS + endMicros;
  return {
    traceId: TRACE_ID,
    spanId,
    depth: 0,
    name: spanId,
    kind: 'internal',
    startTime: isoOf(start),
    endTime: isoOf(end),
    startTimeUnixMicros: start,
    endTimeUnixMicros: end,
    durationMicros: end - start,
    status: { code: 'unset' },
    serviceName: 'ci',
    attributes: {},
    events: [],
    links: [],
    resourceAttributes: {},
    ...change,
  };
}

/** A child of `parentSpanId`. */
export function child(
  parentSpanId: string,
  spanId: string,
  startMicros: number,
  endMicros: number,
  change: Partial<TraceSpan> = {},
): TraceSpan {
  return span(spanId, startMicros, endMicros, { parentSpanId, ...change });
}

/** Sorted by start, as the API returns spans. */
export function byStart(spans: TraceSpan[]): TraceSpan[] {
  return [...spans].sort(
    (a, b) => a.startTimeUnixMicros - b.startTimeUnixMicros,
  );
}

/**
 * A pipeline of `count` spans: one root over jobs one after the other,
 * each job with 9 steps one after the other; every 97th span fails.
 */
export function largePipeline(count: number): TraceSpan[] {
  const spans: TraceSpan[] = [
    span('root', 0, count * 1000, { name: 'pipeline' }),
  ];
  let job = '';
  for (let i = 1; i < count; i++) {
    const id = `s${i}`;
    if (i % 10 === 1) {
      job = id;
      spans.push(
        child('root', id, i * 1000, (i + 10) * 1000, {
          name: `job ${i}`,
          serviceName: 'runner',
        }),
      );
    } else {
      spans.push(
        child(job, id, i * 1000, (i + 1) * 1000, {
          name: `step ${i}`,
          serviceName: 'runner',
          status:
            i % 97 === 0
              ? { code: 'error', message: 'exit 1' }
              : { code: 'ok' },
        }),
      );
    }
  }
  return spans;
}

/** Epoch nanoseconds as OTLP writes them, `offsetMicros` after the trace's start. */
export function nanosAfterStart(offsetMicros: number, extraNanos = 0): string {
  return String(
    BigInt(TRACE_START_MICROS + offsetMicros) * BigInt(1000) +
      BigInt(extraNanos),
  );
}
