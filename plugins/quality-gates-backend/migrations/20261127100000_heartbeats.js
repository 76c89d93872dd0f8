// @ts-check

/**
 * Heartbeats: a named signal that something about an entity is alive or
 * done (a synthetic check, a smoke test, a consumer draining its queue),
 * read by the `heartbeat` gate criterion.
 *
 * - Each row is one heartbeat; `external_id` is optional. When a sender
 *   gives one, (source, external_id) is unique and a resend changes
 *   nothing; without one every request counts.
 * - entity_ref is null while the catalog does not know the entity;
 *   entity_hint keeps what the sender said, as in the other event tables.
 * - The index serves the criterion: one entity's heartbeats of one name
 *   over a time range.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('heartbeats', table => {
    table.comment('Named heartbeats, for the heartbeat gate criterion');
    table.string('id', 36).primary();
    table.string('source', 64).notNullable();
    table
      .string('external_id', 255)
      .nullable()
      .comment("The sender's id; resending it changes nothing");
    table.string('entity_ref', 255).nullable();
    table.string('entity_hint', 512).nullable();
    table.string('name', 255).notNullable();
    table.string('environment', 255).nullable();
    table.string('version', 255).nullable();
    table
      .timestamp('occurred_at', { useTz: true })
      .notNullable()
      .comment('When the sender says it happened (received_at by default)');
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.text('details').nullable().comment('JSON object from the sender');
    table.unique(['source', 'external_id'], {
      indexName: 'heartbeats_source_external_id_uniq',
    });
    table.index(['entity_ref', 'name', 'occurred_at'], 'heartbeats_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('heartbeats');
};
