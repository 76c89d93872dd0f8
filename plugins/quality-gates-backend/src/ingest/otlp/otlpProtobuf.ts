import { InputError } from '@backstage/errors';
import { Root } from 'protobufjs';
import { otlpTraceDescriptor } from './otlpTraceDescriptor';
import {
  Attributes,
  AttributeValue,
  checkSpan,
  OtlpResourceSpans,
  OtlpTraces,
  RejectedSpan,
  SpanEvent,
  SpanLink,
} from './OtlpTraces';
import { storableText } from '../../input/storableText';

const root = Root.fromJSON(otlpTraceDescriptor);
const requestType = root.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest',
);
const responseType = root.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse',
);
const statusType = root.lookupType('google.rpc.Status');

// Decoded messages, as protobufjs shapes them: 64-bit integers as Long
// objects (or numbers, should protobufjs run without its Long support).
// Absent fields may read as undefined, null or their default, so every read
// below tolerates all three.
interface Long {
  low: number;
  high: number;
  toNumber(): number;
  toString(): string;
}
type Int64 = Long | number;
type Maybe<T> = T | null | undefined;
interface PbKeyValue {
  key: string;
  value?: Maybe<PbAnyValue>;
}
interface PbAnyValue {
  /** The oneof's virtual property: the name of the field that is set. */
  value?: string;
  stringValue?: string;
  boolValue?: boolean;
  intValue?: Int64;
  doubleValue?: number;
  arrayValue?: Maybe<{ values?: PbAnyValue[] }>;
  kvlistValue?: Maybe<{ values?: PbKeyValue[] }>;
  bytesValue?: Uint8Array | number[];
}
interface PbSpan {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  parentSpanId?: Uint8Array;
  name?: string;
  kind?: number;
  startTimeUnixNano?: Int64;
  endTimeUnixNano?: Int64;
  attributes?: PbKeyValue[];
  events?: Array<{
    timeUnixNano?: Int64;
    name?: string;
    attributes?: PbKeyValue[];
  }>;
  links?: Array<{
    traceId?: Uint8Array;
    spanId?: Uint8Array;
    traceState?: string;
    attributes?: PbKeyValue[];
  }>;
  status?: Maybe<{ code?: number; message?: string }>;
}
interface PbRequest {
  resourceSpans?: Array<{
    resource?: Maybe<{ attributes?: PbKeyValue[] }>;
    scopeSpans?: Array<{ spans?: PbSpan[] }>;
  }>;
}

/** Absent bytes fields read as protobufjs' default, an empty array. */
function hex(bytes: Maybe<Uint8Array | number[]>): string {
  if (!bytes) return '';
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)).toString('hex');
}

function uint64(value: Maybe<Int64>): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'number') {
    return BigInt(value);
  }
  return (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
}

