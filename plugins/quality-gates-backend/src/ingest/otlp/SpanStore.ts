import { Knex } from 'knex';
import { TraceSpan } from '@can-i-deploy/plugin-quality-gates-common';
import { isCiTask, normaliseCiAttributes } from './ciAttributes';
import { Attributes } from './OtlpTraces';
import { microsToIso } from './spanTime';
import { isPostgres } from '../../database/dialect';
import { copyLines } from './spanCopy';
import { retryTransientWrite } from '../../database/retryTransientWrite';
import { SpanPartitions } from './spanPartitions';
import {
  SPAN_COLUMNS,
  spanBatch,
  SpanBatch,
  SpanGroup,
  SpanRow,
} from './spanBatch';

export type { SpanBatch, SpanGroup, SpanRow } from './spanBatch';
export { SPAN_COLUMNS, spanRows } from './spanBatch';

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

/** Whether a write failed on a span already stored (PostgreSQL's COPY). */
export function isStoredSpanConflict(error: unknown): boolean {
  const { code, table } = (error ?? {}) as { code?: unknown; table?: unknown };
  return (
    code === UNIQUE_VIOLATION &&
    typeof table === 'string' &&
    table.startsWith('spans')
  );
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
    return spanBatch(groups, { format: this.batchFormat, receivedAt });
  }

  /** How batches are written here: COPY text on PostgreSQL, else rows. */
  get batchFormat(): 'copy' | 'rows' {
    return isPostgres(this.db) ? 'copy' : 'rows';
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
    if (batch.copyData && !options.staged) {
      await copyLines(tx, 'spans', SPAN_COLUMNS, batch.copyData);
    } else if (batch.copyData) {
      const columns = SPAN_COLUMNS.map(column => `"${column}"`).join(', ');
      await tx.raw(
        `CREATE TEMPORARY TABLE IF NOT EXISTS ${STAGING_TABLE}
         (LIKE spans INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`,
      );
      await copyLines(tx, STAGING_TABLE, SPAN_COLUMNS, batch.copyData);
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
   * `transaction` runs (with the request's other writes) or, without one, on
   * its own; runs it again staged when it met spans already stored
   * (PostgreSQL): the common case, no retry, costs one COPY.
   *
   * Spans alone on PostgreSQL (no pipeline run in the request, as with a
   * service's traces) are one COPY in its own transaction: the statement is
   * all or nothing by itself, so the BEGIN and COMMIT round trips would add
   * nothing but waiting.
   */
  async writeOnce(
    batch: SpanBatch,
    transaction?: (
      write: (tx: Knex.Transaction) => Promise<void>,
    ) => Promise<void>,
  ): Promise<void> {
    const inTransaction =
      transaction ??
      (write =>
        retryTransientWrite(() => this.db.transaction(write), {
          what: 'Spans',
        }));
    try {
      if (!transaction && batch.copyData && batch.size > 0) {
        const data = batch.copyData;
        await retryTransientWrite(
          () => copyLines(this.db, 'spans', SPAN_COLUMNS, data),
          { what: 'Spans' },
        );
      } else {
        await inTransaction(tx => this.write(tx, batch));
      }
    } catch (error) {
      if (!isStoredSpanConflict(error)) throw error;
      await inTransaction(tx => this.write(tx, batch, { staged: true }));
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
