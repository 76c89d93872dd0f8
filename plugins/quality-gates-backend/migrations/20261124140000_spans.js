// @ts-check

/**
 * Spans received over OTLP: the waterfall of a pipeline run (or any trace).
 *
 * - (trace_id, span_id) is the key: a redelivered span changes nothing.
 * - Times are microseconds since the epoch in 64-bit integers: finer than
 *   CI timings need, and exact in a JS number (OTLP's nanoseconds are not).
 * - Attributes, events, links and the resource's attributes are JSON text,
 *   read back whole for one trace; nothing queries inside them.
 * - pipeline_run_id is the run of the trace, once its run span has arrived
 *   (spans of a run usually arrive before it: the run span ends last).
 * - Indexes: the key serves a trace's waterfall and, through
 *   pipeline_runs.trace_id, a run's spans; entity_ref and start time serve
 *   an entity's spans over time.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('spans', table => {
    table.comment('Spans received over OTLP/HTTP');
    table.string('trace_id', 32).notNullable().comment('Lower-case hex');
    table.string('span_id', 16).notNullable().comment('Lower-case hex');
    table.string('parent_span_id', 16).nullable();
    table.text('name').notNullable();
    table
      .string('kind', 16)
      .notNullable()
      .comment('unspecified, internal, server, client, producer or consumer');
    table
      .bigInteger('start_time_us')
      .notNullable()
      .comment('Microseconds since the Unix epoch');
    table
      .bigInteger('end_time_us')
      .notNullable()
      .comment('Microseconds since the Unix epoch');
    table.string('status_code', 8).notNullable().comment('unset, ok or error');
    table.text('status_message').nullable();
    table.text('attributes').notNullable().comment('JSON object');
    table.text('events').nullable().comment('JSON array; null when none');
    table.text('links').nullable().comment('JSON array; null when none');
    table.text('resource_attributes').notNullable().comment('JSON object');
    table.string('service_name', 255).nullable();
    table.string('entity_ref', 255).nullable();
    table.string('entity_hint', 512).nullable();
    table
      .string('pipeline_run_id', 36)
      .nullable()
      .comment('pipeline_runs.id of the run this trace records');
    table.timestamp('received_at', { useTz: true }).notNullable();
    // A run's spans are found through pipeline_runs.trace_id and this key;
    // pipeline_run_id stays unindexed, so linking spans to their run
    // (an update of every span that came before the run span) is cheap.
    table.primary(['trace_id', 'span_id']);
    table.index(['entity_ref', 'start_time_us'], 'spans_entity_start_idx');
  });
  // Every span of a CI trace is updated once, when its run span (the last
  // to end) arrives and links it. Half-filled pages (PostgreSQL) keep that
  // update on the span's page without new index entries (a HOT update),
  // trading page space for much cheaper linking.
  if (/^(pg|postgres)/.test(String(knex.client.config.client))) {
    await knex.raw('ALTER TABLE spans SET (fillfactor = 50)');
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('spans');
};
