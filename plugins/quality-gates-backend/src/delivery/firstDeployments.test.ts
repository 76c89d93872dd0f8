import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { timestampFromDatabase } from '../database/timestamps';
import { CdEventLog } from '../ingest/cdevents/CdEventLog';
import { DeploymentReport } from './DeliveryBatch';
import { DeliveryEventWriter } from './DeliveryEventWriter';
import { rebuildFirstDeployments } from './firstDeployments';
import { ensureDeploymentFacts } from '../dora/facts/deploymentFacts';
import { changeFactsSnapshot } from '../dora/facts/factsTestHelpers';
import { seededRandom as random } from '../__testUtils__/seededRandom';

// first_deployments is derived from the delivery history; these tests check
// that every write keeps it equal to what a rebuild from scratch gives.

jest.setTimeout(120_000);

const CHECKOUT = 'component:default/checkout';
const PAYMENTS = 'component:default/payments';
const REPO = 'github.com/example-corp/checkout';

const at = (hour: number) =>
  new Date(Date.UTC(2026, 0, 1) + hour * 3600_000).toISOString();

function deployment(
  externalId: string,
  overrides: Partial<DeploymentReport> & { shas?: string[] } = {},
): DeploymentReport {
  const { shas = [], ...rest } = overrides;
  return {
    source: 'test',
    externalId,
    entityRef: CHECKOUT,
    environment: 'production',
    version: externalId,
    status: 'succeeded',
    startedAt: at(0),
    changes: shas.map(sha => ({ repository: REPO, sha })),
    ...rest,
  };
}

