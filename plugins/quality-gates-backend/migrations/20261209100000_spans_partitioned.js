// @ts-check

const DAY_MS = 86_400_000;
const DAY_US = DAY_MS * 1000;

/** @param {number} day - days since the epoch */
function partitionName(day) {
  return `spans_p${new Date(day * DAY_MS)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '')}`;
}

/** @param {import('knex').Knex} knex */
function isPostgres(knex) {
  return /^(pg|postgres)/.test(String(knex.client.config.client));
}

/**
 * Spans on PostgreSQL become a table partitioned by day of their start
 * (`start_time_us`), so retention drops a whole day instead of deleting
 * rows one by one. SQLite keeps its plain table.
 *
 * - A partitioned table's unique keys must hold the partition key: the key
 *   is (trace_id, span_id, start_time_us). A retried span is the same span,
 *   start included, so it still meets its stored copy and is skipped.
 * - Partitions are named spans_pYYYYMMDD and hold [midnight, next midnight)
 *   UTC in microseconds; spans of days without one (far past or future
 *   clocks) go to spans_default. Ingest and the scheduler create the days
 *   they need; this migration creates those of the stored rows (within the
 *   last 400 days and the next 7) and the next 3 days.
 * - Partitions keep the half-filled pages (fillfactor 50) of the plain
 *   table, for cheap linking of spans to their run.
 * - The rows are copied over, then the old table is dropped.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) return;
  await knex.raw('ALTER TABLE spans RENAME TO spans_unpartitioned');
  await knex.raw(
    'ALTER TABLE spans_unpartitioned RENAME CONSTRAINT spans_pkey TO spans_unpartitioned_pkey',
  );
  await knex.raw(
    'ALTER INDEX spans_entity_start_idx RENAME TO spans_unpartitioned_entity_start_idx',
  );
  await knex.raw(
    `CREATE TABLE spans (LIKE spans_unpartitioned INCLUDING DEFAULTS INCLUDING COMMENTS)
     PARTITION BY RANGE (start_time_us)`,
  );
  await knex.raw(
    `COMMENT ON TABLE spans IS 'Spans received over OTLP/HTTP, partitioned by day of start_time_us'`,
  );
  await knex.raw(
    'ALTER TABLE spans ADD CONSTRAINT spans_pkey PRIMARY KEY (trace_id, span_id, start_time_us)',
  );
  await knex.raw(
    'CREATE INDEX spans_entity_start_idx ON spans (entity_ref, start_time_us)',
  );
  await knex.raw(
    'CREATE TABLE spans_default PARTITION OF spans DEFAULT WITH (fillfactor = 50)',
  );

  const today = Math.floor(Date.now() / DAY_MS);
  const days = new Set([today, today + 1, today + 2, today + 3]);
  const stored = await knex.raw(
    `SELECT DISTINCT floor(start_time_us / ?::numeric)::int AS day
       FROM spans_unpartitioned
      WHERE start_time_us >= ? AND start_time_us < ?`,
    [DAY_US, (today - 400) * DAY_US, (today + 8) * DAY_US],
  );
  for (const { day } of stored.rows) days.add(Number(day));
  for (const day of [...days].sort((a, b) => a - b)) {
    await knex.raw(
      `CREATE TABLE ${partitionName(day)} PARTITION OF spans
       FOR VALUES FROM (${day * DAY_US}) TO (${(day + 1) * DAY_US})
       WITH (fillfactor = 50)`,
    );
  }
  await knex.raw('INSERT INTO spans SELECT * FROM spans_unpartitioned');
  await knex.raw('DROP TABLE spans_unpartitioned');
};

/**
 * Back to one plain table keyed by (trace_id, span_id); of spans that share
 * those and differ in start, the earliest stays.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) return;
  await knex.raw('ALTER TABLE spans RENAME TO spans_partitioned');
  await knex.raw(
    `CREATE TABLE spans (LIKE spans_partitioned INCLUDING DEFAULTS INCLUDING COMMENTS)
     WITH (fillfactor = 50)`,
  );
  await knex.raw(`COMMENT ON TABLE spans IS 'Spans received over OTLP/HTTP'`);
  await knex.raw(
    'INSERT INTO spans SELECT DISTINCT ON (trace_id, span_id) * FROM spans_partitioned ORDER BY trace_id, span_id, start_time_us',
  );
  await knex.raw('DROP TABLE spans_partitioned');
  await knex.raw(
    'ALTER TABLE spans ADD CONSTRAINT spans_pkey PRIMARY KEY (trace_id, span_id)',
  );
  await knex.raw(
    'CREATE INDEX spans_entity_start_idx ON spans (entity_ref, start_time_us)',
  );
};
