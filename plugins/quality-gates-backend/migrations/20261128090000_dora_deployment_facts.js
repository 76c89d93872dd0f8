// @ts-check

/**
 * What DORA needs to know of each finished production deployment, kept at
 * ingest so that the figures are one aggregate over the window's rows
 * (src/dora/facts/deploymentFacts.ts):
 *
 * - `failed`: it failed, was rolled back, or an incident is tied to it
 *   (named as its cause, or opened while it was the entity's last
 *   successful production deployment);
 * - `unplanned`: it started while an incident of its entity was open;
 * - the failure episode: when it began (`failed_at`), when it ended
 *   (`recovered_at`: the next successful production deployment or the
 *   incident's resolution, whichever came first) and its length.
 *
 * Which environments are production is configuration, not data: the rows
 * hold the facts for the environments named in `dora_facts_state`, and the
 * plugin derives them again when the configuration names others. This
 * migration only creates the tables; the plugin fills them at start.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = /^(pg|postgres)/.test(String(knex.client.config.client));
  await knex.schema.createTable('dora_deployment_facts', table => {
    table.comment(
      'DORA facts of each finished production deployment (derived from deployments and incidents)',
    );
    table
      .string('deployment_id', 36)
      .primary()
      .references('id')
      .inTable('deployments')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('status', 32).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table.smallint('reached').notNullable();
    table.smallint('failed').notNullable();
    table.smallint('unplanned').notNullable();
    table
      .string('incident_id', 36)
      .nullable()
      .comment('The first incident tied to it, if any');
    table.timestamp('failed_at', { useTz: true }).nullable();
    table.timestamp('recovered_at', { useTz: true }).nullable();
    table.double('recovery_seconds').nullable();
  });
  // The window scan of the figures reads only this index.
  await knex.raw(
    postgres
      ? 'create index dora_deployment_facts_window_idx on dora_deployment_facts (entity_ref, deployed_at) include (reached, failed, unplanned, recovery_seconds)'
      : 'create index dora_deployment_facts_window_idx on dora_deployment_facts (entity_ref, deployed_at, reached, failed, unplanned, recovery_seconds)',
  );
  await knex.schema.createTable('dora_facts_state', table => {
    table.comment(
      'For which production environments dora_deployment_facts was derived',
    );
    table.integer('id').primary();
    table
      .text('production_environments')
      .notNullable()
      .comment('JSON array, sorted');
    table.timestamp('derived_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dora_facts_state');
  await knex.schema.dropTable('dora_deployment_facts');
};
