import { Knex } from 'knex';
import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import { EntityAssignment } from '../../delivery/DeliveryBatch';
import { isCiTask, normaliseCiAttributes } from './ciAttributes';
import { Attributes, OtlpSpan, SpanKind, SpanStatusCode } from './OtlpTraces';
import { microsToIso, nanosToMicros } from './spanTime';
import { isPostgres } from '../../database/dialect';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { clipText } from '../../input/storableText';
import { copyRows } from './spanCopy';
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
  pipeline_run_id: string | null;
  received_at: Date;
}

/** The columns of a span row, in table order. */
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
  'pipeline_run_id',
  'received_at',
];

/**
 * Rows per INSERT statement. knex inserts many SQLite rows as a compound
 * SELECT, which SQLite caps at 500 terms; on PostgreSQL (where ingest
 * copies rows instead) 2,000 rows of 18 columns stay under the protocol's
 * 65,535 bind parameters.
 */
export function spanInsertChunk(db: Knex | Knex.Transaction): number {
  return isPostgres(db) ? 2000 : 500;
}

/** SQL: the id of the pipeline run (the earliest) of a table's row's trace. */
function runOfTrace(table: string): string {
  return `(SELECT pr.id FROM pipeline_runs pr WHERE pr.trace_id = ${table}.trace_id
    ORDER BY pr.started_at, pr.id LIMIT 1)`;
}

/** The temporary table spans are copied into when some may be stored. */
const STAGING_TABLE = 'spans_incoming';
const UNIQUE_VIOLATION = '23505';

/**
 * Inserts span rows; rows keep their (key) order, so concurrent writers
 * lock keys in the same order.
 *
 * On PostgreSQL the rows are streamed with COPY straight into `spans`,
 * unless `staged`. COPY has no ON CONFLICT: a span already stored (an
 * exporter's retry, rare) fails the transaction with a unique violation
 * ({@link isStoredSpanConflict}), and the caller runs it again staged: the
 * rows are copied into a temporary table of the connection (no WAL, emptied
 * at commit) and moved with one INSERT … SELECT that skips stored spans.
 * SQLite inserts skipping stored spans.
 */
