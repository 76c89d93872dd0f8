import { InputError } from '@backstage/errors';
import {
  Attributes,
  AttributeValue,
  checkSpan,
  OtlpResourceSpans,
  OtlpTraces,
  readUint64,
  RejectedSpan,
  SPAN_KINDS,
  SPAN_STATUS_CODES,
  SpanEvent,
  SpanLink,
} from './OtlpTraces';
import { parseJson } from '../../input/requestBody';
import { storableText } from '../../input/storableText';

type JsonObject = Record<string, unknown>;

/** A field of one span that cannot be read; rejects that span only. */
class SpanFieldError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A field by its OTLP JSON name (lowerCamelCase) or, as the protobuf JSON
 * mapping also allows, its original snake_case name.
 */
function field(object: JsonObject, camel: string, snake?: string): unknown {
  const value = object[camel];
  return value === undefined && snake ? object[snake] : value;
}

function list(
  object: JsonObject,
  camel: string,
  snake: string | undefined,
  path: string,
  fail: (path: string, message: string) => Error,
): unknown[] {
  const value = field(object, camel, snake);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fail(`${path}.${camel}`, 'must be an array');
  return value;
}

const spanFieldError = (path: string, message: string) =>
  new SpanFieldError(path, message);
const requestError = (path: string, message: string) =>
  new InputError(`${path} ${message}`);

/** Ids are hex in OTLP JSON (not base64 as in the generic protobuf mapping). */
function id(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string') {
    throw new SpanFieldError(path, 'must be a hex string');
  }
  return value.toLowerCase();
}

/** An enum as its number or its value name, e.g. `SPAN_KIND_SERVER`. */
function enumValue(
  value: unknown,
  prefix: string,
  names: readonly string[],
  path: string,
): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const index = names.indexOf(value.replace(prefix, '').toLowerCase());
    if (index >= 0) return index;
  }
  throw new SpanFieldError(path, `must be a ${prefix}* enum name or number`);
}

/** A JSON number while exact, else the decimal string (as from protobuf). */
function int64Value(value: unknown, path: string): number | string {
  if (typeof value === 'number' && Number.isInteger(value)) {
    return Number.isSafeInteger(value) ? value : String(value);
  }
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) {
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? asNumber : value;
  }
  throw new SpanFieldError(path, 'must be an integer or its decimal string');
}

function doubleValue(value: unknown, path: string): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    // JSON has no NaN or Infinity; the protobuf JSON mapping spells them.
    if (['NaN', 'Infinity', '-Infinity'].includes(value)) return value;
    const parsed = Number(value);
    if (value.trim() !== '' && Number.isFinite(parsed)) return parsed;
  }
  throw new SpanFieldError(path, 'must be a number');
}

/** The AnyValue variants, by their JSON and snake_case names. */
const VALUE_FIELDS = [
  ['stringValue', 'string_value'],
  ['boolValue', 'bool_value'],
  ['intValue', 'int_value'],
  ['doubleValue', 'double_value'],
  ['arrayValue', 'array_value'],
  ['kvlistValue', 'kvlist_value'],
  ['bytesValue', 'bytes_value'],
] as const;
type ValueField = (typeof VALUE_FIELDS)[number][0];

function variantValue(
  variant: ValueField,
  inner: unknown,
  path: string,
): AttributeValue {
  switch (variant) {
    case 'stringValue':
    case 'bytesValue':
      // Bytes stay as their base64 text.
      if (typeof inner !== 'string') {
        throw new SpanFieldError(path, 'must be a string');
      }
      return storableText(inner);
    case 'boolValue':
      if (typeof inner !== 'boolean') {
        throw new SpanFieldError(path, 'must be a boolean');
      }
      return inner;
    case 'intValue':
      return int64Value(inner, path);
    case 'doubleValue':
      return doubleValue(inner, path);
    case 'arrayValue':
      if (!isObject(inner)) throw new SpanFieldError(path, 'must be an object');
      return list(inner, 'values', undefined, path, spanFieldError).map(
        (item, i) => anyValue(item, `${path}.values[${i}]`),
      );
    default:
      if (!isObject(inner)) throw new SpanFieldError(path, 'must be an object');
      return attributes(
        list(inner, 'values', undefined, path, spanFieldError),
        `${path}.values`,
        spanFieldError,
      );
  }
}

function anyValue(value: unknown, path: string): AttributeValue {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) {
    throw new SpanFieldError(path, 'must be an AnyValue object');
  }
  for (const [camel, snake] of VALUE_FIELDS) {
    const inner = field(value, camel, snake);
    if (inner !== undefined) {
      return variantValue(camel, inner, `${path}.${camel}`);
    }
  }
  return null;
}

function attributes(
  keyValues: unknown[],
  path: string,
  fail: (path: string, message: string) => Error,
): Attributes {
  const result: Attributes = {};
  keyValues.forEach((keyValue, i) => {
    if (!isObject(keyValue) || typeof keyValue.key !== 'string') {
      throw fail(`${path}[${i}]`, 'must be a KeyValue with a string key');
    }
    try {
      result[storableText(keyValue.key)] = anyValue(
        keyValue.value,
        `${path}[${i}].value`,
      );
    } catch (error) {
      // Resource attributes fail the request, span attributes the span.
      if (error instanceof SpanFieldError)
        throw fail(error.path, error.message);
      throw error;
    }
  });
  return result;
}

function objectAt(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw new SpanFieldError(path, 'must be an object');
  return value;
}