/** The table as `environment sha → deployment external id`, sorted. */
async function firsts(knex: Knex): Promise<Record<string, string>> {
  const rows = await knex('first_deployments as f')
    .join('deployments as d', 'd.id', 'f.deployment_id')
    .select('f.entity_ref', 'f.environment', 'f.sha', 'd.external_id');
  return Object.fromEntries(
    rows
      .map(row => [
        `${row.entity_ref === CHECKOUT ? '' : `${row.entity_ref} `}${
          row.environment
        } ${row.sha}`,
        row.external_id,
      ])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Every column, for comparing with a rebuild. */
async function snapshot(knex: Knex) {
  const rows = await knex('first_deployments').orderBy([
    'entity_ref',
    'environment',
    'repository',
    'sha',
  ]);
  return rows.map(row => ({
    ...row,
    deployed_at: timestampFromDatabase(row.deployed_at),
    committed_at: row.committed_at && timestampFromDatabase(row.committed_at),
  }));
}

async function expectSameAsRebuild(knex: Knex) {
  const maintained = await snapshot(knex);
  await rebuildFirstDeployments(knex);
  expect(maintained).toEqual(await snapshot(knex));
}

describe('first_deployments', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    async function migrated() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      return { knex, writer: new DeliveryEventWriter(knex) };
    }

    it('follows deployments that arrive late, change status or go elsewhere', async () => {
      const { knex, writer } = await migrated();
      await writer.write({
        deployments: [
          deployment('d2', { startedAt: at(12), shas: ['c1', 'c2'] }),
        ],
      });
      expect(await firsts(knex)).toEqual({
        'production c1': 'd2',
        'production c2': 'd2',
      });

      // An earlier deployment of c1, still running: not a first yet.
      const d1 = deployment('d1', {
        status: 'in_progress',
        startedAt: at(10),
        shas: ['c1'],
      });
      await writer.write({ deployments: [d1] });
      expect((await firsts(knex))['production c1']).toBe('d2');

      // It succeeds: c1 reached production earlier than d2.
      await writer.write({
        deployments: [{ ...d1, status: 'succeeded', finishedAt: at(11) }],
      });
      expect(await firsts(knex)).toEqual({
        'production c1': 'd1',
        'production c2': 'd2',
      });

      // Rolled back after all: d2 is c1's first again.
      await writer.write({
        deployments: [{ ...d1, status: 'rolled_back', finishedAt: at(11) }],
      });
      expect((await firsts(knex))['production c1']).toBe('d2');

      // Staging is its own environment; another entity its own key.
      await writer.write({
        deployments: [
          deployment('s1', {
            environment: 'staging',
            startedAt: at(1),
            shas: ['c1'],
          }),
          deployment('p1', {
            entityRef: PAYMENTS,
            startedAt: at(2),
            shas: ['c1'],
          }),
        ],
      });
      expect(await firsts(knex)).toEqual({
        [`${PAYMENTS} production c1`]: 'p1',
        'production c1': 'd2',
        'production c2': 'd2',
        'staging c1': 's1',
      });

      // A redeployment reported under another environment moves its key.
      await writer.write({
        deployments: [
          deployment('s1', {
            environment: 'qa',
            startedAt: at(1),
            shas: ['c1'],
          }),
        ],
      });
      expect(await firsts(knex)).toEqual({
        [`${PAYMENTS} production c1`]: 'p1',
        'production c1': 'd2',
        'production c2': 'd2',
        'qa c1': 's1',
      });
      await expectSameAsRebuild(knex);
    });

    it('copies commit times, also when the commit arrives after the deployment', async () => {
      const { knex, writer } = await migrated();
      await writer.write({
        deployments: [
          deployment('d1', { startedAt: at(5), shas: ['c1', 'c2'] }),
        ],
        changes: [
          {
            source: 'test',
            repository: REPO,
            sha: 'c1',
            entityRef: CHECKOUT,
            committedAt: at(1),
          },
        ],
      });
      await writer.write({
        changes: [
          // Only an author date: lead time falls back to it.
          {
            source: 'test',
            repository: REPO,
            sha: 'c2',
            entityRef: CHECKOUT,
            authoredAt: at(2),
          },
        ],
      });
      const rows = await knex('first_deployments').orderBy('sha');
      expect(rows.map(row => timestampFromDatabase(row.committed_at))).toEqual([
        at(1),
        at(2),
      ]);
      await expectSameAsRebuild(knex);
    });

    it('follows a rollback recorded from CDEvents', async () => {
      const { knex, writer } = await migrated();
      await writer.write({
        deployments: [
          deployment('d1', {
            source: 'cdevents',
            startedAt: at(1),
            shas: ['c1'],
          }),
          deployment('d2', {
            source: 'cdevents',
            startedAt: at(2),
            shas: ['c1'],
          }),
        ],
      });
      await knex.transaction(tx =>
        new CdEventLog(knex).markRolledBack(tx, 'd1'),
      );
      expect(await firsts(knex)).toEqual({ 'production c1': 'd2' });
    });

    it('equals a rebuild after a shuffled history with status changes', async () => {
      const { knex, writer } = await migrated();
      const next = random(42);
      const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
      const reports = Array.from({ length: 240 }, (_, index) =>
        deployment(`d${index}`, {
          entityRef: pick([CHECKOUT, PAYMENTS]),
          environment: pick(['production', 'staging', 'prod-eu']),
          status: pick(['succeeded', 'succeeded', 'failed', 'in_progress']),
          // Ties on purpose: the lower id wins them.
          startedAt: at(Math.floor(next() * 100)),
          shas: Array.from(
            new Set(
              Array.from(
                { length: 1 + Math.floor(next() * 3) },
                () => `c${Math.floor(next() * 40)}`,
              ),
            ),
          ),
        }),
      );
      // Arrive in random order and batch sizes; a quarter change status later.
      const shuffled = [...reports].sort(() => next() - 0.5);
      for (let i = 0; i < shuffled.length; ) {
        const size = 1 + Math.floor(next() * 20);
        await writer.write({ deployments: shuffled.slice(i, i + size) });
        i += size;
      }
      const updates = shuffled
        .filter(() => next() < 0.25)
        .map(report => ({
          ...report,
          status: pick(['succeeded', 'rolled_back', 'failed'] as const),
        }));
      await writer.write({ deployments: updates });
      expect(Object.keys(await firsts(knex)).length).toBeGreaterThan(50);
      await expectSameAsRebuild(knex);
    });

    it('ships a change by the deployment that started first of those reaching the environment at once', async () => {
      const { knex, writer } = await migrated();
      // c1 is listed at hour 2 (d2) and rides along in d3; both reach
      // production at hour 5. d1 started before c1 was listed: not it.
      await writer.write({
        deployments: [
          deployment('d3', {
            startedAt: at(3),
            finishedAt: at(5),
            shas: ['c2'],
          }),
          deployment('d2', {
            startedAt: at(2),
            finishedAt: at(5),
            shas: ['c1'],
          }),
          deployment('d1', { startedAt: at(1), finishedAt: at(5) }),
        ],
      });
      expect(await firsts(knex)).toEqual({
        'production c1': 'd2',
        'production c2': 'd3',
      });
      await expectSameAsRebuild(knex);
    });

    it('moves a first listing when a report corrects the start or adds a change', async () => {
      const { knex, writer } = await migrated();
      // c1 is first listed by d1 in staging at hour 5, after production's
      // d2 started (hour 3): production does not have it.
      const d1 = deployment('d1', {
        environment: 'staging',
        status: 'failed',
        startedAt: at(5),
        shas: ['c1'],
      });
      await writer.write({
        deployments: [d1, deployment('d2', { startedAt: at(3), shas: [] })],
      });
      expect(await firsts(knex)).toEqual({});
      // d1 started at hour 1 after all, and brought c2 as well: d2 contains
      // both.
      await writer.write({
        deployments: [{ ...d1, startedAt: at(1) }],
      });
      expect(await firsts(knex)).toEqual({ 'production c1': 'd2' });
      await writer.write({
        deployments: [
          {
            ...d1,
            startedAt: at(1),
            changes: [
              { repository: REPO, sha: 'c1' },
              { repository: REPO, sha: 'c2' },
            ],
          },
        ],
      });
      expect(await firsts(knex)).toEqual({
        'production c1': 'd2',
        'production c2': 'd2',
      });
      // And back to hour 5: neither is in d2 any more.
      await writer.write({ deployments: [d1] });
      expect(await firsts(knex)).toEqual({});
      await expectSameAsRebuild(knex);
    });

    it('takes a change out of an entity when the deployment listing it moves to another', async () => {
      const { knex, writer } = await migrated();
      // c1's only listing is d1's failed staging attempt: production's d2
      // ships it along. d1 then turns out to be payments'.
      await writer.write({
        deployments: [
          deployment('d1', {
            environment: 'staging',
            status: 'failed',
            startedAt: at(1),
            shas: ['c1'],
          }),
          deployment('d2', { startedAt: at(2), shas: ['c2'] }),
        ],
      });
      expect(await firsts(knex)).toEqual({
        'production c1': 'd2',
        'production c2': 'd2',
      });
      await writer.write({
        deployments: [
          deployment('d1', {
            entityRef: PAYMENTS,
            environment: 'staging',
            status: 'failed',
            startedAt: at(1),
            shas: ['c1'],
          }),
        ],
      });
      // Payments has no success to ship c1; checkout never listed it.
      expect(await firsts(knex)).toEqual({ 'production c2': 'd2' });
      await expectSameAsRebuild(knex);
    });

    it('gives the facts of serial writes when overlapping batches arrive at once', async () => {
      // The store's 8 batches of 60 over a sliding window, every other one
      // reversed, now with a change each, three environments, failures,
      // rollbacks and a second entity; three rounds, later in time.
      const batches = Array.from({ length: 3 }, (_, round) =>
        Array.from({ length: 8 }, (__, batch) => {
          const reports = Array.from({ length: 60 }, (___, i) => {
            const n = batch * 30 + i;
            let status: DeploymentReport['status'] = 'succeeded';
            if (n % 7 === 0) status = 'failed';
            else if (n % 11 === 0) status = 'rolled_back';
            return deployment(`r${round}-${n}`, {
              entityRef: n % 5 === 0 ? PAYMENTS : CHECKOUT,
              environment: ['dev', 'staging', 'production'][n % 3],
              status,
              startedAt: at(round * 300 + n),
              finishedAt: at(round * 300 + n + 0.5),
              shas: [`c${round}-${n}`],
            });
          });
          return batch % 2 ? reports.reverse() : reports;
        }),
      );
      const concurrent = await migrated();
      await ensureDeploymentFacts(concurrent.knex, ['production']);
      for (const round of batches) {
        await Promise.all(
          round.map(deployments => concurrent.writer.write({ deployments })),
        );
      }
      const serial = await migrated();
      await ensureDeploymentFacts(serial.knex, ['production']);
      for (const deployments of batches.flat()) {
        await serial.writer.write({ deployments });
      }
      const facts = async (knex: Knex) => ({
        shipped: await firsts(knex),
        leadTimes: (await changeFactsSnapshot(knex)).map(row => [
          row.sha,
          row.external_id,
          row.lead_seconds,
        ]),
      });
      const expected = await facts(serial.knex);
      expect(Object.keys(expected.shipped).length).toBeGreaterThan(600);
      expect(await facts(concurrent.knex)).toEqual(expected);
      await expectSameAsRebuild(concurrent.knex);
    });

    it('stays right with concurrent writers sharing changes', async () => {
      const { knex } = await migrated();
      // Ten requests at once, each a deployment of the same two changes.
      await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          new DeliveryEventWriter(knex).write({
            deployments: [
              deployment(`d${index}`, {
                startedAt: at(10 - index),
                shas: ['c1', 'c2'],
              }),
            ],
          }),
        ),
      );
      expect(await firsts(knex)).toEqual({
        'production c1': 'd9',
        'production c2': 'd9',
      });
      await expectSameAsRebuild(knex);
    });
  });
});
