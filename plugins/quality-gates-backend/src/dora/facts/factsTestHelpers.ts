import { Knex } from 'knex';
import { timestampFromDatabase } from '../../database/timestamps';
import { rederiveDeploymentFacts } from './deploymentFacts';

const time = (value: unknown) =>
  value === null || value === undefined
    ? null
    : timestampFromDatabase(value as Date | number | string);

/** Every fact, with the deployment's and incident's external ids, in order. */
export async function factsSnapshot(knex: Knex) {
  const rows = await knex('dora_deployment_facts as f')
    .join('deployments as d', 'd.id', 'f.deployment_id')
    .leftJoin('incidents as i', 'i.id', 'f.incident_id')
    .select('f.*', 'd.external_id', 'i.external_id as incident_external_id')
    .orderBy([{ column: 'f.deployed_at' }, { column: 'f.deployment_id' }]);
  return rows.map(row => ({
    ...row,
    reached: Number(row.reached),
    failed: Number(row.failed),
    unplanned: Number(row.unplanned),
    deployed_at: time(row.deployed_at),
    failed_at: time(row.failed_at),
    recovered_at: time(row.recovered_at),
    recovery_seconds:
      row.recovery_seconds === null ? null : Math.round(row.recovery_seconds),
  }));
}

/** Every change's first production deployment, with the deployment's external id. */
export async function changeFactsSnapshot(knex: Knex) {
  const rows = await knex('dora_change_facts as c')
    .join('deployments as d', 'd.id', 'c.deployment_id')
    .select('c.*', 'd.external_id')
    .orderBy(['c.entity_ref', 'c.repository', 'c.sha']);
  return rows.map(row => ({
    ...row,
    deployed_at: time(row.deployed_at),
    committed_at: time(row.committed_at),
    lead_seconds:
      row.lead_seconds === null ? null : Math.round(row.lead_seconds),
  }));
}

/** The maintained facts equal what deriving them from scratch gives. */
export async function expectFactsAsDerived(knex: Knex) {
  const maintained = {
    deployments: await factsSnapshot(knex),
    changes: await changeFactsSnapshot(knex),
  };
  await rederiveDeploymentFacts(knex);
  expect(maintained).toEqual({
    deployments: await factsSnapshot(knex),
    changes: await changeFactsSnapshot(knex),
  });
}
