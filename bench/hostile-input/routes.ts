/**
 * Every operation of the plugin's OpenAPI description, a valid request for
 * each (the baseline, and what hostile requests are made from), and the
 * hostile variants of it. An operation added to openapi.yaml is sent
 * hostile requests from its parameters at once; one with a request body
 * needs a valid sample here first, and the run stops until it has one.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Root } from 'protobufjs';
import { spec } from '../../plugins/quality-gates-backend/src/schema/openapi.generated';
import { otlpTraceDescriptor } from '../../plugins/quality-gates-backend/src/ingest/otlp/otlpTraceDescriptor';
import { deploymentStatusEvent } from '../../plugins/quality-gates-backend/src/ingest/github/__fixtures__/githubEvents';
import { cdEvent } from '../../plugins/quality-gates-backend/src/ingest/cdevents/__fixtures__/cdEvents';
import {
  HOSTILE_PATH_SEGMENTS,
  HOSTILE_QUERY_VALUES,
  hostileValue,
  malformedJsonBody,
  nestedArrayJson,
  pick,
  Random,
  RawJson,
  toJson,
  ValueKind,
} from './hostileValues';
import { Ledger } from './ledger';

export type Category =
  | 'valid'
  | 'malformed'
  | 'oversized'
  | 'nested'
  | 'unicode'
  | 'unstorable'
  | 'dates'
  | 'types'
  | 'duplicated'
  | 'url'
  /** Large bodies sent one at a time, for the stall figure. */
  | 'large';

export interface BenchRequest {
  /** `METHOD /path` as in the OpenAPI description. */
  operation: string;
  category: Category;
  method: 'GET' | 'POST';
  /** Under the plugin's base URL, query string included, encoded. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent in chunks without Content-Length (read until the limit). */
  chunked?: boolean;
  /** Says what the request is, in reports. */
  label?: string;
  /** What a 2xx answer acknowledged, for the ledger. */
  acknowledge?: (status: number, answer: unknown) => void;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: {
    type?: string;
    enum?: string[];
    format?: string;
    minimum?: number;
  };
}

export interface Operation {
  id: string;
  method: 'GET' | 'POST';
  path: string;
  parameters: Parameter[];
  hasBody: boolean;
}

/** The operations of the spec, with `$ref` parameters resolved. */
export function operationsOfSpec(): Operation[] {
  const document = spec as any;
  const resolve = (parameter: any): Parameter =>
    parameter.$ref
      ? document.components.parameters[parameter.$ref.split('/').pop()]
      : parameter;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!operation?.operationId) continue;
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as 'GET' | 'POST',
        path,
        parameters: (operation.parameters ?? []).map(resolve),
        hasBody: !!operation.requestBody,
      });
    }
  }
  return operations;
}

/** What valid requests refer to: stored ids, the configured names. */
export interface SampleContext {
  token: string;
  webhookSecret: string;
  entityRef: string;
  checkId: string;
  traceId: string;
  evaluationId: string;
  /** The decision of the set-up's POST /gates/evaluate. */
  decisionId: string;
  /** An override made in set-up, for the revoke route. */
  overrideId: string;
  exemptionId: string;
  deploymentId: string;
  /** Distinguishes this run's keys. */
  prefix: string;
}

const HEX = '0123456789abcdef';
function hex(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += HEX[Math.floor(random() * 16)];
  return text.replace(/^0+$/, '1');
}

const protobufRoot = Root.fromJSON(otlpTraceDescriptor);
const exportRequest = protobufRoot.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest',
);

/** A few spans of one CI run, as OTLP JSON or its protobuf fields. */
export function ciSpans(random: Random, count: number, name = 'deploy') {
  const traceId = hex(random, 32);
  const now = BigInt(Date.now() - 3_600_000) * 1_000_000n;
  const runId = hex(random, 8);
  return Array.from({ length: count }, (_, i) => ({
    traceId,
    spanId: hex(random, 16),
    name: i === 0 ? name : `${name} step ${i}`,
    kind: i === 0 ? 2 : 1,
    startTimeUnixNano: String(now + BigInt(i) * 1_000_000n),
    endTimeUnixNano: String(now + BigInt(i + 1) * 1_000_000_000n),
    attributes: [
      { key: 'cicd.pipeline.name', value: { stringValue: name } },
      { key: 'cicd.pipeline.run.id', value: { stringValue: runId } },
      { key: 'step.index', value: { intValue: String(i) } },
    ],
  }));
}

