// @ts-check

/**
 * Production readiness: the latest result of every scored entity (one row
 * each, so the overview page reads 10,000 entities without joining), a
 * history point whenever an entity's level or a check's state changed, and
 * exemptions, which are revoked but never deleted (they are the audit trail).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_entities', table => {
    table.comment('Latest readiness result per catalog entity');
    table.string('entity_ref', 255).primary();
    table.string('kind', 64).notNullable();
    table.string('title', 255).nullable();
    table.string('type', 64).nullable();
    table.string('lifecycle', 64).nullable();
    table.string('owner', 255).nullable().comment('Full ref of spec.owner');
    table.string('system', 255).nullable().comment('Full ref of spec.system');
    table.string('level', 64).nullable().comment('Highest level reached');
    table
      .integer('level_rank')
      .notNullable()
      .comment('Position of the level, 0 for none, to sort by');
    table.integer('score').nullable().comment('0–100 of applicable checks met');
    table.text('counts').notNullable().comment('JSON: results per state');
    table
      .text('failing_checks')
      .notNullable()
      .comment('Check ids failed, errored or not reported, as |a|b|');
    table.text('results').notNullable().comment('JSON: every check result');
    table
      .string('fingerprint', 64)
      .notNullable()
      .comment('Hash of level and states: a change adds a history point');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.index(['first_seen_at'], 'readiness_entities_first_seen_idx');
    table.index(['owner'], 'readiness_entities_owner_idx');
    table.index(['evaluated_at'], 'readiness_entities_evaluated_idx');
  });

  await knex.schema.createTable('readiness_history', table => {
    table.comment(
      'Readiness of an entity each time its level or a state changed',
    );
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.string('level', 64).nullable();
    table.integer('score').nullable();
    table.text('counts').notNullable();
    table.text('states').notNullable().comment('JSON: state by check id');
    table.index(['entity_ref', 'evaluated_at'], 'readiness_history_entity_idx');
    table.index(['evaluated_at'], 'readiness_history_time_idx');
  });

  await knex.schema.createTable('readiness_exemptions', table => {
    table.comment('Exemptions from readiness checks; revoked, never deleted');
    table.string('id', 64).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 128).notNullable();
    table.text('reason').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.string('revoked_by', 255).nullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.index(['entity_ref', 'check_id'], 'readiness_exemptions_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_exemptions');
  await knex.schema.dropTable('readiness_history');
  await knex.schema.dropTable('readiness_entities');
};
