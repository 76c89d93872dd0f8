import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { EntityAssignment } from '../../delivery/DeliveryBatch';
import { clipText } from '../../input/storableText';
import { Attributes, OtlpSpan, SpanKind, SpanStatusCode } from './OtlpTraces';
import { copyBuffer, copyJson, copyText, NULL } from './spanCopy';
import { nanosToMicros } from './spanTime';

/** The spans of one resource, with the entity the resource resolved to. */
export interface SpanGroup {
  resourceAttributes: Attributes;
  entity: EntityAssignment;
  spans: OtlpSpan[];
}

/** A row of the `spans` table. */
export interface SpanRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  kind: SpanKind;
  start_time_us: number | string;
  end_time_us: number | string;
  status_code: SpanStatusCode;
  status_message: string | null;
  attributes: string;
  events: string | null;
  links: string | null;
  resource_attributes: string;
  service_name: string | null;
  entity_ref: string | null;
  entity_hint: string | null;
  received_at: Date;
}

/**
 * The columns of a span row, in table order. Those of the resource come
 * last: the same for every span of a group, their COPY text is made once.
 */
export const SPAN_COLUMNS: Array<keyof SpanRow> = [
  'trace_id',
  'span_id',
  'parent_span_id',
  'name',
  'kind',
  'start_time_us',
  'end_time_us',
  'status_code',
  'status_message',
  'attributes',
  'events',
  'links',
  'resource_attributes',
  'service_name',
  'entity_ref',
  'entity_hint',
  'received_at',
];

/**
 * A request's spans, made ready to write before the write's transaction
 * starts, so that it stays short: COPY text on PostgreSQL, rows on SQLite.
 */
export interface SpanBatch {
  /** Spans in the batch, one per (trace, span). */
  size: number;
  /** Start times (µs), for the partitions their days need. */
  startMicros: Set<number>;
  /** PostgreSQL: the COPY text, in one buffer (see `copyBuffer`). */
  copyData?: Buffer;
  /** SQLite: the rows. */
  rows?: SpanRow[];
}

function textAttribute(value: unknown, length: number): string | null {
  return typeof value === 'string' && value ? clipText(value, length) : null;
}

/** What every span of a group stores of its resource and entity. */
interface GroupColumns {
  resource_attributes: string;
  service_name: string | null;
  entity_ref: string | null;
  entity_hint: string | null;
}

function groupColumns({ resourceAttributes, entity }: SpanGroup): GroupColumns {
  return {
    // Shared by every span of the resource: serialised once.
    resource_attributes: JSON.stringify(resourceAttributes),
    service_name: textAttribute(resourceAttributes['service.name'], 255),
    entity_ref: entity.entityRef ? canonicalEntityRef(entity.entityRef) : null,
    entity_hint:
      entity.entityHint === undefined ? null : clipText(entity.entityHint, 512),
  };
}

/**
 * A request's spans, one per (trace, span) (the last sent wins), sorted by
 * key: concurrent writers of overlapping traces then take row locks in the
 * same order, which keeps PostgreSQL from deadlocking them.
 */
function distinctSpans(
  groups: SpanGroup[],
): Array<{ span: OtlpSpan; group: number }> {
  const all: Array<{ span: OtlpSpan; group: number }> = [];
  groups.forEach(({ spans }, group) => {
    for (const span of spans) all.push({ span, group });
  });
  // Stable: of spans sent twice, the later one sorts last.
  all.sort(({ span: a }, { span: b }) => {
    if (a.traceId !== b.traceId) return a.traceId < b.traceId ? -1 : 1;
    if (a.spanId !== b.spanId) return a.spanId < b.spanId ? -1 : 1;
    return 0;
  });
  return all.filter(({ span }, i) => {
    const next = all[i + 1]?.span;
    return (
      !next || next.traceId !== span.traceId || next.spanId !== span.spanId
    );
  });
}

