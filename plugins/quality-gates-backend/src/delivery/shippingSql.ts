/**
 * The statements behind `first_deployments` (see firstDeployments.ts). A
 * change is shipped to an environment by the first successful deployment
 * there whose version contains it; a version contains every change listed
 * on a deployment of its entity that started no later than it did (a
 * failed or rolled-back attempt's commits, and a version that skipped the
 * environment, ride along in the next success). So each (entity, change)
 * has a moment, its first listing, and its shipping deployment in an
 * environment is the earliest success there (by the time it reached the
 * environment, ties by id) that started and reached it at or after that
 * moment.
 */

/** When a deployment reached its environment. */
const REACHED = (alias: string) =>
  `coalesce(${alias}.finished_at, ${alias}.started_at)`;

/**
 * The id of the deployment shipping a change first listed at `listedAt` to
 * `environment` of `entity` (SQL expressions): one probe of
 * `deployments_shipping_idx`.
 */
export function shippingDeployment(
  entity: string,
  environment: string,
  listedAt: string,
): string {
  return `(select s.id from deployments s
    where s.entity_ref = ${entity} and s.environment = ${environment}
      and s.status = 'succeeded'
      and ${REACHED('s')} >= ${listedAt} and s.started_at >= ${listedAt}
    order by ${REACHED('s')}, s.started_at, s.id
    limit 1)`;
}

export const FIRST_DEPLOYMENT_COLUMNS =
  '(entity_ref, environment, repository, sha, deployment_id, deployed_at, committed_at)';

/**
 * Rows of `first_deployments` from `shipped`, a FROM item with columns
 * entity_ref, environment, repository, sha and deployment_id (null: not
 * shipped there yet, which the join drops). Only the join reads
 * deployment_id, so that PostgreSQL probes once per row; `where true` lets
 * SQLite tell an upsert's ON CONFLICT from a join's ON.
 */
function shippedRows(shipped: string): string {
  return `select f.entity_ref, f.environment, f.repository, f.sha,
      d.id as deployment_id, ${REACHED('d')} as deployed_at,
      coalesce(c.committed_at, c.authored_at) as committed_at
    from ${shipped} f
    join deployments d on d.id = f.deployment_id
    left join changes c on c.repository = f.repository and c.sha = f.sha
    where true`;
}

/**
 * Every row of `first_deployments`, from the whole history (a rebuild;
 * the migration that introduced the rule repeats this statement).
 */
export function allShippedSelect(): string {
  return shippedRows(`(
    select l.entity_ref, e.environment, l.repository, l.sha,
      ${shippingDeployment('l.entity_ref', 'e.environment', 'l.listed_at')}
        as deployment_id
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
  )`);
}

/**
 * The first environment of `entity` (a SQL expression) with a successful
 * deployment, after `after` if given: one probe of
 * `deployments_entity_env_status_idx`.
 */
function nextEnvironment(entity: string, after?: string): string {
  return `(select n.environment from deployments n
    where n.entity_ref = ${entity} and n.status = 'succeeded'
      ${after ? `and n.environment > ${after}` : ''}
    order by n.environment limit 1)`;
}

/**
 * An upsert of the rows of the given keys, bound as `values` with four
 * columns: entity_ref, environment (null: every environment of the entity
 * with a successful deployment), repository, sha. The caller deletes their
 * rows first, as a key may not be shipped anywhere any more.
 */
