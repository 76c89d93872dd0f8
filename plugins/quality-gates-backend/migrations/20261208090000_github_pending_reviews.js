// @ts-check

/**
 * GitHub deployment protection rules whose answer is "not yet": the review
 * stays pending on GitHub while the plugin asks its gates again at the
 * decision's `ask_again_at` and answers the callback once they decide. A
 * replica takes a due row by an atomic update of `claimed_until` (a lease),
 * so each re-evaluation runs once however many replicas poll.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('github_pending_reviews', table => {
    table.comment('Deployment protection rules waiting for a decision');
    table.string('id', 36).primary();
    table.text('request').notNullable().comment('JSON: the protection rule');
    table.text('target').notNullable().comment('JSON: where the answer goes');
    table.string('delivery', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table
      .timestamp('give_up_at', { useTz: true })
      .notNullable()
      .comment('rejected if still not decided then');
    table.timestamp('next_at', { useTz: true }).notNullable();
    table.string('claimed_by', 64).nullable();
    table.timestamp('claimed_until', { useTz: true }).nullable();
    table.string('last_decision_id', 36).nullable();
    table.index(['next_at'], 'github_pending_reviews_next_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('github_pending_reviews');
};
