import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../../database/migrations';
import {
  DeliveryBatch,
  DeploymentReport,
  IncidentReport,
} from '../../delivery/DeliveryBatch';
import { DeliveryEventWriter } from '../../delivery/DeliveryEventWriter';
import { CdEventLog } from '../../ingest/cdevents/CdEventLog';
import {
  deriveDeploymentFacts,
  ensureDeploymentFacts,
  factsEnvironments,
} from './deploymentFacts';
import {
  changeFactsSnapshot,
  expectFactsAsDerived,
  factsSnapshot,
} from './factsTestHelpers';
import { seededRandom as random } from '../../__testUtils__/seededRandom';

// dora_deployment_facts is derived from deployments and incidents; these
// tests check hand-worked facts after each kind of write, and that every
// write keeps the table equal to what deriving it from scratch gives.

jest.setTimeout(120_000);

const CHECKOUT = 'component:default/checkout';
const PAYMENTS = 'component:default/payments';
const PRODUCTION = ['production', 'prod-eu'];
const REPO = 'github.com/example-corp/checkout';

const at = (hour: number) =>
  new Date(Date.UTC(2026, 0, 1) + hour * 3600_000).toISOString();

function deployment(
  externalId: string,
  hour: number,
  overrides: Partial<DeploymentReport> = {},
): DeploymentReport {
  return {
    source: 'test',
    externalId,
    entityRef: CHECKOUT,
    environment: 'production',
    version: externalId,
    status: 'succeeded',
    startedAt: at(hour),
    ...overrides,
  };
}

function incident(
  externalId: string,
  hour: number,
  overrides: Partial<IncidentReport> = {},
): IncidentReport {
  return {
    source: 'test',
    externalId,
    entityRef: CHECKOUT,
    openedAt: at(hour),
    ...overrides,
  };
}

/** The facts that matter here, per deployment external id. */
async function facts(knex: Knex) {
  const rows = await factsSnapshot(knex);
  return Object.fromEntries(
    rows.map(row => [
      row.external_id,
      [
        row.failed ? 'failed' : 'ok',
        row.unplanned ? 'unplanned' : 'planned',
        row.incident_external_id ?? '-',
        row.failed_at ?? '-',
        row.recovered_at ?? '-',
      ].join(' '),
    ]),
  );
}