/** The rows of a request's spans, one per (trace, span), sorted by key. */
export function spanRows(
  groups: SpanGroup[],
  receivedAt: Date = new Date(),
): SpanRow[] {
  const columns = groups.map(groupColumns);
  return distinctSpans(groups).map(({ span, group }) => ({
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId ?? null,
    name: span.name,
    kind: span.kind,
    start_time_us: nanosToMicros(span.startTimeUnixNano),
    end_time_us: nanosToMicros(span.endTimeUnixNano),
    status_code: span.status.code,
    status_message: span.status.message ?? null,
    attributes: JSON.stringify(span.attributes),
    events: span.events.length ? JSON.stringify(span.events) : null,
    links: span.links.length ? JSON.stringify(span.links) : null,
    ...columns[group],
    received_at: receivedAt,
  }));
}

/**
 * Spans per chunk of COPY text: a chunk (about 55 KB) stays below V8's
 * large-object size, so it is made and dropped in the young generation.
 */
const SPANS_PER_CHUNK = 100;

/**
 * The COPY text of a request's spans in {@link SPAN_COLUMNS} order, one line
 * per (trace, span), sorted by key, in chunks of {@link SPANS_PER_CHUNK}
 * lines: written from the spans without rows in between, the resource's
 * columns once per group. Each chunk is its values joined once: the
 * garbage collector has one flat string to move, not a tree of pieces.
 */
function spanCopyChunks(
  spans: Array<{ span: OtlpSpan; group: number }>,
  groups: SpanGroup[],
  receivedAt: Date,
  startMicros: Set<number>,
): string[] {
  const received = receivedAt.toISOString();
  const tails = groups.map(group => {
    const columns = groupColumns(group);
    return `\t${copyJson(columns.resource_attributes)}\t${copyText(
      columns.service_name,
    )}\t${copyText(columns.entity_ref)}\t${copyText(
      columns.entity_hint,
    )}\t${received}\n`;
  });
  const chunks: string[] = [];
  let parts: string[] = [];
  spans.forEach(({ span, group }, i) => {
    const start = nanosToMicros(span.startTimeUnixNano);
    startMicros.add(start);
    parts.push(
      span.traceId,
      '\t',
      span.spanId,
      '\t',
      span.parentSpanId ?? NULL,
      '\t',
      copyText(span.name),
      '\t',
      span.kind,
      '\t',
      String(start),
      '\t',
      String(nanosToMicros(span.endTimeUnixNano)),
      '\t',
      span.status.code,
      '\t',
      copyText(span.status.message),
      '\t',
      copyJson(JSON.stringify(span.attributes)),
      '\t',
      span.events.length ? copyJson(JSON.stringify(span.events)) : NULL,
      '\t',
      span.links.length ? copyJson(JSON.stringify(span.links)) : NULL,
      tails[group],
    );
    if ((i + 1) % SPANS_PER_CHUNK === 0 || i === spans.length - 1) {
      chunks.push(parts.join(''));
      parts = [];
    }
  });
  return chunks;
}

/**
 * A request's spans, ready to write: COPY text (PostgreSQL) or rows
 * (SQLite). Needs no database, so it can be made anywhere, before the
 * write's transaction starts.
 */
export function spanBatch(
  groups: SpanGroup[],
  options: { format: 'copy' | 'rows'; receivedAt?: Date },
): SpanBatch {
  const receivedAt = options.receivedAt ?? new Date();
  if (options.format === 'copy') {
    const spans = distinctSpans(groups);
    const startMicros = new Set<number>();
    const copyData = copyBuffer(
      spanCopyChunks(spans, groups, receivedAt, startMicros),
    );
    return { size: spans.length, startMicros, copyData };
  }
  const rows = spanRows(groups, receivedAt);
  return {
    size: rows.length,
    startMicros: new Set(rows.map(row => Number(row.start_time_us))),
    rows,
  };
}
