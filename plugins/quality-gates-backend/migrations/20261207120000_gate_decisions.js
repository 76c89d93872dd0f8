// @ts-check

/**
 * Decisions and scoped overrides.
 *
 * One `POST /gates/evaluate` is one decision: the question (entity,
 * environment, version), who asked, the answer and its sentence; its gate
 * evaluations name it. Evaluations stored before have no decision.
 *
 * An override now names its scope (entity, environment, version and a gate,
 * or every gate) so that it applies to every later evaluation there until it
 * expires or is revoked. Existing overrides take the scope of the evaluation
 * they were made on. Each evaluation records the override that applied and
 * the effective verdict it gave at the time, so history does not change when
 * the override later ends.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gate_decisions', table => {
    table.comment('One question "can this version go there?" and its answer');
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('version', 255).notNullable();
    table.string('trigger', 16).notNullable().comment('ci, schedule or manual');
    table.string('requested_by', 255).nullable();
    table.string('answer', 16).notNullable().comment('yes, no, not_yet, error');
    table.text('sentence').notNullable();
    table
      .string('verdict', 8)
      .notNullable()
      .comment('worst effective verdict of the gates');
    table.timestamp('ask_again_at', { useTz: true }).nullable();
    table.text('problems').nullable().comment('JSON: why nothing could decide');
    table.timestamp('decided_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'environment', 'decided_at'],
      'gate_decisions_entity_idx',
    );
    table.index(
      ['entity_ref', 'version', 'decided_at'],
      'gate_decisions_version_idx',
    );
    table.index(['decided_at'], 'gate_decisions_time_idx');
    table.index(['answer', 'decided_at'], 'gate_decisions_answer_idx');
  });

  await knex.schema.alterTable('gate_evaluations', table => {
    table.string('decision_id', 36).nullable();
    table
      .integer('decision_position')
      .nullable()
      .comment('Where the gate is listed in its decision');
    table
      .string('override_id', 36)
      .nullable()
      .comment('The override that applied when it was evaluated');
    table
      .string('effective_verdict', 8)
      .nullable()
      .comment('With override_id: the verdict it gave then');
    table.index(['decision_id'], 'gate_evaluations_decision_idx');
  });

  await knex.schema.alterTable('gate_overrides', table => {
    table.string('entity_ref', 255).nullable();
    table.string('environment', 255).nullable();
    table.string('version', 255).nullable();
    table
      .string('gate_id', 64)
      .nullable()
      .comment('Absent: every gate of decisions in the scope');
    table.string('decision_id', 36).nullable();
    table
      .integer('decision_position')
      .nullable()
      .comment('Where the gate is listed in its decision');
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.string('revoked_by', 255).nullable();
    table.text('revoke_reason').nullable();
  });
  const fromEvaluation = (/** @type {string} */ column) =>
    knex('gate_evaluations as e')
      .select(`e.${column}`)
      .whereRaw('e.id = gate_overrides.evaluation_id');
  await knex('gate_overrides').update({
    entity_ref: fromEvaluation('entity_ref'),
    environment: fromEvaluation('environment'),
    version: fromEvaluation('version'),
    gate_id: fromEvaluation('gate_id'),
  });
  await knex.schema.alterTable('gate_overrides', table => {
    table.string('entity_ref', 255).notNullable().alter();
    table.string('environment', 255).notNullable().alter();
    table.string('version', 255).notNullable().alter();
    // Overrides made for a scope, not from an evaluation, have none.
    table.string('evaluation_id', 36).nullable().alter();
    table.index(
      ['entity_ref', 'environment', 'version'],
      'gate_overrides_scope_idx',
    );
    table.index(['decision_id'], 'gate_overrides_decision_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('gate_overrides').whereNull('evaluation_id').delete();
  await knex.schema.alterTable('gate_overrides', table => {
    table.dropIndex([], 'gate_overrides_scope_idx');
    table.dropIndex([], 'gate_overrides_decision_idx');
    table.string('evaluation_id', 36).notNullable().alter();
    table.dropColumns(
      'entity_ref',
      'environment',
      'version',
      'gate_id',
      'decision_id',
      'revoked_at',
      'revoked_by',
      'revoke_reason',
    );
  });
  await knex.schema.alterTable('gate_evaluations', table => {
    table.dropIndex([], 'gate_evaluations_decision_idx');
    table.dropColumns(
      'decision_id',
      'decision_position',
      'override_id',
      'effective_verdict',
    );
  });
  await knex.schema.dropTable('gate_decisions');
};
