import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { isPostgres } from './dialect';
import { preparedRaw } from './preparedRaw';
import { rawRows } from './rawRows';

// Prepared statements on a real PostgreSQL (and the plain path on SQLite):
// the same answers as knex.raw, statements reused with other values.

jest.setTimeout(60_000);

describe('preparedRaw', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())('%p', async databaseId => {
    const knex = await databases.init(databaseId);
    await knex.schema.createTable('numbers', table => {
      table.integer('n').primary();
    });
    await knex('numbers').insert(
      Array.from({ length: 20 }, (_, index) => ({ n: index + 1 })),
    );
    const atMost = (limit: number) =>
      knex.raw('select count(*) as count from numbers where n <= ?', [limit]);

    // More runs than PostgreSQL needs before it considers a generic plan.
    for (const limit of [3, 7, 20, 0, 5, 11, 2, 19]) {
      const prepared = rawRows(await preparedRaw(knex, atMost(limit)));
      expect(Number(prepared[0].count)).toBe(limit);
      expect(prepared).toEqual(rawRows(await atMost(limit)));
    }

    // Bad SQL fails as with knex.raw, and gives the connection back. (By
    // its message: SQLite's error class comes from a native module loaded
    // once per test worker, so it is not an Error of every test file.)
    await expect(
      preparedRaw(knex, knex.raw('select * from no_such_table')),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/no_such_table/),
    });
    expect(rawRows(await preparedRaw(knex, atMost(4)))[0]).toBeDefined();
  });

  const postgres = databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));

  it.each(postgres)('%p keeps the statement under its hash name', async id => {
    const knex = await databases.init(id);
    expect(isPostgres(knex)).toBe(true);
    // Listed by the connection that prepared it: this statement itself.
    const statements = rawRows(
      await preparedRaw(
        knex,
        knex.raw(
          'select name from pg_prepared_statements where name like ? and ? = ?',
          ['qg_%', 1, 1],
        ),
      ),
    );
    expect(statements.map(row => row.name)).toEqual([
      expect.stringMatching(/^qg_[0-9a-f]{40}$/),
    ]);
  });

  it.each(postgres)(
    '%p runs a statement the server lost again, unnamed',
    async id => {
      const shared = await databases.init(id);
      // One connection, so that the statement is dropped behind the
      // client's back, as a pooler handing it another server connection
      // would.
      const knex = knexFactory({
        client: 'pg',
        connection: shared.client.config.connection,
        pool: { min: 1, max: 1 },
      });
      try {
        const one = () => knex.raw('select ? + 1 as n', [41]);
        expect(rawRows(await preparedRaw(knex, one()))[0].n).toBe(42);
        await knex.raw('deallocate all');
        expect(rawRows(await preparedRaw(knex, one()))[0].n).toBe(42);
        // Errors of the statement itself still fail.
        await expect(
          preparedRaw(knex, knex.raw('select * from no_such_table')),
        ).rejects.toMatchObject({ code: '42P01' });
      } finally {
        await knex.destroy();
      }
    },
  );
});
