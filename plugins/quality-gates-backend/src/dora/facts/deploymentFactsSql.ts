import { Knex } from 'knex';
import { deployedAt, doraDialect, placeholders } from '../doraSql';

/** One entity's deployments from a moment on; all of history without it. */
export interface FactsRange {
  entityRef: string;
  /** Deployments that reached production at or after this; null: all. */
  since: Date | null;
}

const FINISHED = "('succeeded', 'failed', 'rolled_back')";

/** A SQL expression with the values its placeholders bind. */
interface Bound {
  sql: string;
  bindings: Knex.Value[];
}

/**
 * One index probe per production environment for the successful
 * deployment of `entity` nearest to `bound`, as `compare` says: `<=` or `<`
 * the last before it, `>` the first after it. An IN list of environments
 * would keep the index from giving the order.
 */
export function nearestSuccess(
  environments: string[],
  entity: Bound,
  compare: '<=' | '<' | '>',
  bound: Bound,
): { sql: string; bindings: Knex.Value[] } {
  const at = deployedAt('d');
  const direction = compare === '>' ? 'asc' : 'desc';
  const probes = environments.map(
    (_, index) => `select * from (
        select d.id, ${at} as at from deployments d
        where d.entity_ref = ${entity.sql} and d.environment = ?
          and d.status = 'succeeded' and ${at} ${compare} ${bound.sql}
        order by ${at} ${direction}, d.id ${direction} limit 1
      ) probe${index}`,
  );
  return {
    sql: `select p.id, p.at from (${probes.join(' union all ')}) p
      order by p.at ${direction}, p.id ${direction} limit 1`,
    bindings: environments.flatMap(environment => [
      ...entity.bindings,
      environment,
      ...bound.bindings,
    ]),
  };
}

/**
 * The facts of finished production deployments as a SELECT with the
 * columns of `dora_deployment_facts`, for one entity from a moment on, or
 * for every entity.
 *
 * - An incident is tied to exactly one deployment: the one it names as its
 *   cause (when that is a finished production deployment; if it is not,
 *   the incident is tied to none), else the last successful production
 *   deployment of its entity at or before it opened. Incidents count when
 *   they name no environment or a production one.
 * - A failure episode begins when the deployment failed (for a failed or
 *   rolled-back one) or when its first incident opened, and ends at the
 *   next successful production deployment of the entity or the first
 *   resolution of its incidents, whichever came first.
 *
 * For a range starting at a successful deployment, every incident that can
 * be tied to a deployment of the range opened within it: the caller starts
 * ranges there (see deploymentFacts.ts).
 */
export function computedFactsSelect(
  knex: Knex | Knex.Transaction,
  environments: string[],
  range?: FactsRange,
): { sql: string; bindings: Knex.Value[] } {
  const envs = placeholders(environments);
  const { secondsBetween } = doraDialect(knex);
  const at = deployedAt('d');
  const deploymentRange = range
    ? `and d.entity_ref = ?${range.since ? ` and ${at} >= ?` : ''}`
    : 'and d.entity_ref is not null';
  const incidentRange = range
    ? `and i.entity_ref = ?${range.since ? ' and i.opened_at >= ?' : ''}`
    : 'and i.entity_ref is not null';
  const rangeBindings = range
    ? [range.entityRef, ...(range.since ? [range.since] : [])]
    : [];
  const incidentCounts = `(i.environment is null or i.environment in (${envs}))`;
  const column = (sql: string) => ({ sql, bindings: [] });
  const latest = nearestSuccess(
    environments,
    column('i.entity_ref'),
    '<=',
    column('i.opened_at'),
  );
  const next = nearestSuccess(
    environments,
    column('f.entity_ref'),
    '>',
    column('f.failed_at'),
  );
  return {
    sql: `with scoped as materialized (
        select d.id, d.entity_ref, d.environment, d.status, d.started_at,
          ${at} as deployed_at
        from deployments d
        where d.environment in (${envs}) and d.status in ${FINISHED}
          ${deploymentRange}
      ),
      ties as materialized (
        select i.id as incident_id, i.opened_at, i.resolved_at,
          i.caused_by_deployment_id as deployment_id
        from incidents i
        where i.caused_by_deployment_id in (select id from scoped)
          and ${incidentCounts}
        union all
        select i.id, i.opened_at, i.resolved_at,
          (select latest.id from (${latest.sql}) latest)
        from incidents i
        where i.caused_by_deployment_id is null and ${incidentCounts}
          ${incidentRange}
      ),
      tied as (
        select t.deployment_id, min(t.incident_id) as incident_id,
          min(t.opened_at) as opened_at, min(t.resolved_at) as resolved_at
        from ties t where t.deployment_id is not null
        group by t.deployment_id
      ),
      failures as materialized (
        select s.id, s.entity_ref, s.environment, s.status, s.started_at,
          s.deployed_at, t.incident_id, t.resolved_at,
          case when s.status in ('failed', 'rolled_back') or t.deployment_id is not null
            then 1 else 0 end as failed,
          case when s.status in ('failed', 'rolled_back') then s.deployed_at
            else t.opened_at end as failed_at
        from scoped s left join tied t on t.deployment_id = s.id
      ),
      recoveries as (
        select f.*, case when f.failed = 1
            then (select next.at from (${next.sql}) next) end as next_success_at
        from failures f
      ),
      episodes as (
        select r.*,
          case
            when r.failed = 0 then null
            when r.next_success_at is null then r.resolved_at
            when r.resolved_at is null then r.next_success_at
            when r.next_success_at < r.resolved_at then r.next_success_at
            else r.resolved_at
          end as recovered_at
        from recoveries r
      )
      select e.id as deployment_id, e.entity_ref, e.environment, e.status,
        e.deployed_at,
        case when e.status in ('succeeded', 'rolled_back') then 1 else 0 end as reached,
        e.failed,
        case when exists (
          select 1 from incidents i
          where i.entity_ref = e.entity_ref and ${incidentCounts}
            and i.opened_at <= e.started_at
            and (i.resolved_at is null or i.resolved_at > e.started_at)
        ) then 1 else 0 end as unplanned,
        e.incident_id, e.failed_at, e.recovered_at,
        ${secondsBetween('e.recovered_at', 'e.failed_at')} as recovery_seconds
      from episodes e`,
    bindings: [
      ...environments,
      ...rangeBindings,
      ...environments,
      ...latest.bindings,
      ...environments,
      ...rangeBindings,
      ...next.bindings,
      ...environments,
    ],
  };
}

export const FACT_COLUMNS = [
  'deployment_id',
  'entity_ref',
  'environment',
  'status',
  'deployed_at',
  'reached',
  'failed',
  'unplanned',
  'incident_id',
  'failed_at',
  'recovered_at',
  'recovery_seconds',
] as const;