async function insertSpanRows(
  tx: Knex.Transaction,
  rows: SpanRow[],
  staged: boolean,
) {
  if (isPostgres(tx) && !staged) {
    await copyRows(tx, 'spans', SPAN_COLUMNS, rows);
  } else if (isPostgres(tx)) {
    const columns = SPAN_COLUMNS.map(column => `"${column}"`).join(', ');
    await tx.raw(
      `CREATE TEMPORARY TABLE IF NOT EXISTS ${STAGING_TABLE}
       (LIKE spans INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
    );
    await copyRows(tx, STAGING_TABLE, SPAN_COLUMNS, rows);
    await tx.raw(
      `INSERT INTO spans (${columns})
       SELECT ${columns} FROM ${STAGING_TABLE}
       ORDER BY trace_id, span_id
       ON CONFLICT DO NOTHING`,
    );
  } else {
    const chunk = spanInsertChunk(tx);
    for (let i = 0; i < rows.length; i += chunk) {
      await tx('spans')
        .insert(rows.slice(i, i + chunk))
        .onConflict(['trace_id', 'span_id'])
        .ignore();
    }
  }
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

/** Trace ids per `IN (...)` lookup. */
const LOOKUP_CHUNK = 500;

/** Links spans of the given traces still without a run to their trace's run. */
async function linkSpansToRuns(
  db: Knex | Knex.Transaction,
  traceIds: string[],
) {
  const unique = [...new Set(traceIds)].sort();
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
    await db('spans')
      .whereNull('pipeline_run_id')
      .whereIn(
        'trace_id',
        db('pipeline_runs')
          .select('trace_id')
          .whereIn('trace_id', unique.slice(i, i + LOOKUP_CHUNK)),
      )
      .update({
        pipeline_run_id: db.raw(runOfTrace('spans')),
      });
  }
}

function textAttribute(value: unknown, length: number): string | null {
  return typeof value === 'string' && value ? clipText(value, length) : null;
}

/**
 * The rows of a request's spans, one per (trace, span), sorted by key:
 * concurrent writers of overlapping traces then take row locks in the same
 * order, which keeps PostgreSQL from deadlocking them.
 */
export function spanRows(
  groups: SpanGroup[],
  runIdsByTrace: Map<string, string> = new Map(),
  receivedAt: Date = new Date(),
): SpanRow[] {
  const rows = new Map<string, SpanRow>();
  for (const { resourceAttributes, entity, spans } of groups) {
    // Shared by every span of the resource: serialised once.
    const resourceJson = JSON.stringify(resourceAttributes);
    const serviceName = textAttribute(resourceAttributes['service.name'], 255);
    const entityRef = entity.entityRef
      ? canonicalEntityRef(entity.entityRef)
      : null;
    const entityHint =
      entity.entityHint === undefined ? null : clipText(entity.entityHint, 512);
    for (const span of spans) {
      rows.set(`${span.traceId}/${span.spanId}`, {
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
        resource_attributes: resourceJson,
        service_name: serviceName,
        entity_ref: entityRef,
        entity_hint: entityHint,
        pipeline_run_id: runIdsByTrace.get(span.traceId) ?? null,
        received_at: receivedAt,
      });
    }
  }
  return [...rows.keys()].sort().map(key => rows.get(key)!);
}

/**
 * Spans received over OTLP. Ingest writes them inside the transaction that
 * writes the request's pipeline runs; the waterfall reads one trace.
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
   * Creates the partitions the spans' days need that are missing (only the
   * first request of a day finds one missing). Outside the write's
   * transaction; should it fail, the spans go to the default partition.
   */
  async prepare(groups: SpanGroup[]): Promise<void> {
    if (!this.partitions) return;
    const starts = new Set<number>();
    for (const group of groups) {
      for (const span of group.spans) {
        starts.add(nanosToMicros(span.startTimeUnixNano));
      }
    }
    await this.partitions.ensureFor(starts);
  }

  /**
   * Stores spans; a span already stored (an exporter's retry) is left as it
   * is. Spans are linked to the pipeline run of their trace, and when the
   * request brings a trace's run (its span usually arrives last), the
   * trace's earlier spans are linked too. Call {@link SpanStore.linkToRuns}
   * once the transaction has committed.
   *
   * @param runTraceIds - traces whose pipeline run this request wrote.
   */
  async write(
    tx: Knex.Transaction,
    groups: SpanGroup[],
    runTraceIds: string[] = [],
    options: { staged?: boolean } = {},
  ): Promise<void> {
    // The spans that came before their run (its span usually ends last).
    await linkSpansToRuns(tx, runTraceIds);
    const traceIds = new Set<string>();
    for (const group of groups) {
      for (const span of group.spans) traceIds.add(span.traceId);
    }
    const runIdsByTrace = await this.runIdsByTrace(tx, [...traceIds]);
    await insertSpanRows(
      tx,
      spanRows(groups, runIdsByTrace),
      options.staged ?? false,
    );
  }

  /**
   * Stores spans with {@link SpanStore.write} in the transaction
   * `transaction` runs, and runs it again staged when it met spans already
   * stored (PostgreSQL): the common case, no retry, costs one COPY.
   */
  async writeOnce(
    transaction: (
      write: (tx: Knex.Transaction) => Promise<void>,
    ) => Promise<void>,
    groups: SpanGroup[],
    runTraceIds: string[] = [],
  ): Promise<void> {
    try {
      await transaction(tx => this.write(tx, groups, runTraceIds));
    } catch (error) {
      if (!isStoredSpanConflict(error)) throw error;
      await transaction(tx =>
        this.write(tx, groups, runTraceIds, { staged: true }),
      );
    }
  }

  /**
   * Links spans still without a run to their trace's run, for traces that
   * have one. Run after a request's transaction commits: concurrent requests
   * cannot see each other's uncommitted rows, so a run and spans of its
   * trace written at the same time miss each other inside their
   * transactions; whichever commits last links them here.
   */
  async linkToRuns(traceIds: string[]): Promise<void> {
    await linkSpansToRuns(this.db, traceIds);
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
    const rows: SpanRow[] = await this.db('spans')
      .where({ trace_id: traceId.toLowerCase() })
      .orderBy([
        { column: 'start_time_us', order: 'asc' },
        { column: 'span_id', order: 'asc' },
      ]);
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
    return rows.map(row => spanOfRow(row, depthOf(row.span_id)));
  }

  /** Pipeline run ids by trace: the earliest-started run of each trace. */
  private async runIdsByTrace(
    tx: Knex.Transaction,
    traceIds: string[],
  ): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (let i = 0; i < traceIds.length; i += LOOKUP_CHUNK) {
      const rows: Array<{ id: string; trace_id: string }> = await tx(
        'pipeline_runs',
      )
        .select('id', 'trace_id')
        .whereIn('trace_id', traceIds.slice(i, i + LOOKUP_CHUNK))
        .orderBy([
          { column: 'started_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]);
      for (const row of rows) {
        if (!result.has(row.trace_id)) result.set(row.trace_id, row.id);
      }
    }
    return result;
  }
}

function spanOfRow(row: SpanRow, depth: number): TraceSpan {
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
    ...(row.pipeline_run_id ? { pipelineRunId: row.pipeline_run_id } : {}),
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
