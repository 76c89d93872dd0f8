import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { DateTime } from 'luxon';
import { applyDatabaseMigrations } from '../database/migrations';
import { isPostgres } from '../database/dialect';
import { EntityEvaluation } from './ReadinessEvaluator';
import { ReadinessStore } from './ReadinessStore';

jest.setTimeout(60_000);

const ENTITY = 'component:default/checkout';

function evaluation(
  ownerState: 'passed' | 'failed',
  entityRef: string = ENTITY,
): EntityEvaluation {
  return {
    facts: { entityRef, kind: 'Component' },
    results: [
      { checkId: 'owner', state: ownerState, message: ownerState },
      { checkId: 'docs', state: 'passed', message: 'ok' },
    ],
    level: ownerState === 'passed' ? 'bronze' : null,
    nextLevel: ownerState === 'passed' ? 'silver' : 'bronze',
    score: ownerState === 'passed' ? 100 : 50,
    counts: {
      passed: ownerState === 'passed' ? 2 : 1,
      failed: ownerState === 'passed' ? 0 : 1,
    } as EntityEvaluation['counts'],
    failingChecks: ownerState === 'passed' ? [] : ['owner'],
  };
}

describe('ReadinessStore.writeEvaluation', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function migratedDatabase(
    databaseId: Parameters<typeof databases.init>[0],
  ): Promise<Knex> {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    return knex;
  }

  it.each(databases.eachSupportedId())(
    'keeps a history point per change, answers as a read would, and leaves the connection as it was (%p)',
    async databaseId => {
      const migrated = await migratedDatabase(databaseId);
      // One connection, so a setting left behind would show on the next query.
      const knex: Knex = isPostgres(migrated)
        ? knexFactory({
            client: 'pg',
            connection: migrated.client.config.connection,
            pool: { min: 1, max: 1 },
          })
        : migrated;
      try {
        const store = new ReadinessStore(knex, {
          levelIds: ['bronze', 'silver', 'gold'],
          newEntityDays: 30,
        });
        const at = (minute: number) => DateTime.utc(2026, 12, 1, 10, minute, 0);
        const first = await store.writeEvaluation(evaluation('failed'), at(0));
        const same = await store.writeEvaluation(evaluation('failed'), at(1));
        const changed = await store.writeEvaluation(
          evaluation('passed'),
          at(2),
        );
        expect(first.summary.firstSeenAt).toBe(same.summary.firstSeenAt);
        expect(changed.summary.evaluatedAt).toBe(at(2).toISO());
        expect(await store.getEntity(ENTITY)).toEqual(changed);
        const history = await store.history(ENTITY, { limit: 10 });
        expect(history.map(point => point.level)).toEqual([null, 'bronze']);
        // Known beforehand unchanged: answered before the write is done,
        // and a read waits for it.
        const before = await store.storedBefore(ENTITY);
        expect(before).toMatchObject({ owner: null, system: null });
        const quiet = await store.writeEvaluation(
          evaluation('passed'),
          at(3),
          before,
        );
        expect(quiet.summary.evaluatedAt).toBe(at(3).toISO());
        expect(quiet.summary.firstSeenAt).toBe(first.summary.firstSeenAt);
        expect(await store.getEntity(ENTITY)).toEqual(quiet);
        // A change despite what was read before is written before answering.
        const failedAgain = await store.writeEvaluation(
          evaluation('failed'),
          at(4),
          await store.storedBefore(ENTITY),
        );
        expect(failedAgain.summary.level).toBeNull();
        expect(
          (await store.history(ENTITY, { limit: 10 })).map(p => p.level),
        ).toEqual([null, 'bronze', null]);
        // The quiet commit of an unchanged result was its transaction's.
        const commitMode = isPostgres(knex)
          ? (await knex.raw('show synchronous_commit')).rows[0]
              .synchronous_commit
          : 'on';
        expect(commitMode).toBe('on');
      } finally {
        if (knex !== migrated) await knex.destroy();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    "answers from what this replica stored, and another replica's change still gets its history points (%p)",
    async databaseId => {
      const knex = await migratedDatabase(databaseId);
      const options = {
        levelIds: ['bronze', 'silver', 'gold'],
        newEntityDays: 30,
      };
      const here = new ReadinessStore(knex, options);
      const elsewhere = new ReadinessStore(knex, options);
      const at = (minute: number) => DateTime.utc(2026, 12, 2, 10, minute, 0);

      await here.writeEvaluations([evaluation('passed')], at(0));
      await here.storedBefore(ENTITY); // learns the earliest first-seen time
      // Gone from the database, still remembered here: no read needed.
      await knex('readiness_entities').delete();
      await knex('readiness_history').delete();
      const remembered = await here.storedBefore(ENTITY);
      expect(remembered?.fingerprint).toBeDefined();
      await here.writeEvaluations([evaluation('passed')], at(1));

      // Another replica stores a change this one does not know of.
      await elsewhere.writeEvaluation(
        evaluation('failed'),
        at(2),
        await elsewhere.storedBefore(ENTITY),
      );
      // Here the result looks unchanged (answered before its write), but
      // the write sees the stored change and adds the point.
      const answer = await here.writeEvaluation(
        evaluation('passed'),
        at(3),
        await here.storedBefore(ENTITY),
      );
      expect(answer.summary.level).toBe('bronze');
      expect(await here.getEntity(ENTITY)).toMatchObject({
        summary: { level: 'bronze', evaluatedAt: at(3).toISO() },
      });
      expect(
        (await here.history(ENTITY, { limit: 10 })).map(point => point.level),
      ).toEqual(['bronze', null, 'bronze']);

      // A removal here forgets the removed: the next evaluation reads.
      await here.removeNotEvaluatedSince(at(4));
      expect(await here.storedBefore(ENTITY)).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'badges an entity first seen after the first run as new, whatever zone the times were read in (%p)',
    async databaseId => {
      const knex = await migratedDatabase(databaseId);
      const store = new ReadinessStore(knex, {
        levelIds: ['bronze', 'silver', 'gold'],
        newEntityDays: 30,
      });
      const later = 'component:default/payments';
      const firstRun = DateTime.utc().minus({ days: 2 }).startOf('second');
      await store.writeEvaluations([evaluation('passed')], firstRun);
      await store.writeEvaluations(
        [evaluation('passed', later)],
        firstRun.plus({ hours: 1 }),
      );
      const before = await store.storedBefore(later);
      expect(before?.earliest?.toMillis()).toBe(firstRun.toMillis());
      // The same instants in a zone east of UTC (as luxon reads times in a
      // process whose local zone is not UTC): the badge compares instants.
      for (const earliest of [
        before!.earliest!,
        before!.earliest!.setZone('UTC+5'),
      ]) {
        const answer = await store.writeEvaluation(
          evaluation('passed', later),
          firstRun.plus({ hours: 2 }),
          { ...before!, earliest },
        );
        expect(answer.summary.isNew).toBe(true);
      }
      const first = await store.writeEvaluation(
        evaluation('passed'),
        firstRun.plus({ hours: 2 }),
        await store.storedBefore(ENTITY),
      );
      expect(first.summary.isNew).toBe(false);
    },
  );
});