export function otlpJson(spans: unknown[], serviceName = 'checkout') {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: serviceName } },
          ],
        },
        scopeSpans: [{ spans }],
      },
    ],
  };
}

export function otlpProtobuf(
  spans: ReturnType<typeof ciSpans>,
  serviceName = 'checkout',
): Buffer {
  const message = exportRequest.fromObject({
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: serviceName } },
          ],
        },
        scopeSpans: [
          {
            spans: spans.map(span => ({
              ...span,
              traceId: Buffer.from(span.traceId, 'hex'),
              spanId: Buffer.from(span.spanId, 'hex'),
            })),
          },
        ],
      },
    ],
  });
  return Buffer.from(exportRequest.encode(message).finish());
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}

function field(number: number, content: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from([(number << 3) | 2, ...varint(content.length)]),
    content,
  ]);
}

/**
 * An export request whose one span has an attribute of lists nested
 * `depth` deep, written by hand: protobufjs would recurse to encode it.
 */
export function deepProtobuf(random: Random, depth: number): Buffer {
  const inner = Buffer.from([0x0a, 0x01, 0x78]); // AnyValue{string_value:"x"}
  // From the inside out: AnyValue{array_value(5): ArrayValue{values(1): inner}}.
  const arrayLengths: number[] = [];
  const valueLengths: number[] = [];
  let length = inner.length;
  for (let i = 0; i < depth; i++) {
    const arrayLength = 1 + varint(length).length + length;
    arrayLengths.push(arrayLength);
    length = 1 + varint(arrayLength).length + arrayLength;
    valueLengths.push(length);
  }
  const parts: number[] = [];
  for (let i = depth - 1; i >= 0; i--) {
    const innerLength = i === 0 ? inner.length : valueLengths[i - 1];
    parts.push(0x2a, ...varint(arrayLengths[i]), 0x0a, ...varint(innerLength));
  }
  const value = Buffer.concat([Buffer.from(parts), inner]);
  const fixed64 = (n: bigint) => {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64LE(n);
    return bytes;
  };
  const now = BigInt(Date.now()) * 1_000_000n;
  const span = Buffer.concat([
    field(1, Buffer.from(hex(random, 32), 'hex')),
    field(2, Buffer.from(hex(random, 16), 'hex')),
    field(5, Buffer.from('deep')),
    Buffer.from([(7 << 3) | 1]),
    fixed64(now),
    Buffer.from([(8 << 3) | 1]),
    fixed64(now + 1_000_000n),
    field(9, Buffer.concat([field(1, Buffer.from('deep')), field(2, value)])),
  ]);
  return field(1, field(2, field(2, span)));
}

