import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { ensureDeploymentFacts } from '../dora/facts/deploymentFacts';
import { changeFactsSnapshot } from '../dora/facts/factsTestHelpers';
import { readEnvironmentStates } from '../timeline/environmentStates';
import { readPathToProduction } from '../timeline/pathToProduction';
import { DeliveryBatch, DeploymentReport } from './DeliveryBatch';
import { DeliveryEventWriter } from './DeliveryEventWriter';
import { rebuildFirstDeployments } from './firstDeployments';

// A change is shipped to an environment by the first successful deployment
// whose version contains it: its own, or a later one after a failed attempt,
// a rollback or a version that skipped the environment. Hand-computed
// below, for what is where, lead time and the path to production alike.

jest.setTimeout(120_000);

const CHECKOUT = 'component:default/checkout';
const REPO = 'github.com/example-corp/checkout';
const PRODUCTION = ['production'];

const at = (hour: number) =>
  new Date(Date.UTC(2026, 0, 1) + hour * 3600_000).toISOString();

function deployment(
  version: string,
  environment: string,
  hour: number,
  sha: string,
  status: DeploymentReport['status'] = 'succeeded',
): DeploymentReport {
  return {
    source: 'test',
    externalId: `${version}-${environment}`,
    entityRef: CHECKOUT,
    environment,
    version,
    status,
    startedAt: at(hour),
    changes: [{ repository: REPO, sha }],
  };
}

/**
 * v1's production attempt fails; v2 ships c1 with c2. v3 is rolled back in
 * production and v4 never goes there: v5 ships c3, c4 and c5. v6 fails in
 * staging; v6 and v7 wait in dev.
 */
const DEPLOYMENTS: DeploymentReport[] = [
  deployment('v1', 'dev', 1, 'c1'),
  deployment('v1', 'staging', 2, 'c1'),
  deployment('v1', 'production', 3, 'c1', 'failed'),
  deployment('v2', 'dev', 4, 'c2'),
  deployment('v2', 'staging', 5, 'c2'),
  deployment('v2', 'production', 6, 'c2'),
  deployment('v3', 'dev', 7, 'c3'),
  deployment('v3', 'staging', 8, 'c3'),
  deployment('v3', 'production', 9, 'c3', 'rolled_back'),
  deployment('v4', 'dev', 10, 'c4'),
  deployment('v4', 'staging', 11, 'c4'),
  deployment('v5', 'dev', 12, 'c5'),
  deployment('v5', 'staging', 13, 'c5'),
  deployment('v5', 'production', 14, 'c5'),
  deployment('v6', 'dev', 15, 'c6'),
  deployment('v6', 'staging', 16, 'c6', 'failed'),
  deployment('v7', 'dev', 17, 'c7'),
];

/** Commit times: c1 at 0, c2 at 3.5, c3 at 6.5, ... */
const COMMITTED: Record<string, number> = {
  c1: 0,
  c2: 3.5,
  c3: 6.5,
  c4: 9.5,
  c5: 11.5,
  c6: 14.5,
  c7: 16.5,
};

const CHANGES = Object.entries(COMMITTED).map(([sha, hour]) => ({
  source: 'test',
  repository: REPO,
  sha,
  entityRef: CHECKOUT,
  committedAt: at(hour),
}));

