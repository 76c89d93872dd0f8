// @ts-check

/**
 * Delivery events: changes (commits and their pull requests), incidents and
 * CI pipeline runs, and what links them to deployments.
 *
 * Every event row keeps `entity_hint` (what the event said about its
 * entity, e.g. `github.com/project-slug=org/repo`) next to `entity_ref`
 * (the catalog entity it resolved to, null while unknown): events for
 * entities the catalog does not know are kept and reported, not dropped.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.string('entity_hint', 512).nullable();
    table.string('pipeline_run_id', 36).nullable();
    table.text('url').nullable().comment('Deploy log or target');
    table.text('description').nullable();
  });
  // Unknown entities are kept: the resolved ref may be absent.
  await knex.schema.alterTable('deployments', table => {
    table.string('entity_ref', 255).nullable().alter();
  });

  await knex.schema.createTable('changes', table => {
    table.comment('A commit that can reach production; the unit of lead time');
    table.string('id', 36).primary();
    table
      .string('repository', 512)
      .notNullable()
      .comment('Normalised repository, e.g. github.com/org/repo');
    table.string('sha', 64).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('entity_hint', 512).nullable();
    table.string('source', 64).notNullable();
    table.text('message').nullable();
    table.string('author', 255).nullable();
    table.timestamp('authored_at', { useTz: true }).nullable();
    table.timestamp('committed_at', { useTz: true }).nullable();
    table
      .timestamp('pushed_at', { useTz: true })
      .nullable()
      .comment('When the commit reached the repository');
    table.string('ref', 255).nullable().comment('Branch it was pushed to');
    table
      .string('push_before_sha', 64)
      .nullable()
      .comment('Head of the branch before the push that brought it');
    table
      .string('push_after_sha', 64)
      .nullable()
      .comment('Head of the branch after that push');
    table.integer('pr_number').nullable();
    table.timestamp('pr_opened_at', { useTz: true }).nullable();
    table.timestamp('pr_merged_at', { useTz: true }).nullable();
    table.text('url').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['repository', 'sha'], { indexName: 'changes_repo_sha_uniq' });
    table.index(['entity_ref', 'committed_at'], 'changes_entity_idx');
    table.index(['repository', 'push_after_sha'], 'changes_push_after_idx');
  });

  await knex.schema.createTable('deployment_changes', table => {
    table.comment('Which commits a deployment brought to its environment');
    table
      .string('deployment_id', 36)
      .notNullable()
      .references('id')
      .inTable('deployments')
      .onDelete('CASCADE');
    table.string('repository', 512).notNullable();
    table.string('sha', 64).notNullable();
    table.primary(['deployment_id', 'repository', 'sha']);
    table.index(['repository', 'sha'], 'deployment_changes_sha_idx');
  });

  await knex.schema.createTable('incidents', table => {
    table.comment(
      'A production problem; the other half of change failure rate',
    );
    table.string('id', 36).primary();
    table.string('source', 64).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('entity_hint', 512).nullable();
    table.string('environment', 255).nullable();
    table.string('severity', 64).nullable();
    table.text('title').nullable();
    table.text('description').nullable();
    table.text('url').nullable();
    table.timestamp('opened_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table
      .string('caused_by_deployment_id', 36)
      .nullable()
      .comment('Explicit link to the deployment that caused it, when known');
    table.text('labels').nullable().comment('JSON object of string labels');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['source', 'external_id'], {
      indexName: 'incidents_source_external_id_uniq',
    });
    table.index(['entity_ref', 'opened_at'], 'incidents_entity_opened_idx');
  });

  await knex.schema.createTable('pipeline_runs', table => {
    table.comment('One run of a CI/CD pipeline');
    table.string('id', 36).primary();
    table.string('source', 64).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('entity_hint', 512).nullable();
    table.string('pipeline_name', 255).notNullable();
    table.string('run_id', 255).nullable().comment("The CI system's run id");
    table.integer('run_attempt').nullable();
    table.string('ref', 255).nullable().comment('Branch or tag');
    table.string('sha', 64).nullable().comment('Head revision built');
    table.string('repository', 512).nullable();
    table
      .string('result', 32)
      .nullable()
      .comment(
        'success, failure, error, timeout, cancellation, skip; null while running',
      );
    table.timestamp('queued_at', { useTz: true }).nullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.string('trace_id', 32).nullable().comment('OTLP trace of the run');
    table.text('url').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['source', 'external_id'], {
      indexName: 'pipeline_runs_source_external_id_uniq',
    });
    table.index(['entity_ref', 'started_at'], 'pipeline_runs_entity_idx');
    table.index(['trace_id'], 'pipeline_runs_trace_idx');
    table.index(['repository', 'sha'], 'pipeline_runs_sha_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('pipeline_runs');
  await knex.schema.dropTable('incidents');
  await knex.schema.dropTable('deployment_changes');
  await knex.schema.dropTable('changes');
  await knex('deployments').whereNull('entity_ref').delete();
  await knex.schema.alterTable('deployments', table => {
    table.string('entity_ref', 255).notNullable().alter();
  });
  await knex.schema.alterTable('deployments', table => {
    table.dropColumn('entity_hint');
    table.dropColumn('pipeline_run_id');
    table.dropColumn('url');
    table.dropColumn('description');
  });
};
