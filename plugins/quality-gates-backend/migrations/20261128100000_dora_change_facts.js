// @ts-check

/**
 * Each change's first successful deployment to any production environment,
 * per entity, with its lead time: what DORA's lead time for changes reads
 * (src/dora/facts/changeFacts.ts). Derived from `first_deployments` for the
 * production environments named in `dora_facts_state`, like
 * `dora_deployment_facts`, and kept current by the same writes.
 *
 * Clearing the state makes the plugin derive both tables at its next start.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = /^(pg|postgres)/.test(String(knex.client.config.client));
  await knex.schema.createTable('dora_change_facts', table => {
    table.comment(
      'The first production deployment of each change per entity, with its lead time (derived from first_deployments)',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('repository', 512).notNullable();
    table.string('sha', 64).notNullable();
    table.string('deployment_id', 36).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table.timestamp('committed_at', { useTz: true }).nullable();
    table
      .double('lead_seconds')
      .nullable()
      .comment('Commit to deployment; null without a commit time');
    table.primary(['entity_ref', 'repository', 'sha']);
    table.index(['repository', 'sha'], 'dora_change_facts_change_idx');
  });
  // The window scan of lead time reads only this index.
  await knex.raw(
    postgres
      ? 'create index dora_change_facts_window_idx on dora_change_facts (entity_ref, deployed_at) include (lead_seconds)'
      : 'create index dora_change_facts_window_idx on dora_change_facts (entity_ref, deployed_at, lead_seconds)',
  );
  await knex('dora_facts_state').delete();
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dora_change_facts');
};
