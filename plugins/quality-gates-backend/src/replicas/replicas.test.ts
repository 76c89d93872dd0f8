import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { JsonObject } from '@backstage/types';
import knexFactory, { Knex } from 'knex';
import { qualityGatesPlugin } from '../plugin';
import { oneReplicaAtATime } from '../database/replicaLocks';
import {
  CATALOG_FIXTURE,
  capturePluginScheduler,
  waitForCatalog,
} from '../__testUtils__/testBackend';
import {
  capturedLogs,
  replicaDatabases,
} from '../__testUtils__/replicaBackends';

// Replicas are backends that share the plugin's database. SQLite serves one
// process, so these run on PostgreSQL only (always there in CI). Each
// backend has its own connection pool, as a separate process would, and its
// own catalog database, so that only the plugin's start-up is under test.
// The scheduler is Backstage's own (the test backend's default is an
// in-memory mock): it keeps its tasks in the plugin's database, migrates its
// tables there on first use, and lets one replica at a time run a task.

const CHECKOUT = 'component:default/checkout';
const user = mockCredentials.user.header();

const config: JsonObject = {
  catalog: {
    rules: [{ allow: ['Component', 'Group', 'User', 'Location', 'System'] }],
    locations: [{ type: 'file', target: CATALOG_FIXTURE }],
  },
};

jest.setTimeout(180_000);