function events(span: JsonObject, path: string): SpanEvent[] {
  return list(span, 'events', undefined, path, spanFieldError).map(
    (item, i) => {
      const at = `${path}.events[${i}]`;
      const event = objectAt(item, at);
      const time = readUint64(
        field(event, 'timeUnixNano', 'time_unix_nano') ?? 0,
      );
      if (time === undefined) {
        throw new SpanFieldError(
          `${at}.timeUnixNano`,
          'must be an unsigned integer',
        );
      }
      const name = field(event, 'name') ?? '';
      const eventAttributes = attributes(
        list(event, 'attributes', undefined, at, spanFieldError),
        `${at}.attributes`,
        spanFieldError,
      );
      return {
        name: storableText(String(name)),
        timeUnixNano: time.toString(),
        ...(Object.keys(eventAttributes).length
          ? { attributes: eventAttributes }
          : {}),
      };
    },
  );
}

function links(span: JsonObject, path: string): SpanLink[] {
  return list(span, 'links', undefined, path, spanFieldError).map((item, i) => {
    const at = `${path}.links[${i}]`;
    const link = objectAt(item, at);
    const traceState = field(link, 'traceState', 'trace_state');
    const linkAttributes = attributes(
      list(link, 'attributes', undefined, at, spanFieldError),
      `${at}.attributes`,
      spanFieldError,
    );
    return {
      traceId: id(field(link, 'traceId', 'trace_id'), `${at}.traceId`) ?? '',
      spanId: id(field(link, 'spanId', 'span_id'), `${at}.spanId`) ?? '',
      ...(typeof traceState === 'string' && traceState
        ? { traceState: storableText(traceState) }
        : {}),
      ...(Object.keys(linkAttributes).length
        ? { attributes: linkAttributes }
        : {}),
    };
  });
}

function readSpan(value: unknown, path: string) {
  const span = objectAt(value, path);
  const status = field(span, 'status');
  const statusObject =
    status === undefined || status === null
      ? {}
      : objectAt(status, `${path}.status`);
  const name = field(span, 'name') ?? '';
  if (typeof name !== 'string') {
    throw new SpanFieldError(`${path}.name`, 'must be a string');
  }
  const statusMessage = field(statusObject, 'message');
  return checkSpan({
    traceId: id(field(span, 'traceId', 'trace_id'), `${path}.traceId`),
    spanId: id(field(span, 'spanId', 'span_id'), `${path}.spanId`),
    parentSpanId: id(
      field(span, 'parentSpanId', 'parent_span_id'),
      `${path}.parentSpanId`,
    ),
    name: storableText(name),
    kind: enumValue(
      field(span, 'kind'),
      'SPAN_KIND_',
      SPAN_KINDS,
      `${path}.kind`,
    ),
    startTimeUnixNano: readUint64(
      field(span, 'startTimeUnixNano', 'start_time_unix_nano'),
    ),
    endTimeUnixNano: readUint64(
      field(span, 'endTimeUnixNano', 'end_time_unix_nano'),
    ),
    statusCode: enumValue(
      field(statusObject, 'code'),
      'STATUS_CODE_',
      SPAN_STATUS_CODES,
      `${path}.status.code`,
    ),
    statusMessage:
      typeof statusMessage === 'string'
        ? storableText(statusMessage)
        : undefined,
    attributes: attributes(
      list(span, 'attributes', undefined, path, spanFieldError),
      `${path}.attributes`,
      spanFieldError,
    ),
    events: events(span, path),
    links: links(span, path),
  });
}

/**
 * Decodes an OTLP JSON `ExportTraceServiceRequest` (hex ids, 64-bit
 * integers as strings or numbers, enums as numbers or names). A body that
 * is not one is an InputError (400) naming the first problem; a span with
 * an unreadable or invalid field is rejected on its own. NUL characters and
 * lone surrogates in names and attributes become U+FFFD (see storableText).
 */
export function decodeJsonTraces(body: Buffer): OtlpTraces {
  // Depth bounded before parsing: attribute values are read recursively.
  const request = parseJson(body, 'Body');
  if (!isObject(request)) {
    throw new InputError('Body must be an ExportTraceServiceRequest object');
  }
  const resourceSpans: OtlpResourceSpans[] = [];
  const rejected: RejectedSpan[] = [];
  list(
    request,
    'resourceSpans',
    'resource_spans',
    '(body)',
    requestError,
  ).forEach((entryValue, r) => {
    const at = `resourceSpans[${r}]`;
    if (!isObject(entryValue)) throw new InputError(`${at} must be an object`);
    const resource = field(entryValue, 'resource') ?? {};
    if (!isObject(resource)) {
      throw new InputError(`${at}.resource must be an object`);
    }
    const spans: OtlpResourceSpans['spans'] = [];
    const scopes = list(
      entryValue,
      'scopeSpans',
      'scope_spans',
      at,
      requestError,
    );
    scopes.forEach((scopeValue, s) => {
      const scopeAt = `${at}.scopeSpans[${s}]`;
      if (!isObject(scopeValue)) {
        throw new InputError(`${scopeAt} must be an object`);
      }
      list(scopeValue, 'spans', undefined, scopeAt, requestError).forEach(
        (spanValue, i) => {
          const spanAt = `${scopeAt}.spans[${i}]`;
          try {
            const checked = readSpan(spanValue, spanAt);
            if (typeof checked === 'string') {
              rejected.push({ path: spanAt, reason: checked });
            } else {
              spans.push(checked);
            }
          } catch (error) {
            if (!(error instanceof SpanFieldError)) throw error;
            rejected.push({ path: error.path, reason: error.message });
          }
        },
      );
    });
    resourceSpans.push({
      resourceAttributes: attributes(
        list(resource, 'attributes', undefined, `${at}.resource`, requestError),
        `${at}.resource.attributes`,
        requestError,
      ),
      spans,
    });
  });
  return { resourceSpans, rejected };
}
