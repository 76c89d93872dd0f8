import { Knex } from 'knex';
import { deployedAt, doraDialect, placeholders } from '../../dora/doraSql';
import { EffectivenessSettings } from './effectivenessSettings';

type Statement = { sql: string; bindings: Knex.Value[] };

/**
 * Whether incident `i` happened where deployment `d` went: the same
 * environment, or a production one when the incident names none.
 */
function sameEnvironment(
  settings: EffectivenessSettings,
  i: string,
  d: string,
): Statement {
  const { productionEnvironments } = settings;
  return {
    sql: `(${i}.environment = ${d}.environment or (${i}.environment is null
        and ${d}.environment in (${placeholders(productionEnvironments)})))`,
    bindings: [...productionEnvironments],
  };
}

/**
 * CTEs `shipped`, `tied` and `outcomes` over a CTE `versions` (entity_ref,
 * environment, version) that the caller defines first: each version there
 * as bad, good or unknown. Bad: a deployment of it failed or was rolled
 * back, or an incident is tied to one — to its explicit cause, else, as
 * DORA ties it, to the last successful deployment of its entity before it
 * opened, here only when it opened within the window after it. Gate
 * effectiveness judges gates by it; retention keeps the evaluations of bad
 * versions.
 */
export function versionOutcomes(
  knex: Knex,
  settings: EffectivenessSettings,
  now: Date,
): Statement {
  const { secondsBetween } = doraDialect(knex);
  const incidentThere = sameEnvironment(settings, 'i', 's');
  const laterThere = sameEnvironment(settings, 'i', 'l');
  const at = deployedAt('l');
  const windowEndedBefore = new Date(
    now.getTime() - settings.windowSeconds * 1000,
  );
  return {
    sql: `shipped as (
          select d.id, d.entity_ref, d.environment, d.version, d.status,
            ${deployedAt('d')} as deployed_at
          from deployments d
          join versions v on v.entity_ref = d.entity_ref
            and v.environment = d.environment and v.version = d.version
          where d.status in ('succeeded', 'failed', 'rolled_back')
        ),
        tied as (
          select i.caused_by_deployment_id as id from incidents i
          where i.caused_by_deployment_id in (select id from shipped)
          union
          select s.id from shipped s
          where s.status = 'succeeded' and exists (
            select 1 from incidents i
            where i.entity_ref = s.entity_ref and i.caused_by_deployment_id is null
              and ${incidentThere.sql}
              and i.opened_at >= s.deployed_at
              and ${secondsBetween('i.opened_at', 's.deployed_at')} < ?
              and not exists (
                select 1 from deployments l
                where l.entity_ref = s.entity_ref and l.status = 'succeeded'
                  and ${laterThere.sql}
                  and ${at} <= i.opened_at
                  and (${at} > s.deployed_at or (${at} = s.deployed_at and l.id > s.id))
              )
          )
        ),
        outcomes as (
          select v.entity_ref, v.environment, v.version,
            case
              when sum(case when s.status in ('failed', 'rolled_back') or t.id is not null
                then 1 else 0 end) > 0 then 'bad'
              when max(case when s.status = 'succeeded' then s.deployed_at end) <= ?
                then 'good'
              else 'unknown'
            end as outcome
          from versions v
          left join shipped s on s.entity_ref = v.entity_ref
            and s.environment = v.environment and s.version = v.version
          left join tied t on t.id = s.id
          group by v.entity_ref, v.environment, v.version
        )`,
    bindings: [
      ...incidentThere.bindings,
      settings.windowSeconds,
      ...laterThere.bindings,
      windowEndedBefore,
    ],
  };
}
