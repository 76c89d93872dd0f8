// @ts-check

/**
 * A span's pipeline run is found through its trace when read (the earliest
 * run of the trace), no longer stored with the span: ingest linked every
 * span of a CI trace with an UPDATE when its run span, the last to end,
 * arrived. So spans lose `pipeline_run_id`, and on PostgreSQL their day
 * partitions fill their pages whole (fillfactor 100): the half-filled pages
 * were kept for those updates. Existing pages stay as they are; new ones
 * are filled.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('spans', table => {
    table.dropColumn('pipeline_run_id');
  });
  if (isPostgres(knex)) {
    for (const partition of await partitions(knex)) {
      await knex.raw('ALTER TABLE ?? RESET (fillfactor)', [partition]);
    }
  }
};

/**
 * Back to the stored link: every span of a trace with a run gets the
 * trace's earliest run, pages half-filled again for later links.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('spans', table => {
    table
      .string('pipeline_run_id', 36)
      .nullable()
      .comment('pipeline_runs.id of the run this trace records');
  });
  if (isPostgres(knex)) {
    for (const partition of await partitions(knex)) {
      await knex.raw('ALTER TABLE ?? SET (fillfactor = 50)', [partition]);
    }
  }
  await knex.raw(
    `UPDATE spans SET pipeline_run_id = (
       SELECT pr.id FROM pipeline_runs pr WHERE pr.trace_id = spans.trace_id
        ORDER BY pr.started_at, pr.id LIMIT 1)
     WHERE trace_id IN (SELECT trace_id FROM pipeline_runs)`,
  );
};

/** @param {import('knex').Knex} knex */
function isPostgres(knex) {
  return /^(pg|postgres)/.test(String(knex.client.config.client));
}

/**
 * The partitions of `spans` (the day partitions and the default one).
 *
 * @param {import('knex').Knex} knex
 * @returns {Promise<string[]>}
 */
async function partitions(knex) {
  const result = await knex.raw(
    `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'spans'::regclass
      ORDER BY c.relname`,
  );
  return result.rows.map((/** @type {{ name: string }} */ row) => row.name);
}