/** int64 attribute values: a JSON number while exact, else its decimal string. */
function int64Value(value: Int64): number | string {
  if (typeof value === 'number') {
    return value;
  }
  const asNumber = value.toNumber();
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

const has = (value: object, field: string) =>
  Object.prototype.hasOwnProperty.call(value, field);

/**
 * Which AnyValue variant is set. Decoding sets present fields as own
 * properties (defaults live on the prototype); checking those is much
 * cheaper than protobufjs' oneof getter, and attributes are most of a span.
 */
function variantOf(value: PbAnyValue): string | undefined {
  if (has(value, 'stringValue')) return 'stringValue';
  if (has(value, 'intValue')) return 'intValue';
  if (has(value, 'boolValue')) return 'boolValue';
  if (has(value, 'doubleValue')) return 'doubleValue';
  return value.value;
}

/**
 * Deepest nesting of attribute values (lists of lists, maps of maps) kept;
 * OTLP JSON bodies are bounded by their JSON depth instead.
 */
export const MAX_ATTRIBUTE_DEPTH = 16;

/** A span (or, on the resource, the request) with values nested too deep. */
class TooDeepError extends Error {}

function anyValue(value: Maybe<PbAnyValue>, depth: number): AttributeValue {
  if (!value) return null;
  switch (variantOf(value)) {
    case 'stringValue':
      return storableText(value.stringValue ?? '');
    case 'boolValue':
      return value.boolValue ?? false;
    case 'intValue':
      return int64Value(value.intValue ?? 0);
    case 'doubleValue': {
      const double = value.doubleValue ?? 0;
      // JSON has no NaN or Infinity; keep them readable.
      return Number.isFinite(double) ? double : String(double);
    }
    case 'arrayValue':
      if (depth >= MAX_ATTRIBUTE_DEPTH) throw new TooDeepError();
      return (value.arrayValue?.values ?? []).map(item =>
        anyValue(item, depth + 1),
      );
    case 'kvlistValue':
      if (depth >= MAX_ATTRIBUTE_DEPTH) throw new TooDeepError();
      return attributes(value.kvlistValue?.values, depth + 1);
    case 'bytesValue':
      return Buffer.from(value.bytesValue ?? []).toString('base64');
    default:
      return null;
  }
}

function attributes(keyValues: Maybe<PbKeyValue[]>, depth = 0): Attributes {
  const result: Attributes = {};
  for (const { key, value } of keyValues ?? []) {
    result[storableText(key)] = anyValue(value, depth);
  }
  return result;
}

function events(span: PbSpan): SpanEvent[] {
  return (span.events ?? []).map(event => ({
    name: storableText(event.name ?? ''),
    timeUnixNano: uint64(event.timeUnixNano).toString(),
    ...(event.attributes?.length
      ? { attributes: attributes(event.attributes) }
      : {}),
  }));
}

function links(span: PbSpan): SpanLink[] {
  return (span.links ?? []).map(link => ({
    traceId: hex(link.traceId),
    spanId: hex(link.spanId),
    ...(link.traceState ? { traceState: storableText(link.traceState) } : {}),
    ...(link.attributes?.length
      ? { attributes: attributes(link.attributes) }
      : {}),
  }));
}

/** A decoded span, checked; or why it is rejected. */
function readSpan(span: PbSpan): ReturnType<typeof checkSpan> {
  try {
    return checkSpan({
      traceId: hex(span.traceId),
      spanId: hex(span.spanId),
      parentSpanId: hex(span.parentSpanId),
      name: storableText(span.name ?? ''),
      kind: span.kind ?? 0,
      startTimeUnixNano: uint64(span.startTimeUnixNano),
      endTimeUnixNano: uint64(span.endTimeUnixNano),
      statusCode: span.status?.code ?? 0,
      statusMessage: span.status?.message
        ? storableText(span.status.message)
        : undefined,
      attributes: attributes(span.attributes),
      events: events(span),
      links: links(span),
    });
  } catch (error) {
    if (!(error instanceof TooDeepError)) throw error;
    return `attribute values nest deeper than ${MAX_ATTRIBUTE_DEPTH} levels`;
  }
}

/**
 * Decodes a protobuf `ExportTraceServiceRequest`. Bytes that are not one
 * are an InputError (400); spans that decode but are invalid are rejected
 * one by one, so the valid ones can still be stored. NUL characters and
 * lone surrogates in names and attributes become U+FFFD (see storableText).
 */
export function decodeProtobufTraces(body: Uint8Array): OtlpTraces {
  let request: PbRequest;
  try {
    request = requestType.decode(body) as unknown as PbRequest;
  } catch (error) {
    throw new InputError(
      `Body is not a protobuf ExportTraceServiceRequest: ${
        (error as Error).message
      }`,
    );
  }
  const resourceSpans: OtlpResourceSpans[] = [];
  const rejected: RejectedSpan[] = [];
  (request.resourceSpans ?? []).forEach((entry, r) => {
    const spans: OtlpResourceSpans['spans'] = [];
    (entry.scopeSpans ?? []).forEach((scope, s) => {
      (scope.spans ?? []).forEach((span, i) => {
        const checked = readSpan(span);
        if (typeof checked === 'string') {
          rejected.push({
            path: `resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`,
            reason: checked,
          });
        } else {
          spans.push(checked);
        }
      });
    });
    let resourceAttributes: Attributes;
    try {
      resourceAttributes = attributes(entry.resource?.attributes);
    } catch (error) {
      if (!(error instanceof TooDeepError)) throw error;
      throw new InputError(
        `resourceSpans[${r}].resource.attributes nest values deeper than ${MAX_ATTRIBUTE_DEPTH} levels`,
      );
    }
    resourceSpans.push({ resourceAttributes, spans });
  });
  return { resourceSpans, rejected };
}

/** `ExportTraceServiceResponse`; partial success only when spans were rejected. */
export function encodeProtobufResponse(partialSuccess?: {
  rejectedSpans: number;
  errorMessage: string;
}): Uint8Array {
  return responseType
    .encode(responseType.create(partialSuccess ? { partialSuccess } : {}))
    .finish();
}

/** `google.rpc.Status`, the body of OTLP/HTTP error answers to protobuf requests. */
export function encodeProtobufStatus(
  code: number,
  message: string,
): Uint8Array {
  return statusType.encode(statusType.create({ code, message })).finish();
}
