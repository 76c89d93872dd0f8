import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { retryTransientWrite } from './retryTransientWrite';

// A real deadlock: two writers each hold one row and want the other's.
// PostgreSQL aborts one of them; SQLite serializes writers and has none.

jest.setTimeout(60_000);

function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>(done => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('retryTransientWrite', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16'] });

  async function twoRows(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await knex.schema.createTable('counters', table => {
      table.integer('id').primary();
      table.integer('n').notNullable();
    });
    await knex('counters').insert([
      { id: 1, n: 0 },
      { id: 2, n: 0 },
    ]);
    return knex;
  }

  /** Two writers that deadlock on their first attempts. */
  function deadlockingWriters(knex: Knex, attempts: number) {
    const holds = [signal(), signal()];
    const tries = [0, 0];
    const write = (i: 0 | 1) =>
      retryTransientWrite(
        () =>
          knex.transaction(async tx => {
            tries[i]++;
            await tx('counters')
              .where('id', i + 1)
              .increment('n', 1);
            holds[i].resolve();
            await holds[1 - i].promise;
            await tx('counters')
              .where('id', 2 - i)
              .increment('n', 1);
          }),
        { what: 'Counters', attempts },
      );
    return { results: Promise.allSettled([write(0), write(1)]), tries };
  }

  it.each(databases.eachSupportedId())(
    'runs the deadlock victim again, so that both writes land, %p',
    async databaseId => {
      const knex = await twoRows(databaseId);
      const { results, tries } = deadlockingWriters(knex, 3);
      expect((await results).map(result => result.status)).toEqual([
        'fulfilled',
        'fulfilled',
      ]);
      expect(tries[0] + tries[1]).toBe(3);
      expect(await knex('counters').orderBy('id')).toEqual([
        { id: 1, n: 2 },
        { id: 2, n: 2 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'answers 503 when the attempts run out, having written nothing, %p',
    async databaseId => {
      const knex = await twoRows(databaseId);
      const { results } = deadlockingWriters(knex, 1);
      const settled = await results;
      const rejected = settled.filter(result => result.status === 'rejected');
      expect(rejected).toEqual([
        expect.objectContaining({
          reason: expect.objectContaining({
            name: 'ServiceUnavailableError',
            message: expect.stringMatching(
              /^Counters could not be written after 1 attempts/,
            ),
          }),
        }),
      ]);
      expect(await knex('counters').orderBy('id')).toEqual([
        { id: 1, n: 1 },
        { id: 2, n: 1 },
      ]);
    },
  );
});
