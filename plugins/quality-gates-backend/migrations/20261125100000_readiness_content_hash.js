// @ts-check

/**
 * A hash of everything stored for an entity's latest result, so a re-run
 * that finds nothing changed only moves `evaluated_at` instead of rewriting
 * the row (most runs change nothing for most entities).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_entities', table => {
    table
      .string('content_hash', 64)
      .nullable()
      .comment('Hash of the stored result and facts; same hash, same row');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_entities', table => {
    table.dropColumn('content_hash');
  });
};
