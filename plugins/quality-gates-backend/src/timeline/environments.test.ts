import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';
import {
  CHECKOUT,
  INVENTORY,
  PAYMENTS,
  writeDeliveryHistory,
} from './__fixtures__/deliveryHistory';

// "What is where" over HTTP on PostgreSQL and SQLite, from
// __fixtures__/deliveryHistory.ts; the comments show how each expected
// figure follows from that history.

jest.setTimeout(60_000);

const TIMELINE_CATALOG = path.resolve(__dirname, '__fixtures__/catalog.yaml');

describe('GET /environments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: TIMELINE_CATALOG,
        components: ['checkout', 'payments', 'inventory'],
      });
      await writeDeliveryHistory(plugin.knex);
    });

    const environmentsOf = (entityRef: string) =>
      plugin.get('/environments', { entityRef });

    it('gives each environment its version and what production lacks', async () => {
      const response = await environmentsOf(CHECKOUT);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        entityRef: CHECKOUT,
        productionEnvironment: 'production',
        environments: [
          {
            environment: 'dev',
            // d7; d9 (started later) is still running.
            current: {
              version: 'v3',
              deploymentId: 'd7',
              deployedAt: '2026-01-10T09:05:00.000Z',
            },
            latestAttempt: {
              id: 'd9',
              version: 'v4',
              status: 'in_progress',
              startedAt: '2026-01-12T09:00:00.000Z',
            },
            // Since d3 reached production (6 Jan 10:15): v2 (d4), v3 (d7).
            // Waiting: s2 (production's d6 failed), s3, s4; s1 is in
            // production. s2 came first, with d4.
            aheadOfProduction: {
              versionsAhead: 2,
              changesAhead: 3,
              oldestWaitingSince: '2026-01-08T09:05:00.000Z',
            },
          },
          {
            environment: 'staging',
            // d8 is both the current and the latest deployment.
            current: {
              version: 'v3',
              deploymentId: 'd8',
              deployedAt: '2026-01-10T12:10:00.000Z',
            },
            // v1 again (d2b), v2 (d5), v3 (d8): v1 is what production runs.
            aheadOfProduction: {
              versionsAhead: 2,
              changesAhead: 3,
              oldestWaitingSince: '2026-01-08T12:10:00.000Z',
            },
          },
          {
            environment: 'production',
            current: {
              version: 'v1',
              deploymentId: 'd3',
              deployedAt: '2026-01-06T10:15:00.000Z',
              actor: 'alice',
            },
            latestAttempt: {
              id: 'd6',
              version: 'v2',
              status: 'failed',
              startedAt: '2026-01-09T10:00:00.000Z',
              finishedAt: '2026-01-09T10:20:00.000Z',
            },
          },
        ],
      });
    });

    it('takes the last lane as production when none is configured as one', async () => {
      const response = await environmentsOf(PAYMENTS);
      expect(response.status).toBe(200);
      expect(response.body.productionEnvironment).toBe('staging');
      expect(response.body.environments).toEqual([
        {
          environment: 'dev',
          current: {
            version: 'v10',
            deploymentId: 'p1',
            deployedAt: '2026-01-03T10:05:00.000Z',
          },
          latestAttempt: {
            id: 'p3',
            version: 'v11',
            status: 'failed',
            startedAt: '2026-01-07T10:00:00.000Z',
            finishedAt: '2026-01-07T10:05:00.000Z',
          },
          // v11 and its commit t2 only failed here: nothing is ahead.
          aheadOfProduction: { versionsAhead: 0, changesAhead: 0 },
        },
        {
          environment: 'staging',
          current: {
            version: 'v10',
            deploymentId: 'p2',
            deployedAt: '2026-01-04T10:10:00.000Z',
          },
        },
      ]);
    });

    it('picks the most recently deployed of several production environments', async () => {
      const response = await environmentsOf(INVENTORY);
      expect(response.status).toBe(200);
      // `production` is the last lane, but `prod` was deployed since.
      expect(response.body.productionEnvironment).toBe('prod');
      expect(
        response.body.environments.map((e: any) => [
          e.environment,
          e.current.version,
          e.aheadOfProduction,
        ]),
      ).toEqual([
        // v21 is what prod runs: not ahead.
        ['staging', 'v21', { versionsAhead: 0, changesAhead: 0 }],
        ['prod', 'v21', undefined],
        ['production', 'v20', undefined],
      ]);
    });

    it('answers an entity without deployments with no environments, and unknown ones with 404', async () => {
      const empty = await environmentsOf('group:default/checkout-team');
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({
        entityRef: 'group:default/checkout-team',
        environments: [],
      });
      const unknown = await environmentsOf('component:default/nope');
      expect(unknown.status).toBe(404);
      const invalid = await environmentsOf('not a ref:');
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.message).toMatch(/Invalid entityRef/);
    });
  });
});
