// @ts-check

/**
 * A change is shipped to an environment by the first successful deployment
 * whose version contains it: one listing it, or any later one of its entity
 * (a failed or rolled-back attempt's commits, or a version that skipped the
 * environment, ride along in the next success). Before, only a success that
 * listed the change itself counted, so such changes never reached
 * production. This recomputes `first_deployments` by the new rule (the
 * statement of src/delivery/firstDeployments.ts, which a migration cannot
 * import) and clears the DORA facts state, so that the plugin derives
 * lead time's `dora_change_facts` again at its next start.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('first_deployments').delete();
  await knex.raw(`insert into first_deployments
    (entity_ref, environment, repository, sha, deployment_id, deployed_at, committed_at)
    select f.entity_ref, f.environment, f.repository, f.sha,
      d.id as deployment_id, coalesce(d.finished_at, d.started_at) as deployed_at,
      coalesce(c.committed_at, c.authored_at) as committed_at
    from (
      select l.entity_ref, e.environment, l.repository, l.sha, (
          select s.id from deployments s
          where s.entity_ref = l.entity_ref and s.environment = e.environment
            and s.status = 'succeeded'
            and coalesce(s.finished_at, s.started_at) >= l.listed_at
            and s.started_at >= l.listed_at
          order by coalesce(s.finished_at, s.started_at), s.started_at, s.id
          limit 1
        ) as deployment_id
      from (
        select ld.entity_ref, dc.repository, dc.sha,
          min(ld.started_at) as listed_at
        from deployment_changes dc
        join deployments ld on ld.id = dc.deployment_id
        where ld.entity_ref is not null
        group by ld.entity_ref, dc.repository, dc.sha
      ) l
      join (
        select distinct entity_ref, environment from deployments
        where status = 'succeeded' and entity_ref is not null
      ) e on e.entity_ref = l.entity_ref
    ) f
    join deployments d on d.id = f.deployment_id
    left join changes c on c.repository = f.repository and c.sha = f.sha
    where f.deployment_id is not null`);
  await knex('dora_facts_state').delete();
};

/**
 * The old rule's rows are not restored: the next write or rebuild keeps the
 * table by the code that runs.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('dora_facts_state').delete();
};
