import { Knex } from 'knex';
import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import { EntityAssignment } from '../../delivery/DeliveryBatch';
import { isCiTask, normaliseCiAttributes } from './ciAttributes';
import { Attributes, OtlpSpan, SpanKind, SpanStatusCode } from './OtlpTraces';
import { microsToIso, nanosToMicros } from './spanTime';
import { isPostgres } from '../../database/dialect';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { clipText } from '../../input/storableText';
import {
  COPY_CHUNK_ROWS,
  copyJson,
  copyText,
  NULL,
  copyLines,
} from './spanCopy';
import { retryTransientWrite } from '../../database/retryTransientWrite';
import { SpanPartitions } from './spanPartitions';

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
 * Rows per INSERT statement. knex inserts many SQLite rows as a compound
 * SELECT, which SQLite caps at 500 terms; on PostgreSQL (where ingest
 * copies rows instead) 2,000 rows of 17 columns stay under the protocol's
 * 65,535 bind parameters.
 */
export function spanInsertChunk(db: Knex | Knex.Transaction): number {
  return isPostgres(db) ? 2000 : 500;
}

/** The temporary table spans are copied into when some may be stored. */
const STAGING_TABLE = 'spans_incoming';
const UNIQUE_VIOLATION = '23505';

/**
 * A request's spans, made ready to write before the write's transaction
 * starts, so that it stays short: COPY text on PostgreSQL, rows on SQLite.
 */
export interface SpanBatch {
  /** Spans in the batch, one per (trace, span). */
  size: number;
  /** Start times (µs), for the partitions their days need. */
  startMicros: Set<number>;
  /** PostgreSQL: the COPY text, a string per chunk of rows. */
  copyChunks?: string[];
  /** SQLite: the rows. */
  rows?: SpanRow[];
}

/** Whether a write failed on a span already stored (PostgreSQL's COPY). */
export function isStoredSpanConflict(error: unknown): boolean {
  const { code, table } = (error ?? {}) as { code?: unknown; table?: unknown };
  return (
    code === UNIQUE_VIOLATION &&
    typeof table === 'string' &&
    table.startsWith('spans')
  );
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
 * The COPY text of a request's spans in {@link SPAN_COLUMNS} order, one line
 * per (trace, span), sorted by key, in chunks of `COPY_CHUNK_ROWS` lines:
 * written from the spans without rows in between, the resource's columns
 * once per group.
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
  let chunk = '';
  spans.forEach(({ span, group }, i) => {
    const start = nanosToMicros(span.startTimeUnixNano);
    startMicros.add(start);
    chunk += `${span.traceId}\t${span.spanId}\t${
      span.parentSpanId ?? NULL
    }\t${copyText(span.name)}\t${span.kind}\t${start}\t${nanosToMicros(
      span.endTimeUnixNano,
    )}\t${span.status.code}\t${copyText(span.status.message)}\t${copyJson(
      JSON.stringify(span.attributes),
    )}\t${span.events.length ? copyJson(JSON.stringify(span.events)) : NULL}\t${
      span.links.length ? copyJson(JSON.stringify(span.links)) : NULL
    }${tails[group]}`;
    if ((i + 1) % COPY_CHUNK_ROWS === 0 || i === spans.length - 1) {
      chunks.push(chunk);
      chunk = '';
    }
  });
  return chunks;
}

/**
 * Spans received over OTLP. Ingest writes a request's spans, inside the
 * transaction that writes its pipeline runs when it has any; the waterfall
 * reads one trace. A span's pipeline run is not stored with it: it is the
 * earliest run of its trace, found when read, so that a run span arriving
 * after the rest of its trace (as it usually does: it ends last) changes no
 * span.
 */
export class SpanStore {
  /**
   * @param partitions - the day partitions of `spans` (PostgreSQL), made
   *   ready for a request's spans by {@link SpanStore.prepare}.
   */
  constructor(
    private readonly db: Knex,
    private readonly partitions?: SpanPartitions,
  ) {}

  /**
   * A request's spans, ready to write: all the work per span that needs
   * no database, done before any transaction starts.
   */
  batch(groups: SpanGroup[], receivedAt: Date = new Date()): SpanBatch {
    if (isPostgres(this.db)) {
      const spans = distinctSpans(groups);
      const startMicros = new Set<number>();
      const copyChunks = spanCopyChunks(spans, groups, receivedAt, startMicros);
      return { size: spans.length, startMicros, copyChunks };
    }
    const rows = spanRows(groups, receivedAt);
    return {
      size: rows.length,
      startMicros: new Set(rows.map(row => Number(row.start_time_us))),
      rows,
    };
  }

  /**
   * Creates the partitions the spans' days need that are missing (only the
   * first request of a day finds one missing). Outside the write's
   * transaction; should it fail, the spans go to the default partition.
   */
  async prepare(batch: SpanBatch): Promise<void> {
    await this.partitions?.ensureFor(batch.startMicros);
  }

