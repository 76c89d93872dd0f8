// @ts-check

/**
 * GitHub webhook deliveries already recorded, by their `X-GitHub-Delivery`
 * id. A redelivery (GitHub keeps the id) is answered without writing again,
 * so replaying an old deployment status cannot overwrite a newer one. GitHub
 * only redelivers deliveries of the last few days, so old rows are pruned.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('github_webhook_deliveries', table => {
    table.comment('GitHub webhook deliveries already recorded');
    table
      .string('delivery_id', 64)
      .primary()
      .comment('The X-GitHub-Delivery header (a GUID)');
    table
      .string('event', 64)
      .notNullable()
      .comment('The X-GitHub-Event header');
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.index(['received_at'], 'github_webhook_deliveries_received_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('github_webhook_deliveries');
};