function sign(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function json(value: unknown): Buffer {
  return Buffer.from(toJson(value));
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** A valid body for an operation that takes one, and how to acknowledge it. */
type BodySample = (
  random: Random,
  context: SampleContext,
  ledger: Ledger,
) => {
  body: unknown;
  /** Bodies that are not JSON (protobuf) are sent as they are. */
  raw?: Buffer;
  headers?: Record<string, string>;
  query?: string;
  acknowledge?: BenchRequest['acknowledge'];
  /** The webhook signs whatever body is finally sent. */
  signed?: boolean;
};

function key(context: SampleContext, random: Random) {
  return `${context.prefix}-${hex(random, 10)}`;
}

const BODY_SAMPLES: Record<string, BodySample> = {
  'POST /v1/traces': (random, _context, ledger) => {
    const spans = ciSpans(random, 3);
    if (random() < 0.5) {
      return {
        body: undefined,
        raw: otlpProtobuf(spans),
        headers: { 'content-type': 'application/x-protobuf' },
        acknowledge: ledger.spans(spans),
      };
    }
    return { body: otlpJson(spans), acknowledge: ledger.spans(spans) };
  },
  'POST /events/cdevents': (random, context, ledger) => {
    const data = cdEvent('deployed', { id: key(context, random) });
    const event = {
      specversion: '1.0',
      id: data.context.id,
      source: data.context.source,
      type: data.context.type,
      datacontenttype: 'application/json',
      data,
    };
    return {
      body: event,
      headers: { 'content-type': 'application/cloudevents+json' },
      acknowledge: ledger.cdEvents([event]),
    };
  },
  'POST /deployments': (random, context, ledger) => {
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const externalId = key(context, random);
      return {
        serviceName: 'checkout-svc',
        externalId,
        environment: pick(random, ['staging', 'production']),
        version: `v-${externalId}`,
        status: 'succeeded',
        startedAt: new Date(Date.now() - random() * 86_400_000).toISOString(),
      };
    });
    return {
      body: { items },
      acknowledge: ledger.apiRows('deployments', items),
    };
  },
  'POST /incidents': (random, context, ledger) => {
    const externalId = key(context, random);
    const item = {
      serviceName: 'checkout-svc',
      externalId,
      environment: 'production',
      title: `title-${externalId}`,
      openedAt: new Date(Date.now() - random() * 86_400_000).toISOString(),
      labels: { team: 'payments' },
    };
    return { body: item, acknowledge: ledger.apiRows('incidents', [item]) };
  },
  'POST /heartbeats': (random, context, ledger) => {
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      entityRef: context.entityRef,
      name: `beat-${context.prefix}-${hex(random, 4)}`,
      externalId: random() < 0.7 ? key(context, random) : undefined,
      occurredAt: new Date(Date.now() - random() * 86_400_000).toISOString(),
      details: { run: 1 },
    }));
    return { body: { items }, acknowledge: ledger.heartbeats(items) };
  },
  'POST /webhooks/github': (random, _context, ledger) => {
    const delivery = randomUUID();
    return {
      body: deploymentStatusEvent('success', {
        statusId: Math.floor(random() * 1e9),
        statusAt: new Date().toISOString(),
      }),
      headers: {
        ...JSON_HEADERS,
        'x-github-event': 'deployment_status',
        'x-github-delivery': delivery,
      },
      signed: true,
      acknowledge: ledger.webhook(delivery),
    };
  },
  'POST /readiness/entity/evaluate': (_random, context) => ({
    body: undefined,
    query: `entityRef=${encodeURIComponent(context.entityRef)}`,
  }),
  'POST /readiness/exemptions': (random, context, ledger) => {
    const reason = `Reason ${context.prefix} ${hex(random, 8)}`;
    return {
      body: {
        entityRef: context.entityRef,
        checkId: context.checkId,
        reason,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      acknowledge: ledger.exemption(reason),
    };
  },
  'POST /readiness/exemptions/{exemptionId}/revoke': () => ({
    body: undefined,
  }),
  'POST /gates/evaluate': (random, context, ledger) => ({
    body: {
      entityRef: context.entityRef,
      environment: pick(random, ['staging', 'production']),
      version: `v-${hex(random, 6)}`,
    },
    acknowledge: ledger.evaluation(),
  }),
  'POST /gates/evaluations/{evaluationId}/override': (
    random,
    context,
    ledger,
  ) => ({
    body: {
      verdict: 'pass',
      reason: `Known flaky check ${hex(random, 6)}`,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
    acknowledge: ledger.override(context.evaluationId),
  }),
  'POST /gates/decisions/{decisionId}/override': (random, _context, ledger) => {
    const reason = `Decision overridden ${hex(random, 6)}`;
    return {
      body: {
        verdict: pick(random, ['pass', 'fail']),
        reason,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
      acknowledge: ledger.scopedOverride(reason),
    };
  },
  'POST /gates/overrides': (random, context, ledger) => {
    const reason = `Scope overridden ${hex(random, 6)}`;
    return {
      body: {
        entityRef: context.entityRef,
        environment: pick(random, ['staging', 'production']),
        version: `v-${hex(random, 6)}`,
        gateId: 'release-checks',
        reason,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
      acknowledge: ledger.scopedOverride(reason),
    };
  },
  // Only the first revocation of the set-up's override succeeds; the
  // others are a 409.
  'POST /gates/overrides/{overrideId}/revoke': (random, context, ledger) => {
    const reason = `No longer needed ${hex(random, 6)}`;
    return {
      body: { reason },
      acknowledge: ledger.revocation(context.overrideId, reason),
    };
  },
  'POST /gates/evaluations/{evaluationId}/pin': (_random, context, ledger) => ({
    body: undefined,
    acknowledge: ledger.pin(context.evaluationId, true),
  }),
  'POST /gates/evaluations/{evaluationId}/unpin': (
    _random,
    context,
    ledger,
  ) => ({
    body: undefined,
    acknowledge: ledger.pin(context.evaluationId, false),
  }),
};

/**
 * Optional query parameters a valid request of an operation sends (besides
 * the required ones and entityRef), where the route needs one of several.
 */
const VALID_QUERY: Record<string, string[]> = {
  'GET /readiness/rollup': ['group'],
  'GET /path-to-production': ['version'],
};

/** A valid value for a query parameter, by its name and schema. */
function queryValue(parameter: Parameter, context: SampleContext): string {
  const byName: Record<string, string> = {
    entityRef: context.entityRef,
    environment: 'production',
    from: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    to: new Date().toISOString(),
    limit: '10',
    offset: '0',
    pipelineName: 'deploy',
    sha: 'c0ffee0a1b2c3d4e5f60718293a4b5c6d7e8f901',
    version: '1.0.0',
    owner: 'checkout-team',
    group: 'group:default/checkout-team',
    gateId: 'release-checks',
  };
  if (byName[parameter.name]) return byName[parameter.name];
  const schema = parameter.schema ?? {};
  if (schema.enum?.length) return schema.enum[0];
  if (schema.format === 'date-time') return new Date().toISOString();
  if (schema.type === 'integer') return String(schema.minimum ?? 1);
  if (schema.type === 'boolean') return 'true';
  return 'x';
}

function pathValue(name: string, context: SampleContext): string {
  const ids: Record<string, string> = {
    traceId: context.traceId,
    evaluationId: context.evaluationId,
    decisionId: context.decisionId,
    overrideId: context.overrideId,
    exemptionId: context.exemptionId,
    deploymentId: context.deploymentId,
  };
  if (!ids[name]) {
    throw new Error(
      `No sample for path parameter ${name}: add one to bench/hostile-input/routes.ts`,
    );
  }
  return ids[name];
}

function withPath(
  operation: Operation,
  context: SampleContext,
  hostile?: string,
) {
  return operation.path.replace(
    /\{(\w+)\}/g,
    (_, name) => hostile ?? encodeURIComponent(pathValue(name, context)),
  );
}

/** The parts of a valid request, before it is made hostile. */
interface Parts {
  operation: Operation;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: unknown;
  raw?: Buffer;
  signed?: boolean;
  acknowledge?: BenchRequest['acknowledge'];
}

function validParts(
  operation: Operation,
  random: Random,
  context: SampleContext,
  ledger: Ledger,
): Parts {
  const query: Array<[string, string]> = operation.parameters
    .filter(
      p =>
        p.in === 'query' &&
        (p.required ||
          p.name === 'entityRef' ||
          VALID_QUERY[operation.id]?.includes(p.name)),
    )
    .map(p => [p.name, encodeURIComponent(queryValue(p, context))]);
  const headers: Record<string, string> = {
    authorization: `Bearer ${context.token}`,
  };
  if (!operation.hasBody && operation.method === 'GET') {
    return { operation, query, headers };
  }
  const sample = BODY_SAMPLES[operation.id];
  if (!sample) {
    throw new Error(
      `No valid sample for ${operation.id}: add one to BODY_SAMPLES in bench/hostile-input/routes.ts`,
    );
  }
  const made = sample(random, context, ledger);
  return {
    operation,
    query: made.query
      ? [[made.query.split('=')[0], made.query.split('=')[1]]]
      : query,
    headers: {
      ...headers,
      ...(made.body !== undefined ? JSON_HEADERS : {}),
      ...made.headers,
    },
    body: made.body,
    raw: made.raw,
    signed: made.signed,
    acknowledge: made.acknowledge,
  };
}

function toRequest(
  parts: Parts,
  category: Category,
  context: SampleContext,
  overrides: { path?: string; body?: Buffer; chunked?: boolean } = {},
): BenchRequest {
  const body =
    overrides.body ??
    parts.raw ??
    (parts.body === undefined ? undefined : json(parts.body));
  const headers = { ...parts.headers };
  if (parts.signed && body) {
    headers['x-hub-signature-256'] = sign(context.webhookSecret, body);
  }
  const search = parts.query
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return {
    operation: parts.operation.id,
    category,
    method: parts.operation.method,
    path: `${overrides.path ?? withPath(parts.operation, context)}${
      search ? `?${search}` : ''
    }`,
    headers,
    body,
    chunked: overrides.chunked,
    // Only requests whose body is what the ledger was told acknowledge it.
    acknowledge:
      overrides.body === undefined || category === 'duplicated'
        ? parts.acknowledge
        : undefined,
  };
}

export function validRequest(
  operation: Operation,
  random: Random,
  context: SampleContext,
  ledger: Ledger,
): BenchRequest {
  return toRequest(
    validParts(operation, random, context, ledger),
    'valid',
    context,
  );
}

/** Every leaf of a JSON value, by its path. */
function leaves(
  value: unknown,
  path: Array<string | number> = [],
): Array<Array<string | number>> {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => leaves(item, [...path, i]));
  }
  if (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof RawJson)
  ) {
    return Object.entries(value).flatMap(([name, item]) =>
      leaves(item, [...path, name]),
    );
  }
  return [path];
}

