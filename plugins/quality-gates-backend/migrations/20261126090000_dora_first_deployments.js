// @ts-check

/**
 * Each change's first successful deployment, per entity and environment: a
 * table the ingest keeps current (src/delivery/firstDeployments.ts), so that
 * lead time for changes reads one row per change instead of searching each
 * change's whole deployment history on every dashboard load.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('first_deployments', table => {
    table.comment(
      'The first successful deployment of each change per entity and environment (derived from deployments and deployment_changes)',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('repository', 512).notNullable();
    table.string('sha', 64).notNullable();
    table.string('deployment_id', 36).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table
      .timestamp('committed_at', { useTz: true })
      .nullable()
      .comment('Commit (else author) time of the change, copied from changes');
    table.primary(['entity_ref', 'repository', 'sha', 'environment']);
    table.index(['deployment_id'], 'first_deployments_deployment_idx');
    table.index(['repository', 'sha'], 'first_deployments_change_idx');
  });
  // The window scan of lead time reads only this index.
  await knex.raw(
    /^(pg|postgres)/.test(String(knex.client.config.client))
      ? 'create index first_deployments_window_idx on first_deployments (entity_ref, environment, deployed_at) include (committed_at)'
      : 'create index first_deployments_window_idx on first_deployments (entity_ref, environment, deployed_at, committed_at)',
  );
  // The same statement as rebuildFirstDeployments: a migration cannot
  // import the plugin's TypeScript.
  await knex.raw(`insert into first_deployments
    (entity_ref, environment, repository, sha, deployment_id, deployed_at, committed_at)
    select entity_ref, environment, repository, sha, deployment_id, deployed_at, committed_at from (
      select d.entity_ref, d.environment, dc.repository, dc.sha, d.id as deployment_id,
        coalesce(d.finished_at, d.started_at) as deployed_at,
        coalesce(c.committed_at, c.authored_at) as committed_at,
        row_number() over (
          partition by d.entity_ref, d.environment, dc.repository, dc.sha
          order by coalesce(d.finished_at, d.started_at), d.id
        ) as rn
      from deployment_changes dc
      join deployments d on d.id = dc.deployment_id
      left join changes c on c.repository = dc.repository and c.sha = dc.sha
      where d.status = 'succeeded' and d.entity_ref is not null
    ) firsts where rn = 1`);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('first_deployments');
};
