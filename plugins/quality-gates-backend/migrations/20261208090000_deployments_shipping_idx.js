// @ts-check

/**
 * The order in which an environment's successful deployments ship changes
 * (src/delivery/shippingSql.ts): by the time they reached it, then their
 * start, then id. With all three in the index, "the first success at or
 * after a moment" and "the success before this one" are one probe each,
 * also among deployments that reached the environment at the same time.
 * It serves DORA's probes, and every search by entity, environment and
 * status, as the two indexes it replaces did: one index fewer to write, and
 * no other for the planner to pick and sort (it did, on tables without
 * statistics yet, and stepped through every tie).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.raw(
    'create index deployments_shipping_idx on deployments (entity_ref, environment, status, (coalesce(finished_at, started_at)), started_at, id)',
  );
  await knex.raw('drop index deployments_dora_idx');
  await knex.raw('drop index deployments_entity_env_status_idx');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.raw(
    'create index deployments_entity_env_status_idx on deployments (entity_ref, environment, status)',
  );
  await knex.raw(
    'create index deployments_dora_idx on deployments (entity_ref, environment, status, (coalesce(finished_at, started_at)))',
  );
  await knex.raw('drop index deployments_shipping_idx');
};
