// @ts-check

/**
 * Quality gate evaluations: every verdict with the evidence of each
 * criterion, kept for review (history is the product), and overrides, which
 * are stored beside the verdict and never change it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gate_evaluations', table => {
    table.comment(
      'One evaluation of one gate for one entity, environment, version',
    );
    table.string('id', 36).primary();
    table.string('gate_id', 64).notNullable();
    table.string('gate_title', 200).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('version', 255).notNullable();
    table.string('trigger', 16).notNullable().comment('ci, schedule or manual');
    table
      .string('mode', 16)
      .notNullable()
      .comment('enforce, warn-only, dry-run');
    table.string('verdict', 8).notNullable().comment('pass, warn, fail, error');
    table.float('score').nullable();
    table.float('pass_percent').notNullable();
    table.float('warning_percent').notNullable();
    table.string('requested_by', 255).nullable();
    table
      .text('problems')
      .nullable()
      .comment('JSON: why the gate could not decide');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'environment', 'finished_at'],
      'gate_evaluations_entity_idx',
    );
    table.index(['gate_id', 'finished_at'], 'gate_evaluations_gate_idx');
    table.index(['finished_at'], 'gate_evaluations_time_idx');
  });

  await knex.schema.createTable('gate_criterion_results', table => {
    table.comment('What an evaluation found for each criterion: the evidence');
    table
      .string('evaluation_id', 36)
      .notNullable()
      .references('id')
      .inTable('gate_evaluations')
      .onDelete('CASCADE');
    table.string('key', 64).notNullable();
    table.integer('position').notNullable();
    table.string('source', 64).notNullable();
    table.string('state', 16).notNullable();
    table.float('weight').notNullable();
    table.boolean('key_criterion').notNullable();
    table.float('score').notNullable();
    table.double('observed').nullable();
    table
      .text('evidence')
      .notNullable()
      .comment('JSON: the rest of the evidence');
    table.primary(['evaluation_id', 'key']);
    table.index(['key', 'state'], 'gate_criterion_results_key_idx');
  });

  await knex.schema.createTable('gate_overrides', table => {
    table.comment('Overrides of verdicts: who, why, until when; never deleted');
    table.string('id', 36).primary();
    table
      .string('evaluation_id', 36)
      .notNullable()
      .references('id')
      .inTable('gate_evaluations')
      .onDelete('CASCADE');
    table.string('verdict', 8).notNullable();
    table.text('reason').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['evaluation_id'], 'gate_overrides_evaluation_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gate_overrides');
  await knex.schema.dropTable('gate_criterion_results');
  await knex.schema.dropTable('gate_evaluations');
};
