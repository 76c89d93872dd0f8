import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DeploymentStatus } from '@can-i-deploy/plugin-quality-gates-common';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';
import { DeploymentReport } from './DeploymentStore';

const CHECKOUT = 'component:default/checkout';
const PAYMENTS = 'component:default/payments';

/** A report with sensible defaults; tests override what they are about. */
function report(overrides: Partial<DeploymentReport> = {}): DeploymentReport {
  return {
    source: 'test',
    externalId: 'run-1',
    entityRef: CHECKOUT,
    environment: 'production',
    version: '1.0.0',
    status: 'succeeded',
    startedAt: '2026-01-01T10:00:00.000Z',
    finishedAt: '2026-01-01T10:05:00.000Z',
    ...overrides,
  };
}

/** `2026-01-01T<hh>:00:00.000Z`: readable, strictly ordered start times. */
function at(hour: number): string {
  return `2026-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

/**
 * A compact fixture row: `hours` are [started, finished] on 2026-01-01, and a
 * single hour means no finish time was reported.
 */
function deployed(
  externalId: string,
  environment: string,
  version: string,
  status: DeploymentStatus,
  hours: [number, number?],
  entityRef = CHECKOUT,
): DeploymentReport {
  const [startHour, finishHour] = hours;
  return report({
    externalId,
    entityRef,
    environment,
    version,
    status,
    startedAt: at(startHour),
    finishedAt: finishHour === undefined ? undefined : at(finishHour),
  });
}

async function rowCount(knex: Knex): Promise<number> {
  const [{ count }] = await knex('deployments').count({ count: '*' });
  return Number(count);
}

jest.setTimeout(60_000);

describe('DatabaseDeploymentStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  // A fresh, migrated logical database per test: no test sees another's rows.
  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    return { knex, store: new DatabaseDeploymentStore(knex) };
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    describe('upsertDeployments', () => {
      it('is idempotent per (source, externalId) and updates in place', async () => {
        const { knex, store } = await createStore(databaseId);

        const started = report({
          status: 'in_progress',
          finishedAt: undefined,
        });
        await store.upsertDeployments([started]);
        await store.upsertDeployments([started]);
        expect(await rowCount(knex)).toBe(1);

        const first = await store.listDeployments({
          entityRef: CHECKOUT,
          limit: 10,
          offset: 0,
        });
        expect(first.items).toEqual([
          expect.objectContaining({ status: 'in_progress' }),
        ]);
        expect(first.items[0].finishedAt).toBeUndefined();

        // The same deployment, reported again when it finished.
        await store.upsertDeployments([
          report({
            status: 'succeeded',
            finishedAt: '2026-01-01T10:07:00.000Z',
            actor: 'argocd',
            artifact: 'pkg:oci/checkout@sha256:abc',
          }),
        ]);
        expect(await rowCount(knex)).toBe(1);
        const second = await store.listDeployments({
          entityRef: CHECKOUT,
          limit: 10,
          offset: 0,
        });
        expect(second.items).toEqual([
          {
            // Updated in place: the plugin-assigned id is kept.
            id: first.items[0].id,
            source: 'test',
            externalId: 'run-1',
            entityRef: CHECKOUT,
            environment: 'production',
            version: '1.0.0',
            status: 'succeeded',
            actor: 'argocd',
            artifact: 'pkg:oci/checkout@sha256:abc',
            startedAt: '2026-01-01T10:00:00.000Z',
            finishedAt: '2026-01-01T10:07:00.000Z',
            changes: [],
          },
        ]);
      });

      it('keeps the same externalId from different sources apart', async () => {
        const { knex, store } = await createStore(databaseId);
        await store.upsertDeployments([
          report({ source: 'github' }),
          report({ source: 'argocd' }),
        ]);
        expect(await rowCount(knex)).toBe(2);
      });

      it('accepts a batch that reports the same deployment twice; the last report wins', async () => {
        // E.g. a webhook delivery carrying both the "started" and "finished" event.
        const { knex, store } = await createStore(databaseId);
        await store.upsertDeployments([
          report({ status: 'in_progress', finishedAt: undefined }),
          report({ status: 'succeeded' }),
        ]);
        expect(await rowCount(knex)).toBe(1);
        const { items } = await store.listDeployments({
          entityRef: CHECKOUT,
          limit: 10,
          offset: 0,
        });
        expect(items).toEqual([
          expect.objectContaining({ status: 'succeeded' }),
        ]);
      });

      it('loses nothing when overlapping batches are written concurrently', async () => {
        const { knex, store } = await createStore(databaseId);
        // 8 batches of 60 over a sliding window: each overlaps its neighbours
        // by 30 keys, and every other batch lists them in reverse order, so
        // concurrent writers meet the same keys in opposite orders (which
        // deadlocked PostgreSQL before the store sorted its rows). Deadlocks
        // are timing-dependent, hence several rounds.
        const rounds = 10;
        for (let round = 0; round < rounds; round++) {
          const batches = Array.from({ length: 8 }, (_, batch) => {
            const reports = Array.from({ length: 60 }, (__, i) => {
              const n = batch * 30 + i;
              return report({
                externalId: `round-${round}/run-${n}`,
                version: `1.${n}.0`,
                startedAt: new Date(
                  Date.UTC(2026, 0, 1) + n * 60_000,
                ).toISOString(),
              });
            });
            return batch % 2 ? reports.reverse() : reports;
          });
          await Promise.all(
            batches.map(reports => store.upsertDeployments(reports)),
          );
        }

        const stored = await knex('deployments').select(
          'external_id',
          'version',
        );
        const keysPerRound = 7 * 30 + 60;
        expect(stored).toHaveLength(rounds * keysPerRound);
        expect(new Set(stored.map(row => row.external_id)).size).toBe(
          rounds * keysPerRound,
        );
        // Overlapping writers wrote identical content, so every row is intact.
        for (const row of stored) {
          const n = Number(row.external_id.split('/run-')[1]);
          expect(row.version).toBe(`1.${n}.0`);
        }
      });

      it('writes more than one statement batch (over 500 rows)', async () => {
        const { knex, store } = await createStore(databaseId);
        const reports = Array.from({ length: 1201 }, (_, i) =>
          report({ externalId: `run-${i}` }),
        );
        await store.upsertDeployments(reports);
        expect(await rowCount(knex)).toBe(1201);
      });

      it('does nothing for an empty batch', async () => {
        const { knex, store } = await createStore(databaseId);
        await store.upsertDeployments([]);
        expect(await rowCount(knex)).toBe(0);
      });
    });

    describe('listDeployments', () => {
      // checkout: six deployments over three environments and all statuses;
      // payments: one, which must never leak into checkout's results.
      const fixture: DeploymentReport[] = [
        deployed('c1', 'development', '1.0.0', 'succeeded', [1, 2]),
        deployed('c2', 'staging', '1.0.0', 'succeeded', [3, 4]),
        deployed('c3', 'production', '1.0.0', 'failed', [5, 6]),
        deployed('c4', 'production', '1.0.1', 'succeeded', [7, 8]),
        deployed('c5', 'production', '1.0.2', 'rolled_back', [9, 10]),
        deployed('c6', 'production', '1.0.3', 'in_progress', [11]),
        deployed('p1', 'production', '2.0.0', 'succeeded', [12], PAYMENTS),
      ];

      it('returns one entity newest first, with the total count', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments(fixture);

        const page = await store.listDeployments({
          entityRef: CHECKOUT,
          limit: 50,
          offset: 0,
        });
        expect(page.totalCount).toBe(6);
        expect(page.items.map(d => d.externalId)).toEqual([
          'c6',
          'c5',
          'c4',
          'c3',
          'c2',
          'c1',
        ]);
        expect(page.items.every(d => d.entityRef === CHECKOUT)).toBe(true);
      });

      it('matches the entity ref case-insensitively', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments([
          report({ entityRef: 'Component:Default/Checkout' }),
        ]);
        const page = await store.listDeployments({
          entityRef: 'COMPONENT:default/CHECKOUT',
          limit: 50,
          offset: 0,
        });
        expect(page.totalCount).toBe(1);
        // Stored in the canonical lower-case form.
        expect(page.items[0].entityRef).toBe(CHECKOUT);
      });

      it('pages without gaps or repeats; totalCount ignores paging', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments(fixture);

        const seen: string[] = [];
        for (let offset = 0; offset < 6; offset += 4) {
          const page = await store.listDeployments({
            entityRef: CHECKOUT,
            limit: 4,
            offset,
          });
          expect(page.totalCount).toBe(6);
          seen.push(...page.items.map(d => d.externalId));
        }
        expect(seen).toEqual(['c6', 'c5', 'c4', 'c3', 'c2', 'c1']);

        const beyond = await store.listDeployments({
          entityRef: CHECKOUT,
          limit: 4,
          offset: 6,
        });
        expect(beyond).toEqual({ items: [], totalCount: 6 });
      });

      it('breaks ties in start time by id, so pages are stable', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments(
          ['a', 'b', 'c', 'd', 'e'].map(externalId =>
            report({ externalId, startedAt: at(1) }),
          ),
        );
        const all = await store.listDeployments({
          entityRef: CHECKOUT,
          limit: 50,
          offset: 0,
        });
        const ids = all.items.map(d => d.id);
        expect(ids).toEqual([...ids].sort());

        const pages = [];
        for (let offset = 0; offset < 5; offset += 2) {
          const page = await store.listDeployments({
            entityRef: CHECKOUT,
            limit: 2,
            offset,
          });
          pages.push(...page.items.map(d => d.id));
        }
        expect(pages).toEqual(ids);
      });

      it('filters by environment and status, counting only matches', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments(fixture);

        const production = await store.listDeployments({
          entityRef: CHECKOUT,
          environment: 'production',
          limit: 2,
          offset: 0,
        });
        expect(production.totalCount).toBe(4);
        expect(production.items.map(d => d.externalId)).toEqual(['c6', 'c5']);

        const succeeded = await store.listDeployments({
          entityRef: CHECKOUT,
          status: 'succeeded',
          limit: 50,
          offset: 0,
        });
        expect(succeeded.totalCount).toBe(3);
        expect(succeeded.items.map(d => d.externalId)).toEqual([
          'c4',
          'c2',
          'c1',
        ]);

        const both = await store.listDeployments({
          entityRef: CHECKOUT,
          environment: 'production',
          status: 'failed',
          limit: 50,
          offset: 0,
        });
        expect(both.totalCount).toBe(1);
        expect(both.items.map(d => d.externalId)).toEqual(['c3']);

        const none = await store.listDeployments({
          entityRef: CHECKOUT,
          environment: 'nowhere',
          limit: 50,
          offset: 0,
        });
        expect(none).toEqual({ items: [], totalCount: 0 });
      });

      it('returns nothing for an unknown entity', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments(fixture);
        expect(
          await store.listDeployments({
            entityRef: 'component:default/unknown',
            limit: 50,
            offset: 0,
          }),
        ).toEqual({ items: [], totalCount: 0 });
      });
    });

    describe('currentVersions', () => {
      it('returns the latest succeeded deployment per environment', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments([
          deployed('d1', 'development', '1.0.0', 'succeeded', [1, 2]),
          deployed('d2', 'development', '1.1.0', 'succeeded', [3, 4]),
          deployed('s1', 'staging', '1.0.0', 'succeeded', [5, 6]),
          // Newer production deployments that did not succeed do not count.
          deployed('p1', 'production', '0.9.0', 'succeeded', [7, 8]),
          deployed('p2', 'production', '1.0.0', 'failed', [9, 10]),
          deployed('p3', 'production', '1.0.1', 'rolled_back', [11, 12]),
          deployed('p4', 'production', '1.0.2', 'in_progress', [13]),
          // Another entity's newer deployment does not count either.
          deployed(
            'x1',
            'production',
            '9.9.9',
            'succeeded',
            [14, 15],
            PAYMENTS,
          ),
          // An environment with only failures has no current version.
          deployed('q1', 'qa', '1.1.0', 'failed', [16, 17]),
        ]);
        const { items } = await store.listDeployments({
          entityRef: CHECKOUT,
          limit: 50,
          offset: 0,
        });
        const idOf = (externalId: string) =>
          items.find(d => d.externalId === externalId)!.id;

        expect(await store.currentVersions(CHECKOUT)).toEqual([
          {
            environment: 'development',
            version: '1.1.0',
            deploymentId: idOf('d2'),
            deployedAt: at(4),
          },
          {
            environment: 'production',
            version: '0.9.0',
            deploymentId: idOf('p1'),
            deployedAt: at(8),
          },
          {
            environment: 'staging',
            version: '1.0.0',
            deploymentId: idOf('s1'),
            deployedAt: at(6),
          },
        ]);
      });

      it('orders by finish time, falling back to the start time', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments([
          // Started first but finished last: this is what production runs now.
          deployed('slow', 'production', '2.0.0', 'succeeded', [1, 9]),
          deployed('fast', 'production', '2.0.1', 'succeeded', [2, 3]),
          deployed('staging-old', 'staging', '1.0.0', 'succeeded', [1, 2]),
          // No finish time reported: its start time stands in.
          deployed('staging-new', 'staging', '1.1.0', 'succeeded', [5]),
        ]);
        const current = await store.currentVersions(
          'Component:Default/Checkout',
        );
        expect(
          current.map(v => [v.environment, v.version, v.deployedAt]),
        ).toEqual([
          ['production', '2.0.0', at(9)],
          ['staging', '1.1.0', at(5)],
        ]);
      });

      it('is empty for an entity without succeeded deployments', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments([
          report({ status: 'in_progress', finishedAt: undefined }),
        ]);
        expect(await store.currentVersions(CHECKOUT)).toEqual([]);
        expect(await store.currentVersions(PAYMENTS)).toEqual([]);
      });
    });

    describe('timestamps', () => {
      it('round-trip as ISO 8601 UTC strings with milliseconds', async () => {
        const { store } = await createStore(databaseId);
        await store.upsertDeployments([
          report({
            // Reported with an offset: read back as the same instant in UTC.
            startedAt: '2026-03-01T12:34:56.789+02:00',
            finishedAt: '2026-03-01T10:40:00.001Z',
          }),
        ]);
        const { items } = await store.listDeployments({
          entityRef: CHECKOUT,
          limit: 1,
          offset: 0,
        });
        expect(items[0].startedAt).toBe('2026-03-01T10:34:56.789Z');
        expect(items[0].finishedAt).toBe('2026-03-01T10:40:00.001Z');

        const [current] = await store.currentVersions(CHECKOUT);
        expect(current.deployedAt).toBe('2026-03-01T10:40:00.001Z');
      });

      it('rejects a report with an unreadable timestamp, writing nothing', async () => {
        const { knex, store } = await createStore(databaseId);
        await expect(
          store.upsertDeployments([
            report({ externalId: 'ok' }),
            report({ externalId: 'bad', startedAt: 'yesterday' }),
          ]),
        ).rejects.toThrow(/Invalid ISO 8601 timestamp: yesterday/);
        expect(await rowCount(knex)).toBe(0);
      });
    });

    it('answers a ping', async () => {
      const { store } = await createStore(databaseId);
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
});