function replaced(
  value: unknown,
  path: Array<string | number>,
  by: unknown,
): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value)
    ? [...value]
    : { ...(value as object) };
  copy[head] = replaced(copy[head], rest, by);
  return copy;
}

/** Limits the backend of the bench runs with (its config). */
export const LIMITS = { ingestBytes: 5 * 1024 * 1024, apiBytes: 100 * 1024 };

const INGEST_OPERATIONS = new Set([
  'POST /v1/traces',
  'POST /events/cdevents',
  'POST /deployments',
  'POST /incidents',
  'POST /heartbeats',
  'POST /webhooks/github',
]);

/**
 * A hostile variant of a valid request of the operation. `allowHugeBodies`
 * permits bodies over the ingest limit (megabytes each: rationed).
 */
export function hostileRequest(
  operation: Operation,
  random: Random,
  context: SampleContext,
  ledger: Ledger,
  allowHugeBodies: boolean,
): BenchRequest {
  const parts = validParts(operation, random, context, ledger);
  const jsonBody = parts.body !== undefined && !parts.raw;
  const roll = random();

  // URL: query values, unknown or repeated parameters, path segments.
  if (!jsonBody && !parts.raw ? roll < 0.8 : roll < 0.15) {
    const hasPathParameter = /\{\w+\}/.test(operation.path);
    if (hasPathParameter && random() < 0.4) {
      return toRequest(parts, 'url', context, {
        path: withPath(operation, context, pick(random, HOSTILE_PATH_SEGMENTS)),
      });
    }
    const names = [
      ...operation.parameters.filter(p => p.in === 'query').map(p => p.name),
      'unknownParameter',
    ];
    const name = pick(random, names);
    const value = pick(random, HOSTILE_QUERY_VALUES);
    const query = parts.query.filter(([existing]) => existing !== name);
    query.push([name, value]);
    if (random() < 0.2) query.push([name, value]);
    let category: Category = 'url';
    if (/%00/i.test(value)) category = 'unstorable';
    else if (value.startsWith('20')) category = 'dates';
    // The body is the valid one: a 2xx stores and acknowledges it.
    return toRequest({ ...parts, query }, category, context);
  }

  // Oversized: over the route's limit, with or without Content-Length.
  const limit = INGEST_OPERATIONS.has(operation.id)
    ? LIMITS.ingestBytes
    : LIMITS.apiBytes;
  if (roll < 0.22 && (limit === LIMITS.apiBytes || allowHugeBodies)) {
    const padding = 'x'.repeat(limit + 1024);
    const body = jsonBody
      ? json(replaced(parts.body, leaves(parts.body)[0], padding))
      : Buffer.from(`{"padding":"${padding}"}`);
    return toRequest(parts, 'oversized', context, {
      body,
      chunked: random() < 0.5,
    });
  }

  // Deep nesting of the whole body, up to 2 MB of brackets.
  if (roll < 0.3) {
    const depth = pick(random, [65, 1_000, 50_000, 1_000_000]);
    if (depth * 2 > limit) {
      return toRequest(parts, 'oversized', context, {
        body: Buffer.from(nestedArrayJson(Math.floor(limit / 2) + 512).text),
      });
    }
    if (operation.id === 'POST /v1/traces' && random() < 0.5) {
      return toRequest(
        {
          ...parts,
          headers: {
            ...parts.headers,
            'content-type': 'application/x-protobuf',
          },
        },
        'nested',
        context,
        { body: deepProtobuf(random, Math.min(depth, 20_000)) },
      );
    }
    return toRequest(parts, 'nested', context, {
      body: Buffer.from(nestedArrayJson(depth).text),
    });
  }

  // Not what the content type says; or another content type; or gzip garbage.
  if (roll < 0.42) {
    if (random() < 0.25) {
      const headers = { ...parts.headers };
      if (random() < 0.5) {
        headers['content-type'] = pick(random, [
          'text/plain',
          'application/xml',
          'application/json; charset=latin1',
          'multipart/form-data; boundary=x',
        ]);
      } else {
        headers['content-encoding'] = pick(random, ['gzip', 'deflate', 'br']);
      }
      return toRequest({ ...parts, headers }, 'malformed', context, {
        body: Buffer.from('\u0000\u0001not what it claims'),
      });
    }
    if (parts.raw) {
      const raw = parts.raw;
      return toRequest(parts, 'malformed', context, {
        body: pick(random, [
          raw.subarray(0, raw.length >> 1),
          Buffer.from(raw.map(byte => byte ^ Math.floor(random() * 256))),
          Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]),
          gzipSync(raw),
        ]),
      });
    }
    const valid = parts.body === undefined ? '{}' : toJson(parts.body);
    return toRequest(parts, 'malformed', context, {
      body: malformedJsonBody(random, valid),
    });
  }

  // The same request again, or its key again with other content.
  if (roll < 0.5 && parts.acknowledge) {
    return toRequest(parts, 'duplicated', context);
  }

  // One field replaced by a hostile value.
  if (jsonBody) {
    const kind = pick<ValueKind>(random, [
      'unstorable',
      'unstorable',
      'unicode',
      'dates',
      'types',
      'nested',
    ]);
    const paths = leaves(parts.body);
    const path = pick(random, paths);
    const by = hostileValue(random, kind);
    const body = replaced(parts.body, path, by);
    // A replaced field may still be valid (a number where one is allowed,
    // valid Unicode): what a 2xx then acknowledges is the body sent.
    const acknowledge = ledgerFor(
      operation.id,
      body,
      ledger,
      context,
      parts.acknowledge,
    );
    const request = toRequest(
      { ...parts, body, acknowledge },
      kind === 'types' ||
        kind === 'dates' ||
        kind === 'unicode' ||
        kind === 'unstorable'
        ? kind
        : 'nested',
      context,
    );
    return request;
  }
  if (operation.id === 'POST /v1/traces') {
    // Protobuf strings with NUL (valid UTF-8, replaced when stored).
    const spans = ciSpans(random, 2, 'deploy\u0000run');
    return toRequest(
      { ...parts, raw: otlpProtobuf(spans), acknowledge: ledger.spans(spans) },
      'unstorable',
      context,
    );
  }
  return toRequest(parts, 'duplicated', context);
}

