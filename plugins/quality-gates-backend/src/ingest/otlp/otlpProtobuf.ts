import { InputError } from '@backstage/errors';
import { Reader, Root } from 'protobufjs';
import { otlpTraceDescriptor } from './otlpTraceDescriptor';
import {
  Attributes,
  AttributeValue,
  checkSpan,
  OtlpResourceSpans,
  OtlpSpan,
  OtlpTraces,
  RejectedSpan,
  SpanEvent,
  SpanFields,
  SpanLink,
} from './OtlpTraces';
import { storableText } from '../../input/storableText';

const root = Root.fromJSON(otlpTraceDescriptor);
const responseType = root.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse',
);
const statusType = root.lookupType('google.rpc.Status');

/*
 * Requests are read field by field with protobufjs' Reader straight into the
 * spans ingest stores, rather than decoded into protobufjs' generic message
 * objects first: attributes are most of a span, and a KeyValue, an AnyValue
 * and a Long per value cost more than the span itself. Field numbers are
 * those of opentelemetry-proto (see otlpTraceDescriptor.ts); unknown fields,
 * and known ones sent with another wire type, are skipped.
 */

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

/**
 * Deepest nesting of attribute values (lists of lists, maps of maps) kept;
 * OTLP JSON bodies are bounded by their JSON depth instead.
 */
export const MAX_ATTRIBUTE_DEPTH = 16;

/** A span (or, on the resource, the request) with values nested too deep. */
class TooDeepError extends Error {}

/** A protobufjs reader over a Node.js Buffer. */
interface BodyReader extends Reader {
  buf: Buffer;
}

/** The end of the length-delimited field at the reader, checked. */
function endOf(reader: BodyReader): number {
  const end = reader.uint32() + reader.pos;
  if (end > reader.len) {
    throw new RangeError(`index out of range: ${end} > ${reader.len}`);
  }
  return end;
}

/** Skips a field of another wire type than `wireType`; true when it matches. */
function isWireType(reader: BodyReader, tag: number, wireType: number) {
  if ((tag & 7) === wireType) return true;
  reader.skipType(tag & 7);
  return false;
}

function readText(reader: BodyReader): string {
  const end = endOf(reader);
  const text = reader.buf.toString('utf8', reader.pos, end);
  reader.pos = end;
  return storableText(text);
}

function readHex(reader: BodyReader): string {
  const end = endOf(reader);
  const hex = reader.buf.toString('hex', reader.pos, end);
  reader.pos = end;
  return hex;
}

/** A fixed64 as an unsigned 64-bit integer: nanoseconds stay exact. */
function readFixed64(reader: BodyReader): bigint {
  const low = reader.fixed32();
  const high = reader.fixed32();
  return high === 0 ? BigInt(low) : (BigInt(high) << 32n) | BigInt(low);
}

/**
 * An int64 attribute value: a JSON number while exact, else its decimal
 * string. Small non-negative values (nearly all) are read here without a
 * Long; others by protobufjs.
 */
function readInt64Value(reader: BodyReader): number | string {
  const start = reader.pos;
  const { buf } = reader;
  let value = 0;
  let scale = 1;
  // Seven bytes hold 49 bits: exact as a number.
  for (let i = 0; i < 7 && reader.pos < reader.len; i++) {
    const byte = buf[reader.pos++];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
  }
  reader.pos = start;
  const long = reader.int64() as unknown as
    | number
    | { toNumber(): number; toString(): string };
  if (typeof long === 'number') return long;
  const asNumber = long.toNumber();
  return Number.isSafeInteger(asNumber) ? asNumber : long.toString();
}

/** An AnyValue message, as plain JSON; the last variant set wins. */
function readAnyValue(
  reader: BodyReader,
  end: number,
  depth: number,
): AttributeValue {
  let value: AttributeValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) {
          value = readText(reader);
        }
        break;
      case 2:
        if (isWireType(reader, tag, VARINT)) value = reader.bool();
        break;
      case 3:
        if (isWireType(reader, tag, VARINT)) value = readInt64Value(reader);
        break;
      case 4:
        if (isWireType(reader, tag, FIXED64)) {
          const double = reader.double();
          // JSON has no NaN or Infinity; keep them readable.
          value = Number.isFinite(double) ? double : String(double);
        }
        break;
      case 5:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) {
          if (depth >= MAX_ATTRIBUTE_DEPTH) throw new TooDeepError();
          value = readArrayValue(reader, endOf(reader), depth + 1);
        }
        break;
      case 6:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) {
          if (depth >= MAX_ATTRIBUTE_DEPTH) throw new TooDeepError();
          value = {};
          readKeyValues(reader, endOf(reader), depth + 1, value);
        }
        break;
      case 7:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) {
          const bytesEnd = endOf(reader);
          value = reader.buf.toString('base64', reader.pos, bytesEnd);
          reader.pos = bytesEnd;
        }
        break;
      default:
        reader.skipType(tag & 7);
    }
  }
  return value;
}