/** `environment sha → version` that shipped it. */
async function shipped(knex: Knex): Promise<Record<string, string>> {
  const rows = await knex('first_deployments as f')
    .join('deployments as d', 'd.id', 'f.deployment_id')
    .select('f.environment', 'f.sha', 'd.version');
  return Object.fromEntries(
    rows
      .map(row => [`${row.environment} ${row.sha}`, row.version])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const EXPECTED_SHIPPED = {
  'dev c1': 'v1',
  'dev c2': 'v2',
  'dev c3': 'v3',
  'dev c4': 'v4',
  'dev c5': 'v5',
  'dev c6': 'v6',
  'dev c7': 'v7',
  'production c1': 'v2',
  'production c2': 'v2',
  'production c3': 'v5',
  'production c4': 'v5',
  'production c5': 'v5',
  'staging c1': 'v1',
  'staging c2': 'v2',
  'staging c3': 'v3',
  'staging c4': 'v4',
  'staging c5': 'v5',
};

describe('changes shipped by the first version containing them', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    async function written(batches: DeliveryBatch[]) {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await ensureDeploymentFacts(knex, PRODUCTION);
      const writer = new DeliveryEventWriter(knex);
      for (const batch of batches) await writer.write(batch);
      return knex;
    }

    it('ships failed, rolled-back and skipped versions with the next success', async () => {
      const knex = await written([
        { deployments: DEPLOYMENTS, changes: CHANGES },
      ]);
      expect(await shipped(knex)).toEqual(EXPECTED_SHIPPED);

      // What is where: production runs v5; dev has c6 and c7 (v6, v7) it
      // lacks, since hour 15; staging shipped nothing production lacks.
      const states = await readEnvironmentStates(knex, CHECKOUT, PRODUCTION);
      expect(
        states.environments.map(state => [
          state.environment,
          state.current?.version,
          state.aheadOfProduction,
        ]),
      ).toEqual([
        [
          'dev',
          'v7',
          {
            versionsAhead: 2,
            changesAhead: 2,
            oldestWaitingSince: at(15),
          },
        ],
        ['staging', 'v5', { versionsAhead: 0, changesAhead: 0 }],
        ['production', 'v5', undefined],
      ]);

      // Lead time per change: commit to the production success shipping it.
      const leads = Object.fromEntries(
        (await changeFactsSnapshot(knex)).map(row => [
          row.sha,
          `${row.external_id} ${row.lead_seconds / 3600}h`,
        ]),
      );
      expect(leads).toEqual({
        c1: 'v2-production 6h',
        c2: 'v2-production 2.5h',
        c3: 'v5-production 7.5h',
        c4: 'v5-production 4.5h',
        c5: 'v5-production 2.5h',
      });

      // The path to production of the rolled-back and the skipped change.
      const pathOf = (sha: string) =>
        readPathToProduction(knex, CHECKOUT, { sha }, PRODUCTION);
      const c3 = await pathOf('c3');
      expect(c3.reachedProduction).toBe(true);
      expect(
        c3.steps.map(step =>
          step.kind === 'deployment'
            ? `${step.deployment.externalId} ${step.deployment.status}`
            : step.kind,
        ),
      ).toEqual([
        'v3-dev succeeded',
        'v3-staging succeeded',
        'v3-production rolled_back',
        'v5-production succeeded',
      ]);
      const c4 = await pathOf('c4');
      expect(c4.reachedProduction).toBe(true);
      expect(
        c4.steps.map(step =>
          step.kind === 'deployment' ? step.deployment.externalId : step.kind,
        ),
      ).toEqual(['v4-dev', 'v4-staging', 'v5-production']);
      expect((await pathOf('c6')).reachedProduction).toBe(false);
    });

    it('gives the same facts whatever the order and repetition of arrival', async () => {
      const reversed = [...DEPLOYMENTS].reverse();
      const knex = await written([
        { changes: CHANGES },
        ...reversed.map(report => ({ deployments: [report] })),
        // Every report again: a redelivery changes nothing.
        { deployments: DEPLOYMENTS },
      ]);
      expect(await shipped(knex)).toEqual(EXPECTED_SHIPPED);
      const before = await changeFactsSnapshot(knex);
      await rebuildFirstDeployments(knex);
      expect(await shipped(knex)).toEqual(EXPECTED_SHIPPED);
      expect(await changeFactsSnapshot(knex)).toEqual(before);
    });

    it('moves the shipping deployment when a status changes later', async () => {
      const knex = await written([{ deployments: DEPLOYMENTS }]);
      // v2's production deployment is rolled back after all: c1 and c2
      // wait for v5 too; v1's retried attempt succeeding ships c1 first.
      const writer = new DeliveryEventWriter(knex);
      await writer.write({
        deployments: [deployment('v2', 'production', 6, 'c2', 'rolled_back')],
      });
      let firsts = await shipped(knex);
      expect([firsts['production c1'], firsts['production c2']]).toEqual([
        'v5',
        'v5',
      ]);
      await writer.write({
        deployments: [deployment('v1', 'production', 3, 'c1')],
      });
      firsts = await shipped(knex);
      expect([firsts['production c1'], firsts['production c2']]).toEqual([
        'v1',
        'v5',
      ]);
      const states = await readEnvironmentStates(knex, CHECKOUT, PRODUCTION);
      expect(states.environments[1].aheadOfProduction).toEqual({
        versionsAhead: 0,
        changesAhead: 0,
      });
    });
  });
});