describe('replicas on one PostgreSQL database (PostgreSQL only)', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16'] });
  if (!databases.supports('POSTGRES_16')) {
    it.todo('needs PostgreSQL (BACKSTAGE_TEST_DATABASE_POSTGRES16_...)');
    return;
  }

  it('two backends started at once on an empty database both start and answer, in 5 rounds', async () => {
    for (let round = 1; round <= 5; round++) {
      const replicas = replicaDatabases(databases, 'POSTGRES_16', [
        'quality-gates',
      ]);
      const logs = [capturedLogs(), capturedLogs()];
      const results = await Promise.allSettled(
        logs.map(log =>
          startTestBackend({
            features: [
              replicas.factory(),
              schedulerServiceFactory,
              log.factory,
              mockServices.rootConfig.factory({ data: config }),
              catalogPlugin,
              qualityGatesPlugin,
            ],
          }),
        ),
      );
      const backends = results
        .filter(
          (r): r is PromiseFulfilledResult<TestBackend> =>
            r.status === 'fulfilled',
        )
        .map(r => r.value);
      try {
        const failures = results
          .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
          .map(r => `round ${round}: ${r.reason}`);
        expect(failures).toEqual([]);

        for (const backend of backends) {
          const health = await request(backend.server)
            .get('/api/quality-gates/health')
            .set('Authorization', mockCredentials.none.header());
          expect(health.status).toBe(200);
          expect(health.body).toMatchObject({ status: 'ok', database: 'ok' });
          await waitForCatalog(backend, user, ['checkout']);
        }

        // A real write on one replica is a real read on the other.
        const [first, second] = backends;
        const externalId = `replica-round-${round}`;
        const written = await request(first.server)
          .post('/api/quality-gates/deployments')
          .set('Authorization', user)
          .send({
            entityRef: CHECKOUT,
            externalId,
            environment: 'production',
            version: `1.${round}.0`,
            status: 'succeeded',
            startedAt: '2026-11-24T10:00:00Z',
            finishedAt: '2026-11-24T10:04:30Z',
          });
        expect(written.status).toBeLessThan(300);
        const read = await request(second.server)
          .get('/api/quality-gates/deployments')
          .query({ entityRef: CHECKOUT })
          .set('Authorization', user);
        expect(read.status).toBe(200);
        expect(
          read.body.items.map((d: { externalId: string }) => d.externalId),
        ).toContain(externalId);

        const errors = logs.flatMap(log =>
          log.lines.filter(
            line => line.pluginId === 'quality-gates' && line.level === 'error',
          ),
        );
        expect(errors).toEqual([]);
        // The DORA facts are derived at start by one replica; the other
        // waits for it and finds them derived.
        const derivations = logs.flatMap(log =>
          log.lines.filter(line =>
            line.message.startsWith('DORA facts derived'),
          ),
        );
        expect(derivations).toHaveLength(1);
      } finally {
        await Promise.all(backends.map(backend => backend.stop()));
        await replicas.destroy();
      }
    }
  });

  it('runs a global scheduled task once across two replicas; every task of the plugin is global', async () => {
    const replicas = replicaDatabases(databases, 'POSTGRES_16', [
      'quality-gates',
    ]);
    const logs = [capturedLogs(), capturedLogs()];
    const schedulers = [capturePluginScheduler(), capturePluginScheduler()];
    const readinessConfig: JsonObject = {
      ...config,
      qualityGates: {
        readiness: {
          // Due as soon as both replicas are up; not again during the test.
          initialDelay: { seconds: 1 },
          frequency: { hours: 24 },
        },
      },
    };
    const backends = await Promise.all(
      logs.map((log, i) =>
        startTestBackend({
          features: [
            replicas.factory(),
            schedulerServiceFactory,
            log.factory,
            mockServices.rootConfig.factory({ data: readinessConfig }),
            catalogPlugin,
            qualityGatesPlugin,
            schedulers[i].feature,
          ],
        }),
      ),
    );
    try {
      const runs = () =>
        logs.flatMap(log =>
          log.lines.filter(line =>
            line.message.startsWith('Readiness evaluated for'),
          ),
        );
      const deadline = Date.now() + 30_000;
      while (runs().length === 0 && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      expect(runs()).toHaveLength(1);
      // Longer than a worker's poll (5 s): the other replica had its chance.
      await new Promise(resolve => setTimeout(resolve, 7_000));
      expect(runs()).toHaveLength(1);

      for (const scheduler of schedulers) {
        const tasks = await scheduler.scheduledTasks();
        expect(tasks.map(task => task.id).sort()).toEqual([
          'quality-gates-entity-remapping',
          'quality-gates-github-pending-reviews',
          'quality-gates-readiness-evaluation',
          'quality-gates-retention',
        ]);
        expect(tasks.every(task => task.scope === 'global')).toBe(true);
      }
    } finally {
      await Promise.all(backends.map(backend => backend.stop()));
      await replicas.destroy();
    }
  });

  describe('start-up steps run twice at once', () => {
    /** Two clients on one fresh database, as two replicas' pools. */
    async function twoClients(): Promise<[Knex, Knex]> {
      const first = await databases.init('POSTGRES_16');
      const second = knexFactory({
        client: first.client.config.client,
        connection: first.client.config.connection,
      });
      // Connected before the race, so that neither starts late.
      await second.raw('select 1');
      return [first, second];
    }

    it('runs work under the start-up lock one replica at a time, logging the wait', async () => {
      const [a, b] = await twoClients();
      try {
        const log = capturedLogs();
        const logger = log.logger;
        const spans: Array<[number, number]> = [];
        const work = async () => {
          const start = Date.now();
          await new Promise(resolve => setTimeout(resolve, 400));
          spans.push([start, Date.now()]);
        };
        await Promise.all(
          [a, b].map(knex =>
            oneReplicaAtATime(
              knex,
              { lock: 'startup', what: 'migrations', logger },
              work,
            ),
          ),
        );
        spans.sort((x, y) => x[0] - y[0]);
        expect(spans[1][0]).toBeGreaterThanOrEqual(spans[0][1]);
        expect(log.lines.map(line => line.message)).toEqual([
          'Waiting for another replica to finish migrations',
          expect.stringMatching(
            /^Another replica finished migrations after \d+ ms$/,
          ),
        ]);

        // Waiting is bounded: a replica that holds the lock too long makes
        // the other fail with a message that says so.
        const holder = oneReplicaAtATime(
          a,
          { lock: 'startup', what: 'migrations', logger },
          () => new Promise(resolve => setTimeout(resolve, 1_500)),
        );
        await new Promise(resolve => setTimeout(resolve, 100));
        await expect(
          oneReplicaAtATime(
            b,
            { lock: 'startup', what: 'migrations', logger, waitAtMostMs: 500 },
            async () => 'ran',
          ),
        ).rejects.toThrow(
          /Another replica held the startup lock for \d+ s; gave up waiting to run migrations/,
        );
        await holder;
      } finally {
        await b.destroy();
      }
    });
  });
});