/** An ArrayValue: `repeated AnyValue values = 1`. */
function readArrayValue(
  reader: BodyReader,
  end: number,
  depth: number,
): AttributeValue[] {
  const values: AttributeValue[] = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && isWireType(reader, tag, LENGTH_DELIMITED)) {
      values.push(readAnyValue(reader, endOf(reader), depth));
    } else if (tag >>> 3 !== 1) {
      reader.skipType(tag & 7);
    }
  }
  return values;
}

/** One KeyValue into `into`; a missing value is null. */
function readKeyValue(
  reader: BodyReader,
  end: number,
  depth: number,
  into: Attributes,
): void {
  let key = '';
  let value: AttributeValue = null;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 1 && isWireType(reader, tag, LENGTH_DELIMITED)) {
      key = readText(reader);
    } else if (field === 2 && isWireType(reader, tag, LENGTH_DELIMITED)) {
      value = readAnyValue(reader, endOf(reader), depth);
    } else if (field !== 1 && field !== 2) {
      reader.skipType(tag & 7);
    }
  }
  into[key] = value;
}

/**
 * The KeyValues of a message whose field 1 is `repeated KeyValue` (a
 * KeyValueList, or a Resource's attributes), into `into`.
 */
function readKeyValues(
  reader: BodyReader,
  end: number,
  depth: number,
  into: Attributes,
): void {
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && isWireType(reader, tag, LENGTH_DELIMITED)) {
      readKeyValue(reader, endOf(reader), depth, into);
    } else if (tag >>> 3 !== 1) {
      reader.skipType(tag & 7);
    }
  }
}

function readEvent(reader: BodyReader, end: number): SpanEvent {
  let name = '';
  let time = 0n;
  let attributes: Attributes | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        if (isWireType(reader, tag, FIXED64)) time = readFixed64(reader);
        break;
      case 2:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) name = readText(reader);
        break;
      case 3:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) {
          attributes ??= {};
          readKeyValue(reader, endOf(reader), 0, attributes);
        }
        break;
      default:
        reader.skipType(tag & 7);
    }
  }
  return {
    name,
    timeUnixNano: time.toString(),
    ...(attributes ? { attributes } : {}),
  };
}

function readLink(reader: BodyReader, end: number): SpanLink {
  let traceId = '';
  let spanId = '';
  let traceState = '';
  let attributes: Attributes | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        if (isWireType(reader, tag, LENGTH_DELIMITED))
          traceId = readHex(reader);
        break;
      case 2:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) spanId = readHex(reader);
        break;
      case 3:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) {
          traceState = readText(reader);
        }
        break;
      case 4:
        if (isWireType(reader, tag, LENGTH_DELIMITED)) {
          attributes ??= {};
          readKeyValue(reader, endOf(reader), 0, attributes);
        }
        break;
      default:
        reader.skipType(tag & 7);
    }
  }
  return {
    traceId,
    spanId,
    ...(traceState ? { traceState } : {}),
    ...(attributes ? { attributes } : {}),
  };
}

/** A Status: code (field 3) and message (field 2). */
function readStatus(reader: BodyReader, end: number, fields: SpanFields) {
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 2 && isWireType(reader, tag, LENGTH_DELIMITED)) {
      fields.statusMessage = readText(reader) || undefined;
    } else if (field === 3 && isWireType(reader, tag, VARINT)) {
      fields.statusCode = reader.int32();
    } else if (field !== 2 && field !== 3) {
      reader.skipType(tag & 7);
    }
  }
}