describe('dora_deployment_facts', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    async function prepared() {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await ensureDeploymentFacts(knex, PRODUCTION);
      return { knex, writer: new DeliveryEventWriter(knex) };
    }

    it('ties incidents, failures and recoveries as history arrives', async () => {
      const { knex, writer } = await prepared();
      await writer.write({
        deployments: [deployment('d1', 10), deployment('d2', 14)],
        incidents: [incident('i1', 12)],
      });
      // i1 opened at 12, when d1 was the last success: d1 failed then and
      // recovered at d2, which was unplanned (i1 was still open).
      expect(await facts(knex)).toEqual({
        d1: `failed planned i1 ${at(12)} ${at(14)}`,
        d2: 'ok unplanned - - -',
      });

      // A success at 11 arrives late: i1 is its incident now, not d1's.
      await writer.write({ deployments: [deployment('late', 11)] });
      expect(await facts(knex)).toEqual({
        d1: 'ok planned - - -',
        late: `failed planned i1 ${at(12)} ${at(14)}`,
        d2: 'ok unplanned - - -',
      });

      // i1 resolved at 13, before d2: the episode ends there. A deployment
      // started at 12 in prod-eu, while it was open, was unplanned; a
      // staging one does not count at all.
      await writer.write({
        deployments: [
          deployment('fix', 12, {
            environment: 'prod-eu',
            status: 'failed',
            finishedAt: at(12.5),
          }),
          deployment('stage', 12, { environment: 'staging' }),
        ],
        incidents: [incident('i1', 12, { resolvedAt: at(13) })],
      });
      expect(await facts(knex)).toEqual({
        d1: 'ok planned - - -',
        late: `failed planned i1 ${at(12)} ${at(13)}`,
        fix: `failed unplanned - ${at(12.5)} ${at(14)}`,
        d2: 'ok planned - - -',
      });

      // i1 names d1 as its cause after all: the blame moves back.
      await writer.write({
        incidents: [
          incident('i1', 12, {
            resolvedAt: at(13),
            causedBy: { source: 'test', externalId: 'd1' },
          }),
        ],
      });
      expect((await facts(knex)).d1).toBe(
        `failed planned i1 ${at(12)} ${at(13)}`,
      );
      expect((await facts(knex)).late).toBe('ok planned - - -');

      // d2 rolled back (CDEvents): failed at its own time, never recovered.
      await knex('deployments')
        .where('external_id', 'd2')
        .update({ source: 'cdevents' });
      await knex.transaction(tx =>
        new CdEventLog(knex).markRolledBack(tx, 'd2'),
      );
      expect((await facts(knex)).d2).toBe(`failed planned - ${at(14)} -`);
      // fix has no later success any more either.
      expect((await facts(knex)).fix).toBe(`failed unplanned - ${at(12.5)} -`);
      await expectFactsAsDerived(knex);
    });

    it('moves a deployment or incident that changes entity', async () => {
      const { knex, writer } = await prepared();
      await writer.write({
        deployments: [
          deployment('d1', 1),
          deployment('p1', 1, { entityRef: PAYMENTS }),
        ],
        incidents: [incident('i1', 2)],
      });
      expect((await facts(knex)).d1).toBe(`failed planned i1 ${at(2)} -`);
      // The incident was payments' all along.
      await writer.write({
        incidents: [incident('i1', 2, { entityRef: PAYMENTS })],
      });
      expect(await facts(knex)).toEqual({
        d1: 'ok planned - - -',
        p1: `failed planned i1 ${at(2)} -`,
      });
      // And d1 was payments' too: now it is the last success before i1.
      await writer.write({
        deployments: [deployment('d1', 1.5, { entityRef: PAYMENTS })],
      });
      expect(await facts(knex)).toEqual({
        p1: 'ok planned - - -',
        d1: `failed planned i1 ${at(2)} -`,
      });
      await expectFactsAsDerived(knex);
    });

    it("keeps each change's first production deployment and lead time", async () => {
      const { knex, writer } = await prepared();
      const shipping = (shas: string[]) =>
        shas.map(sha => ({ repository: REPO, sha }));
      await writer.write({
        deployments: [
          deployment('stage', 1, {
            environment: 'staging',
            changes: shipping(['c1']),
          }),
          deployment('d1', 5, { changes: shipping(['c1', 'c2']) }),
        ],
      });
      const firsts = async () =>
        Object.fromEntries(
          (await changeFactsSnapshot(knex)).map(row => [
            row.sha,
            `${row.external_id} ${row.lead_seconds ?? '-'}`,
          ]),
        );
      // Staging does not count; no commit times yet.
      expect(await firsts()).toEqual({ c1: 'd1 -', c2: 'd1 -' });
      // The commit time arrives: c1 committed at 0, shipped at 5.
      await writer.write({
        changes: [
          {
            source: 'test',
            repository: REPO,
            sha: 'c1',
            entityRef: CHECKOUT,
            committedAt: at(0),
          },
        ],
      });
      expect(await firsts()).toEqual({ c1: `d1 ${5 * 3600}`, c2: 'd1 -' });
      // prod-eu shipped c1 earlier, at 3: that is its first production one.
      await writer.write({
        deployments: [
          deployment('eu', 3, {
            environment: 'prod-eu',
            changes: shipping(['c1']),
          }),
        ],
      });
      expect(await firsts()).toEqual({ c1: `eu ${3 * 3600}`, c2: 'd1 -' });
      // Rolled back after all: d1 is c1's first again.
      await writer.write({
        deployments: [
          deployment('eu', 3, {
            environment: 'prod-eu',
            status: 'rolled_back',
            changes: shipping(['c1']),
          }),
        ],
      });
      expect(await firsts()).toEqual({ c1: `d1 ${5 * 3600}`, c2: 'd1 -' });
      await expectFactsAsDerived(knex);
    });

    it('equals a derivation after a shuffled history with updates', async () => {
      const { knex, writer } = await prepared();
      const next = random(7);
      const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
      const deployments = Array.from({ length: 160 }, (_, index) =>
        deployment(`d${index}`, Math.floor(next() * 200), {
          entityRef: pick([CHECKOUT, PAYMENTS]),
          environment: pick(['production', 'prod-eu', 'staging']),
          status: pick(['succeeded', 'succeeded', 'failed', 'in_progress']),
          changes: [
            ...new Set([
              `c${Math.floor(next() * 50)}`,
              `c${Math.floor(next() * 50)}`,
            ]),
          ].map(sha => ({ repository: REPO, sha })),
        }),
      );
      const incidents = Array.from({ length: 40 }, (_, index) => {
        const opened = Math.floor(next() * 200);
        return incident(`i${index}`, opened, {
          entityRef: pick([CHECKOUT, PAYMENTS]),
          environment: pick([undefined, 'production', 'prod-eu', 'staging']),
          resolvedAt:
            next() < 0.7 ? at(opened + 1 + Math.floor(next() * 20)) : undefined,
          causedBy:
            next() < 0.2
              ? { source: 'test', externalId: `d${Math.floor(next() * 160)}` }
              : undefined,
        });
      });
      // Arrive in random order and batches, mixed; then a quarter of each
      // change: status, time, resolution or entity.
      // Commit times arrive too, before or after their deployments.
      const commits = Array.from({ length: 50 }, (_, index) => ({
        source: 'test',
        repository: REPO,
        sha: `c${index}`,
        entityRef: CHECKOUT,
        committedAt: at(Math.floor(next() * 200)),
      }));
      const events: DeliveryBatch[] = [
        ...deployments.map(d => ({ deployments: [d] })),
        ...incidents.map(i => ({ incidents: [i] })),
        ...commits.map(c => ({ changes: [c] })),
      ].sort(() => next() - 0.5);
      for (let i = 0; i < events.length; ) {
        const size = 1 + Math.floor(next() * 12);
        const batch = events.slice(i, i + size);
        await writer.write({
          deployments: batch.flatMap(e => e.deployments ?? []),
          incidents: batch.flatMap(e => e.incidents ?? []),
          changes: batch.flatMap(e => e.changes ?? []),
        });
        // After every batch: a later write must not hide an earlier miss.
        await expectFactsAsDerived(knex);
        i += size;
      }
      await writer.write({
        deployments: deployments
          .filter(() => next() < 0.25)
          .map(d => ({
            ...d,
            status: pick(['succeeded', 'rolled_back', 'failed'] as const),
            finishedAt: at(Math.floor(next() * 200)),
          })),
        incidents: incidents
          .filter(() => next() < 0.25)
          .map(i => ({
            ...i,
            entityRef: pick([CHECKOUT, PAYMENTS]),
            resolvedAt: at(250),
          })),
      });
      const rows = await factsSnapshot(knex);
      expect(rows.filter(row => row.failed).length).toBeGreaterThan(20);
      expect(
        (await changeFactsSnapshot(knex)).filter(
          row => row.lead_seconds !== null,
        ).length,
      ).toBeGreaterThan(30);
      expect(rows.filter(row => row.unplanned).length).toBeGreaterThan(5);
      await expectFactsAsDerived(knex);
    });

    it('stays right with concurrent writers of one entity', async () => {
      const { knex } = await prepared();
      // Ten requests at once: deployments and incidents interleaved in
      // time; and a derivation (a backend starting with other environments)
      // in the middle of them, which must not lose any.
      await Promise.all([
        deriveDeploymentFacts(knex, PRODUCTION),
        ...Array.from({ length: 10 }, (_, index) =>
          new DeliveryEventWriter(knex).write({
            deployments: [
              deployment(`d${index}`, 20 - 2 * index, {
                status: index % 3 === 0 ? 'failed' : 'succeeded',
              }),
            ],
            incidents: [incident(`i${index}`, 21 - 2 * index)],
          }),
        ),
      ]);
      expect((await factsSnapshot(knex)).filter(row => row.failed).length).toBe(
        10,
      );
      await expectFactsAsDerived(knex);
    });

    it('is derived again when the production environments change', async () => {
      const { knex, writer } = await prepared();
      await writer.write({
        deployments: [
          deployment('d1', 1),
          deployment('e1', 2, { environment: 'prod-eu' }),
        ],
      });
      expect(Object.keys(await facts(knex))).toEqual(['d1', 'e1']);
      expect(await ensureDeploymentFacts(knex, [...PRODUCTION].reverse())).toBe(
        false,
      );
      expect(await ensureDeploymentFacts(knex, ['production'])).toBe(true);
      expect(Object.keys(await facts(knex))).toEqual(['d1']);
      expect(await factsEnvironments(knex)).toEqual(['production']);
      await deriveDeploymentFacts(knex, PRODUCTION);
      expect(Object.keys(await facts(knex))).toEqual(['d1', 'e1']);
    });
  });
});
