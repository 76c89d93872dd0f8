/**
 * What an OTLP trace export carries once decoded from either encoding
 * (protobuf or OTLP JSON): ids as lower-case hex, times as exact unsigned
 * nanoseconds, attribute values as plain JSON.
 */

/** An attribute value as plain JSON (AnyValue without its wrapper). */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | AttributeValue[]
  | { [key: string]: AttributeValue };

export type Attributes = Record<string, AttributeValue>;

/** OTLP `Span.SpanKind`, by the index of its enum value. */
export const SPAN_KINDS = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

/** OTLP `Status.StatusCode`, by the index of its enum value. */
export const SPAN_STATUS_CODES = ['unset', 'ok', 'error'] as const;
export type SpanStatusCode = (typeof SPAN_STATUS_CODES)[number];

export interface SpanEvent {
  name: string;
  /** Decimal nanoseconds since the epoch, exact. */
  timeUnixNano: string;
  attributes?: Attributes;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState?: string;
  attributes?: Attributes;
}

/** One valid span of a request. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: SpanKind;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  status: { code: SpanStatusCode; message?: string };
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
}

/** The spans of one resource (one process, one CI job, ...). */
export interface OtlpResourceSpans {
  resourceAttributes: Attributes;
  spans: OtlpSpan[];
}

/** A span the request carried that cannot be stored, and why. */
export interface RejectedSpan {
  /** Where in the request, e.g. `resourceSpans[0].scopeSpans[1].spans[7]`. */
  path: string;
  reason: string;
}

/** A decoded export request: what can be stored and what was rejected. */
export interface OtlpTraces {
  resourceSpans: OtlpResourceSpans[];
  rejected: RejectedSpan[];
}

/** A span as read from the wire, before it is checked. */
export interface SpanFields {
  /** Lower-case hex, or undefined when the field was not readable as such. */
  traceId?: string;
  spanId?: string;
  /** Empty when the span is a root. */
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano?: bigint;
  endTimeUnixNano?: bigint;
  statusCode: number;
  statusMessage?: string;
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
}

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const ALL_ZERO = /^0+$/;

/**
 * Checks a span read from the wire: ids of the right size and not all zero
 * (the OTLP spec calls those invalid), known kind and status, both times set
 * and the end not before the start. Returns the span or why it is rejected.
 */
export function checkSpan(fields: SpanFields): OtlpSpan | string {
  const { traceId, spanId, parentSpanId } = fields;
  if (!traceId || !TRACE_ID.test(traceId) || ALL_ZERO.test(traceId)) {
    return 'traceId must be 16 bytes (32 hex characters), not all zero';
  }
  if (!spanId || !SPAN_ID.test(spanId) || ALL_ZERO.test(spanId)) {
    return 'spanId must be 8 bytes (16 hex characters), not all zero';
  }
  if (
    parentSpanId === undefined ||
    (parentSpanId && !SPAN_ID.test(parentSpanId))
  ) {
    return 'parentSpanId must be empty or 8 bytes (16 hex characters)';
  }
  const kind = SPAN_KINDS[fields.kind];
  if (!kind) {
    return `kind ${fields.kind} is not a SpanKind`;
  }
  const statusCode = SPAN_STATUS_CODES[fields.statusCode];
  if (!statusCode) {
    return `status.code ${fields.statusCode} is not a StatusCode`;
  }
  const { startTimeUnixNano: start, endTimeUnixNano: end } = fields;
  if (!start) {
    return 'startTimeUnixNano must be a positive unsigned 64-bit integer';
  }
  if (!end) {
    return 'endTimeUnixNano must be a positive unsigned 64-bit integer';
  }
  if (end < start) {
    return 'endTimeUnixNano is before startTimeUnixNano';
  }
  return {
    traceId,
    spanId,
    // All-zero parent ids are sent by some SDKs for roots.
    parentSpanId:
      parentSpanId && !ALL_ZERO.test(parentSpanId) ? parentSpanId : undefined,
    name: fields.name,
    kind,
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    status: {
      code: statusCode,
      message: fields.statusMessage || undefined,
    },
    attributes: fields.attributes,
    events: fields.events,
    links: fields.links,
  };
}

const MAX_UINT64 = (1n << 64n) - 1n;

/** An unsigned 64-bit integer from a decimal string or a JSON number. */
export function readUint64(value: unknown): bigint | undefined {
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) {
    const parsed = BigInt(value);
    return parsed <= MAX_UINT64 ? parsed : undefined;
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    return BigInt(value);
  }
  return undefined;
}

/** How many rejections an answer's message spells out; the rest are counted. */
const REJECTIONS_DESCRIBED = 5;

/** The `errorMessage` of a partial success: the first few reasons, with paths. */
export function describeRejections(rejected: RejectedSpan[]): string {
  const described = rejected
    .slice(0, REJECTIONS_DESCRIBED)
    .map(({ path, reason }) => `${path}: ${reason}`);
  const more = rejected.length - described.length;
  return `${rejected.length} span${
    rejected.length === 1 ? '' : 's'
  } rejected: ${described.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
