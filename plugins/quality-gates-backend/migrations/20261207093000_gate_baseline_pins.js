// @ts-check

/**
 * Gate evaluations pinned as the baseline of relative criteria
 * (`POST /gates/evaluations/{id}/pin`): at most one per gate, entity and
 * environment, with who pinned it and when. A criterion reads it with
 * `baseline: { pinned: true }`, and retention keeps it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gate_baseline_pins', table => {
    table.comment(
      'The evaluation pinned as baseline per gate, entity and environment',
    );
    table.string('gate_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table
      .string('evaluation_id', 36)
      .notNullable()
      .unique({ indexName: 'gate_baseline_pins_evaluation_idx' })
      .references('id')
      .inTable('gate_evaluations')
      .onDelete('CASCADE');
    table.string('pinned_by', 255).notNullable();
    table.timestamp('pinned_at', { useTz: true }).notNullable();
    table.primary(['gate_id', 'entity_ref', 'environment']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gate_baseline_pins');
};
