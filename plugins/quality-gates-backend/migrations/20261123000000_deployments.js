// @ts-check

/**
 * Deployments: one rollout of one version of an entity to one environment.
 * (source, external_id) is unique so that a redelivered event changes nothing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('deployments', table => {
    table.comment('One rollout of one version of an entity to one environment');
    table.string('id', 36).primary().comment('Plugin-assigned id (uuid)');
    table.string('source', 64).notNullable().comment('Reporting system');
    table
      .string('external_id', 255)
      .notNullable()
      .comment('Id the source uses; unique per source');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('version', 255).notNullable();
    table.text('artifact').nullable().comment('Digest or package URL');
    table.string('actor', 255).nullable();
    table
      .string('status', 32)
      .notNullable()
      .comment('in_progress, succeeded, failed or rolled_back');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['source', 'external_id'], {
      indexName: 'deployments_source_external_id_uniq',
    });
    table.index(['entity_ref', 'started_at'], 'deployments_entity_started_idx');
    table.index(
      ['entity_ref', 'environment', 'status'],
      'deployments_entity_env_status_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('deployments');
};