export function upsertShippedOfKeys(values: string): string {
  return `with recursive keys (entity_ref, environment, repository, sha) as (
      ${values}
    ),
    everywhere (entity_ref, environment) as (
      select e.entity_ref, ${nextEnvironment('e.entity_ref')}
      from (select distinct entity_ref from keys where environment is null) e
      union all
      select v.entity_ref, ${nextEnvironment('v.entity_ref', 'v.environment')}
      from everywhere v where v.environment is not null
    ),
    targets (entity_ref, environment, repository, sha) as (
      select entity_ref, environment, repository, sha from keys
      where environment is not null
      union
      select k.entity_ref, v.environment, k.repository, k.sha
      from keys k join everywhere v on v.entity_ref = k.entity_ref
      where k.environment is null and v.environment is not null
    )
    insert into first_deployments ${FIRST_DEPLOYMENT_COLUMNS}
    ${shippedRows(`(
      select l.entity_ref, l.environment, l.repository, l.sha,
        ${shippingDeployment('l.entity_ref', 'l.environment', 'l.listed_at')}
          as deployment_id
      from (
        select t.entity_ref, t.environment, t.repository, t.sha,
          min(ld.started_at) as listed_at
        from targets t
        join deployment_changes dc
          on dc.repository = t.repository and dc.sha = t.sha
        join deployments ld
          on ld.id = dc.deployment_id and ld.entity_ref = t.entity_ref
        group by t.entity_ref, t.environment, t.repository, t.sha
      ) l
    )`)}
    on conflict (entity_ref, repository, sha, environment) do update set
      deployment_id = excluded.deployment_id,
      deployed_at = excluded.deployed_at,
      committed_at = excluded.committed_at`;
}

/**
 * Keys to derive again are rows of (entity_ref, environment, repository,
 * sha), environment null for every environment of the entity.
 *
 * The changes listed on the deployments `ids` (placeholders), in every
 * environment of their entity: their first listing may have moved (the
 * deployment is new, or starts at another time, or belongs to another
 * entity now).
 */
export function relistedKeys(ids: string): string {
  return `select d.entity_ref, null as environment, dc.repository, dc.sha
    from deployments d join deployment_changes dc on dc.deployment_id = d.id
    where d.id in (${ids}) and d.entity_ref is not null`;
}

/**
 * The changes of newly stored links, `values` of (deployment_id,
 * repository, sha), in every environment of the deployment's entity: the
 * link may be the change's first listing.
 */
export function linkedKeys(values: string): string {
  return `with links (deployment_id, repository, sha) as (${values})
    select d.entity_ref, null as environment, l.repository, l.sha
    from links l join deployments d on d.id = l.deployment_id
    where d.entity_ref is not null`;
}

/**
 * The keys a write of the deployments `ids` (placeholders, bound twice)
 * may have moved besides their listings':
 *
 * - the keys they shipped: their status, time, entity or environment may
 *   have changed;
 * - for the successful ones, per environment, the changes listed up to the
 *   latest start among them since the success before the first of them (in
 *   shipping order): they may ship these first. A change listed before that
 *   success started (or arrived, if earlier) was shipped by it or sooner,
 *   before any of them. Without one, every change listed up to then.
 */
export function touchedKeys(ids: string): string {
  // One probe per entity and environment, of the success before the first.
  return `with written as (
      select t.entity_ref, t.environment, t.started_at, t.finished_at, t.id,
        max(t.started_at) over (
          partition by t.entity_ref, t.environment
        ) as upto,
        row_number() over (
          partition by t.entity_ref, t.environment
          order by ${REACHED('t')}, t.started_at, t.id
        ) as n
      from deployments t
      where t.id in (${ids}) and t.status = 'succeeded'
        and t.entity_ref is not null
    ),
    ranges (entity_ref, environment, upto, since) as (
      select t.entity_ref, t.environment, t.upto, (
        select case when p.finished_at < p.started_at
          then p.finished_at else p.started_at end
        from deployments p
        where p.entity_ref = t.entity_ref and p.environment = t.environment
          and p.status = 'succeeded' and ${REACHED('p')} <= ${REACHED('t')}
          and (${REACHED('p')}, p.started_at, p.id)
            < (${REACHED('t')}, t.started_at, t.id)
        order by ${REACHED('p')} desc, p.started_at desc, p.id desc
        limit 1)
      from written t where t.n = 1
    )
    select f.entity_ref, f.environment, f.repository, f.sha
    from first_deployments f where f.deployment_id in (${ids})
    union
    select r.entity_ref, r.environment, dc.repository, dc.sha
    from ranges r
    join deployments o on o.entity_ref = r.entity_ref
      and o.started_at > r.since and o.started_at <= r.upto
    join deployment_changes dc on dc.deployment_id = o.id
    union
    select r.entity_ref, r.environment, dc.repository, dc.sha
    from ranges r
    join deployments o on o.entity_ref = r.entity_ref
      and o.started_at <= r.upto
    join deployment_changes dc on dc.deployment_id = o.id
    where r.since is null`;
}