  /**
   * Stores a batch in the transaction `tx`; a span already stored (an
   * exporter's retry) is left as it is.
   *
   * On PostgreSQL the rows are streamed with COPY straight into `spans`,
   * unless `staged`. COPY has no ON CONFLICT: a span already stored (rare)
   * fails the transaction with a unique violation
   * ({@link isStoredSpanConflict}), and {@link SpanStore.writeOnce} runs it
   * again staged: the rows are copied into a temporary table of the
   * connection (no WAL, emptied at commit) and moved with one INSERT …
   * SELECT that skips stored spans. SQLite inserts skipping stored spans.
   */
  async write(
    tx: Knex.Transaction,
    batch: SpanBatch,
    options: { staged?: boolean } = {},
  ): Promise<void> {
    if (batch.size === 0) return;
    if (batch.copyChunks && !options.staged) {
      await copyLines(tx, 'spans', SPAN_COLUMNS, batch.copyChunks);
    } else if (batch.copyChunks) {
      const columns = SPAN_COLUMNS.map(column => `"${column}"`).join(', ');
      await tx.raw(
        `CREATE TEMPORARY TABLE IF NOT EXISTS ${STAGING_TABLE}
         (LIKE spans INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
      );
      await copyLines(tx, STAGING_TABLE, SPAN_COLUMNS, batch.copyChunks);
      await tx.raw(
        `INSERT INTO spans (${columns})
         SELECT ${columns} FROM ${STAGING_TABLE}
         ORDER BY trace_id, span_id
         ON CONFLICT DO NOTHING`,
      );
    } else {
      const rows = batch.rows ?? [];
      const chunk = spanInsertChunk(tx);
      for (let i = 0; i < rows.length; i += chunk) {
        await tx('spans')
          .insert(rows.slice(i, i + chunk))
          .onConflict(['trace_id', 'span_id'])
          .ignore();
      }
    }
  }

  /**
   * Stores a batch with {@link SpanStore.write}, in the transaction
   * `transaction` runs (with the request's other writes) or, without one, a
   * transaction of its own; runs it again staged when it met spans already
   * stored (PostgreSQL): the common case, no retry, costs one COPY.
   */
  async writeOnce(
    batch: SpanBatch,
    transaction: (
      write: (tx: Knex.Transaction) => Promise<void>,
    ) => Promise<void> = write =>
      retryTransientWrite(() => this.db.transaction(write), {
        what: 'Spans',
      }),
  ): Promise<void> {
    try {
      await transaction(tx => this.write(tx, batch));
    } catch (error) {
      if (!isStoredSpanConflict(error)) throw error;
      await transaction(tx => this.write(tx, batch, { staged: true }));
    }
  }

  /**
   * The entities a trace belongs to: those of its spans and of the pipeline
   * runs it records, canonical.
   */
  async entityRefsOfTrace(traceId: string): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.db('spans')
      .select('entity_ref')
      .where({ trace_id: traceId })
      .whereNotNull('entity_ref')
      .union(runs =>
        runs
          .select('entity_ref')
          .from('pipeline_runs')
          .where({ trace_id: traceId })
          .whereNotNull('entity_ref'),
      );
    return rows.map(row => row.entity_ref);
  }

  /**
   * One trace's spans for a waterfall: ordered by start, each with its
   * parent and depth. Empty when the trace is unknown.
   */
  async readTrace(traceId: string): Promise<TraceSpan[]> {
    const [rows, run] = await Promise.all([
      this.db<SpanRow>('spans')
        .where({ trace_id: traceId.toLowerCase() })
        .orderBy([
          { column: 'start_time_us', order: 'asc' },
          { column: 'span_id', order: 'asc' },
        ]),
      // The trace's pipeline run: its earliest, as the pipeline views count it.
      this.db('pipeline_runs')
        .first('id')
        .where({ trace_id: traceId.toLowerCase() })
        .orderBy([
          { column: 'started_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]),
    ]);
    const pipelineRunId: string | undefined = run?.id;
    const parents = new Map(rows.map(row => [row.span_id, row.parent_span_id]));
    const depths = new Map<string, number>();
    const depthOf = (spanId: string): number => {
      const known = depths.get(spanId);
      if (known !== undefined) return known;
      // Walk up until a known depth, a missing parent or a cycle.
      const chain: string[] = [];
      let current: string | null | undefined = spanId;
      let base = -1;
      while (current && parents.has(current) && !chain.includes(current)) {
        const memo = depths.get(current);
        if (memo !== undefined) {
          base = memo;
          break;
        }
        chain.push(current);
        current = parents.get(current);
      }
      chain.reverse().forEach((id, i) => depths.set(id, base + 1 + i));
      return depths.get(spanId)!;
    };
    return rows.map(row => spanOfRow(row, depthOf(row.span_id), pipelineRunId));
  }
}

function spanOfRow(
  row: SpanRow,
  depth: number,
  pipelineRunId: string | undefined,
): TraceSpan {
  const attributes: Attributes = JSON.parse(row.attributes);
  const resourceAttributes: Attributes = JSON.parse(row.resource_attributes);
  const start = Number(row.start_time_us);
  const end = Number(row.end_time_us);
  const ci = normaliseCiAttributes({ ...resourceAttributes, ...attributes });
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    ...(row.parent_span_id ? { parentSpanId: row.parent_span_id } : {}),
    depth,
    name: row.name,
    kind: row.kind,
    startTime: microsToIso(start),
    endTime: microsToIso(end),
    startTimeUnixMicros: start,
    endTimeUnixMicros: end,
    durationMicros: end - start,
    status: {
      code: row.status_code,
      ...(row.status_message ? { message: row.status_message } : {}),
    },
    ...(row.service_name ? { serviceName: row.service_name } : {}),
    ...(row.entity_ref ? { entityRef: row.entity_ref } : {}),
    ...(pipelineRunId ? { pipelineRunId } : {}),
    ...(isCiTask(ci)
      ? {
          ciTask: {
            taskName: ci.taskName,
            taskType: ci.taskType,
            taskRunId: ci.taskRunId,
            taskResult: ci.taskResult,
            taskRunUrl: ci.taskRunUrl,
          },
        }
      : {}),
    attributes,
    events: row.events ? JSON.parse(row.events) : [],
    links: row.links ? JSON.parse(row.links) : [],
    resourceAttributes,
  };
}
