import { TestDatabases } from '@backstage/backend-test-utils';
import { insertAtOnce } from './insertAtOnce';

// Parent and child rows written at once on a real PostgreSQL (one
// statement) and on SQLite (a transaction): all of them, or none.

jest.setTimeout(60_000);

describe('insertAtOnce', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())('%p', async databaseId => {
    const knex = await databases.init(databaseId);
    if (databaseId === 'SQLITE_3') await knex.raw('PRAGMA foreign_keys = ON');
    await knex.schema.createTable('parents', table => {
      table.string('id').primary();
    });
    await knex.schema.createTable('children', table => {
      table.string('id').primary();
      table
        .string('parent_id')
        .notNullable()
        .references('id')
        .inTable('parents');
      table.text('note').nullable();
    });

    await insertAtOnce(knex, db => [
      db('parents').insert({ id: 'p1' }),
      db('children').insert([
        { id: 'c1', parent_id: 'p1', note: 'what? and ?? stay text' },
        { id: 'c2', parent_id: 'p1', note: null },
      ]),
    ]);
    expect(await knex('children').orderBy('id')).toEqual([
      { id: 'c1', parent_id: 'p1', note: 'what? and ?? stay text' },
      { id: 'c2', parent_id: 'p1', note: null },
    ]);

    // A child that breaks a constraint: its parent is not written either.
    await expect(
      insertAtOnce(knex, db => [
        db('parents').insert({ id: 'p2' }),
        db('children').insert({ id: 'c1', parent_id: 'p2' }),
      ]),
    ).rejects.toMatchObject({
      // By its message: SQLite's error class is not this file's Error.
      message: expect.stringMatching(/unique|duplicate/i),
    });
    expect(await knex('parents').where({ id: 'p2' })).toEqual([]);
  });
});