/** A Span, checked; or why it is rejected. */
function readSpan(reader: BodyReader, end: number): OtlpSpan | string {
  const fields: SpanFields = {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    name: '',
    kind: 0,
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    statusCode: 0,
    attributes: {},
    events: [],
    links: [],
  };
  try {
    while (reader.pos < end) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1:
          if (isWireType(reader, tag, LENGTH_DELIMITED)) {
            fields.traceId = readHex(reader);
          }
          break;
        case 2:
          if (isWireType(reader, tag, LENGTH_DELIMITED)) {
            fields.spanId = readHex(reader);
          }
          break;
        case 4:
          if (isWireType(reader, tag, LENGTH_DELIMITED)) {
            fields.parentSpanId = readHex(reader);
          }
          break;
        case 5:
          if (isWireType(reader, tag, LENGTH_DELIMITED)) {
            fields.name = readText(reader);
          }
          break;
        case 6:
          if (isWireType(reader, tag, VARINT)) fields.kind = reader.int32();
          break;
        case 7:
          if (isWireType(reader, tag, FIXED64)) {
            fields.startTimeUnixNano = readFixed64(reader);
          }
          break;
        case 8:
          if (isWireType(reader, tag, FIXED64)) {
            fields.endTimeUnixNano = readFixed64(reader);
          }
          break;
        case 9:
          if (isWireType(reader, tag, LENGTH_DELIMITED)) {
            readKeyValue(reader, endOf(reader), 0, fields.attributes);
          }
          break;
        case 11:
          if (isWireType(reader, tag, LENGTH_DELIMITED)) {
            fields.events.push(readEvent(reader, endOf(reader)));
          }
          break;
        case 13:
          if (isWireType(reader, tag, LENGTH_DELIMITED)) {
            fields.links.push(readLink(reader, endOf(reader)));
          }
          break;
        case 15:
          if (isWireType(reader, tag, LENGTH_DELIMITED)) {
            readStatus(reader, endOf(reader), fields);
          }
          break;
        default:
          reader.skipType(tag & 7);
      }
    }
  } catch (error) {
    if (!(error instanceof TooDeepError)) throw error;
    reader.pos = end;
    return `attribute values nest deeper than ${MAX_ATTRIBUTE_DEPTH} levels`;
  }
  return checkSpan(fields);
}

/** A Resource's attributes (field 1); a request error when nested too deep. */
function readResource(reader: BodyReader, end: number, r: number): Attributes {
  const attributes: Attributes = {};
  try {
    readKeyValues(reader, end, 0, attributes);
  } catch (error) {
    if (!(error instanceof TooDeepError)) throw error;
    throw new InputError(
      `resourceSpans[${r}].resource.attributes nest values deeper than ${MAX_ATTRIBUTE_DEPTH} levels`,
    );
  }
  return attributes;
}

/** A ScopeSpans: its spans (field 2); the scope itself is not kept. */
function readScopeSpans(
  reader: BodyReader,
  end: number,
  at: string,
  spans: OtlpSpan[],
  rejected: RejectedSpan[],
): void {
  let i = 0;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 2 && isWireType(reader, tag, LENGTH_DELIMITED)) {
      const checked = readSpan(reader, endOf(reader));
      if (typeof checked === 'string') {
        rejected.push({ path: `${at}.spans[${i}]`, reason: checked });
      } else {
        spans.push(checked);
      }
      i++;
    } else if (tag >>> 3 !== 2) {
      reader.skipType(tag & 7);
    }
  }
}

/** A ResourceSpans: its resource (field 1) and scope spans (field 2). */
function readResourceSpans(
  reader: BodyReader,
  end: number,
  r: number,
  rejected: RejectedSpan[],
): OtlpResourceSpans {
  const entry: OtlpResourceSpans = { resourceAttributes: {}, spans: [] };
  let s = 0;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 1 && isWireType(reader, tag, LENGTH_DELIMITED)) {
      entry.resourceAttributes = readResource(reader, endOf(reader), r);
    } else if (field === 2 && isWireType(reader, tag, LENGTH_DELIMITED)) {
      readScopeSpans(
        reader,
        endOf(reader),
        `resourceSpans[${r}].scopeSpans[${s++}]`,
        entry.spans,
        rejected,
      );
    } else if (field !== 1 && field !== 2) {
      reader.skipType(tag & 7);
    }
  }
  return entry;
}

/**
 * Decodes a protobuf `ExportTraceServiceRequest`. Bytes that are not one
 * are an InputError (400); spans that decode but are invalid are rejected
 * one by one, so the valid ones can still be stored. NUL characters in
 * names and attributes become U+FFFD (see storableText); invalid UTF-8
 * does too, as it decodes.
 */
export function decodeProtobufTraces(body: Uint8Array): OtlpTraces {
  const buffer = Buffer.isBuffer(body)
    ? body
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const reader = Reader.create(buffer) as BodyReader;
  const resourceSpans: OtlpResourceSpans[] = [];
  const rejected: RejectedSpan[] = [];
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 === 1 && isWireType(reader, tag, LENGTH_DELIMITED)) {
        resourceSpans.push(
          readResourceSpans(
            reader,
            endOf(reader),
            resourceSpans.length,
            rejected,
          ),
        );
      } else if (tag >>> 3 !== 1) {
        reader.skipType(tag & 7);
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `Body is not a protobuf ExportTraceServiceRequest: ${
        (error as Error).message
      }`,
    );
  }
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
