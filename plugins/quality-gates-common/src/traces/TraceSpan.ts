import { PipelineResult } from '../delivery/DeliveryEvents';

/**
 * An attribute value as plain JSON (OTLP's AnyValue without its wrapper).
 *
 * @public
 */
export type SpanAttributeValue =
  | string
  | number
  | boolean
  | null
  | SpanAttributeValue[]
  | { [key: string]: SpanAttributeValue };

/** @public */
export type SpanAttributes = Record<string, SpanAttributeValue>;

/** @public */
export type TraceSpanKind =
  | 'unspecified'
  | 'internal'
  | 'server'
  | 'client'
  | 'producer'
  | 'consumer';

/** @public */
export type TraceSpanStatusCode = 'unset' | 'ok' | 'error';

/** @public */
export interface TraceSpanEvent {
  name: string;
  /** Decimal nanoseconds since the epoch, exact. */
  timeUnixNano: string;
  attributes?: SpanAttributes;
}

/** @public */
export interface TraceSpanLink {
  traceId: string;
  spanId: string;
  traceState?: string;
  attributes?: SpanAttributes;
}

/**
 * What a waterfall shows of one span, as `GET /traces/{traceId}` returns it.
 *
 * @public
 */
export interface TraceSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** Nesting; a span whose parent is not stored is a root (0). */
  depth: number;
  name: string;
  kind: TraceSpanKind;
  startTime: string;
  endTime: string;
  /** Exact times, for offsets finer than the ISO strings' milliseconds. */
  startTimeUnixMicros: number;
  endTimeUnixMicros: number;
  durationMicros: number;
  status: { code: TraceSpanStatusCode; message?: string };
  serviceName?: string;
  entityRef?: string;
  pipelineRunId?: string;
  /** The CI task (job, stage, step) the span records, when it is one. */
  ciTask?: {
    taskName?: string;
    taskType?: string;
    taskRunId?: string;
    taskResult?: PipelineResult;
    taskRunUrl?: string;
  };
  attributes: SpanAttributes;
  events: TraceSpanEvent[];
  links: TraceSpanLink[];
  resourceAttributes: SpanAttributes;
}

/**
 * Response of `GET /traces/{traceId}`: spans ordered by start.
 *
 * @public
 */
export interface TraceResponse {
  traceId: string;
  entityRef?: string;
  spans: TraceSpan[];
}
