// @ts-check

/**
 * CDEvents already recorded, by the event's (context.source, context.id),
 * which CloudEvents keeps across redeliveries: a redelivered event is
 * answered without writing again.
 *
 * Service events (deployed, upgraded, rolled back) also form each service's
 * timeline per environment: `deployment_key` names the deployment the
 * environment runs after the event, so a rollback can find the deployment
 * it undoes and an incident the deployment of the artifact it names.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cdevents_received', table => {
    table.comment('CDEvents already recorded, and each service timeline');
    table.string('source', 512).notNullable().comment('context.source');
    table.string('event_id', 255).notNullable().comment('context.id');
    table.string('type', 255).notNullable().comment('context.type');
    table
      .string('subject_source', 512)
      .notNullable()
      .comment('subject.source, or context.source when absent');
    table.string('subject_id', 255).notNullable();
    table.string('environment', 255).nullable();
    table.text('artifact').nullable().comment('Package URL the event names');
    table
      .timestamp('occurred_at', { useTz: true })
      .notNullable()
      .comment('context.timestamp');
    table
      .string('deployment_key', 255)
      .nullable()
      .comment(
        'External id of the cdevents deployment the environment runs after a service event',
      );
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.primary(['source', 'event_id']);
    table.index(
      ['subject_id', 'environment', 'occurred_at'],
      'cdevents_received_timeline_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cdevents_received');
};