/** The acknowledgement of a body changed after the ledger saw the original. */
function ledgerFor(
  operationId: string,
  body: any,
  ledger: Ledger,
  context: SampleContext,
  original: BenchRequest['acknowledge'],
): BenchRequest['acknowledge'] {
  const items = (value: any) =>
    Array.isArray(value?.items) ? value.items : [value];
  switch (operationId) {
    case 'POST /deployments':
      return ledger.apiRows('deployments', items(body));
    case 'POST /incidents':
      return ledger.apiRows('incidents', items(body));
    case 'POST /heartbeats':
      return ledger.heartbeats(items(body));
    case 'POST /v1/traces':
      return ledger.spans(
        body?.resourceSpans?.[0]?.scopeSpans?.[0]?.spans ?? [],
      );
    case 'POST /events/cdevents':
      return ledger.cdEvents([body]);
    case 'POST /readiness/exemptions':
      return ledger.exemption(String(body?.reason));
    case 'POST /gates/overrides':
    case 'POST /gates/decisions/{decisionId}/override':
      return ledger.scopedOverride(String(body?.reason));
    case 'POST /gates/overrides/{overrideId}/revoke':
      return ledger.revocation(context.overrideId, String(body?.reason));
    default:
      // What the rest acknowledge does not depend on the body.
      return original;
  }
}
