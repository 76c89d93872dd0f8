import { Knex } from 'knex';
import {
  EnvironmentLag,
  EnvironmentState,
  EnvironmentStates,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  DeploymentRow,
  rowToDeployment,
} from '../deployments/DatabaseDeploymentStore';
import { DbTimestamp } from '../delivery/rows';
import { rawRows } from '../database/rawRows';
import { timestampFromDatabase } from '../database/timestamps';
import { deployedAt, placeholders } from '../dora/doraSql';
import { productionLane, readLanes } from './lanes';

type RankedRow = DeploymentRow & { position: number | string };

/**
 * Per environment, the deployment first in `order`: the current one (latest
 * succeeded) or the latest attempt.
 */
async function firstPerEnvironment(
  knex: Knex,
  entityRef: string,
  order: string,
  onlySucceeded: boolean,
): Promise<Map<string, DeploymentRow>> {
  const result = await knex.raw(
    `select * from (
      select d.*, row_number() over (partition by d.environment order by ${order}) as position
      from deployments d
      where d.entity_ref = ? ${
        onlySucceeded ? "and d.status = 'succeeded'" : ''
      }
    ) ranked where position = 1`,
    [entityRef],
  );
  const rows: RankedRow[] = rawRows(result);
  return new Map(rows.map(row => [row.environment, row]));
}

/**
 * Distinct versions deployed successfully to each environment that
 * production does not contain: no successful production deployment started
 * at or after the version first appeared on any deployment of the entity
 * (a later version contains every earlier one), and production does not run
 * it now.
 */
async function versionsAhead(
  knex: Knex,
  entityRef: string,
  environments: string[],
  production: DeploymentRow | undefined,
  productionEnvironment: string,
): Promise<Map<string, number>> {
  const result = await knex.raw(
    `select d.environment, count(distinct d.version) as versions
    from deployments d
    join (
      select v.version, min(v.started_at) as first_started_at
      from deployments v where v.entity_ref = ?
      group by v.version
    ) v on v.version = d.version
    where d.entity_ref = ? and d.environment in (${placeholders(environments)})
      and d.status = 'succeeded' ${production ? 'and d.version <> ?' : ''}
      and not exists (
        select 1 from deployments pd
        where pd.entity_ref = d.entity_ref and pd.environment = ?
          and pd.status = 'succeeded'
          and pd.started_at >= v.first_started_at
      )
    group by d.environment`,
    [
      entityRef,
      entityRef,
      ...environments,
      ...(production ? [production.version] : []),
      productionEnvironment,
    ],
  );
  return new Map(
    rawRows(result).map((row: any) => [row.environment, Number(row.versions)]),
  );
}

/**
 * Changes each environment has shipped that production has not (both by
 * `first_deployments`: the first success whose version contains them), and
 * when the oldest of them arrived there.
 */
async function changesAhead(
  knex: Knex,
  entityRef: string,
  environments: string[],
  productionEnvironment: string,
): Promise<Map<string, { changes: number; oldest: DbTimestamp | null }>> {
  const result = await knex.raw(
    `select f.environment, count(*) as changes, min(f.deployed_at) as oldest
    from first_deployments f
    where f.entity_ref = ? and f.environment in (${placeholders(environments)})
      and not exists (
        select 1 from first_deployments p
        where p.entity_ref = f.entity_ref and p.environment = ?
          and p.repository = f.repository and p.sha = f.sha
      )
    group by f.environment`,
    [entityRef, ...environments, productionEnvironment],
  );
  return new Map(
    rawRows(result).map((row: any) => [
      row.environment,
      { changes: Number(row.changes), oldest: row.oldest },
    ]),
  );
}

/** "What is where": each environment's current version and its lag. */
export async function readEnvironmentStates(
  knex: Knex,
  entityRef: string,
  productionEnvironments: readonly string[],
): Promise<EnvironmentStates> {
  const lanes = await readLanes(knex, entityRef);
  const productionEnvironment = productionLane(lanes, productionEnvironments);
  const environments = lanes.map(lane => lane.environment);
  const beforeProduction = productionEnvironment
    ? environments.slice(0, environments.indexOf(productionEnvironment))
    : [];
  const [current, latest] = await Promise.all([
    firstPerEnvironment(
      knex,
      entityRef,
      `${deployedAt('d')} desc, d.id desc`,
      true,
    ),
    firstPerEnvironment(knex, entityRef, 'd.started_at desc, d.id desc', false),
  ]);
  const production = productionEnvironment
    ? current.get(productionEnvironment)
    : undefined;
  const [versions, changes] =
    beforeProduction.length > 0
      ? await Promise.all([
          versionsAhead(
            knex,
            entityRef,
            beforeProduction,
            production,
            productionEnvironment!,
          ),
          changesAhead(
            knex,
            entityRef,
            beforeProduction,
            productionEnvironment!,
          ),
        ])
      : [new Map<string, number>(), new Map()];

  const lagOf = (environment: string): EnvironmentLag => {
    const waiting = changes.get(environment);
    return {
      versionsAhead: versions.get(environment) ?? 0,
      changesAhead: waiting?.changes ?? 0,
      ...(waiting?.oldest
        ? { oldestWaitingSince: timestampFromDatabase(waiting.oldest) }
        : {}),
    };
  };

  return {
    entityRef,
    ...(productionEnvironment ? { productionEnvironment } : {}),
    environments: environments.map(environment => {
      const currentRow = current.get(environment);
      const latestRow = latest.get(environment);
      const state: EnvironmentState = { environment };
      if (currentRow) {
        const deployment = rowToDeployment(currentRow);
        state.current = {
          version: deployment.version,
          deploymentId: deployment.id,
          deployedAt: deployment.finishedAt ?? deployment.startedAt,
          ...(deployment.actor ? { actor: deployment.actor } : {}),
        };
      }
      if (latestRow && latestRow.id !== currentRow?.id) {
        const { id, version, status, startedAt, finishedAt } =
          rowToDeployment(latestRow);
        state.latestAttempt = {
          id,
          version,
          status,
          startedAt,
          ...(finishedAt ? { finishedAt } : {}),
        };
      }
      if (beforeProduction.includes(environment)) {
        state.aheadOfProduction = lagOf(environment);
      }
      return state;
    }),
  };
}
