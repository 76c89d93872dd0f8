// @ts-check

/**
 * Indexes for DORA metrics, which the database computes: a deployment counts
 * at the moment it reached its environment, coalesce(finished_at,
 * started_at). The expression index lets "the last successful production
 * deployment before an incident" and "the next one after a failure" be one
 * index probe each, on PostgreSQL and SQLite alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.raw(
    'create index deployments_dora_idx on deployments (entity_ref, environment, status, (coalesce(finished_at, started_at)))',
  );
  await knex.schema.alterTable('incidents', table => {
    table.index(['caused_by_deployment_id'], 'incidents_caused_by_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('incidents', table => {
    table.dropIndex(['caused_by_deployment_id'], 'incidents_caused_by_idx');
  });
  await knex.raw('drop index deployments_dora_idx');
};
