import fs from 'node:fs';
import { Knex } from 'knex';
import { TestDatabases } from '@backstage/backend-test-utils';
import { applyDatabaseMigrations, MIGRATIONS_DIRECTORY } from './migrations';

// The same directory and bookkeeping table the plugin uses at startup, so the
// test exercises exactly what production runs.
const migrationConfig = {
  directory: MIGRATIONS_DIRECTORY,
  tableName: 'quality_gates_knex_migrations',
};
const migrationFiles = fs
  .readdirSync(MIGRATIONS_DIRECTORY)
  .filter(file => file.endsWith('.js'))
  .sort();

async function completedMigrations(knex: Knex): Promise<string[]> {
  const [completed] = await knex.migrate.list(migrationConfig);
  return completed.map((migration: { name: string }) => migration.name);
}

function deploymentRow(externalId: string) {
  const startedAt = new Date('2026-01-02T03:04:05.678Z');
  return {
    id: `id-${externalId}`,
    source: 'test',
    external_id: externalId,
    entity_ref: 'component:default/checkout',
    environment: 'production',
    version: '1.0.0',
    artifact: null,
    actor: 'ci',
    status: 'succeeded',
    started_at: startedAt,
    finished_at: startedAt,
    created_at: startedAt,
    updated_at: startedAt,
  };
}

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it('finds the migration files', () => {
    // Guards against a wrong MIGRATIONS_DIRECTORY silently migrating nothing.
    expect(migrationFiles.length).toBeGreaterThan(0);
    expect(migrationFiles).toContain('20261123000000_deployments.js');
  });

  it.each(databases.eachSupportedId())(
    'steps up one migration at a time, rolls back with data present and re-applies, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      // Up, one file at a time: every migration must apply on its own, in order.
      for (let i = 0; i < migrationFiles.length; i++) {
        await knex.migrate.up(migrationConfig);
        expect(await completedMigrations(knex)).toEqual(
          migrationFiles.slice(0, i + 1),
        );
      }
      const [, pending] = await knex.migrate.list(migrationConfig);
      expect(pending).toEqual([]);

      // The schema accepts a row, and enforces (source, external_id) uniqueness,
      // which the idempotent upsert relies on.
      await knex('deployments').insert(deploymentRow('run-1'));
      // (Matched on the message: better-sqlite3's SqliteError is not always an
      // `instanceof Error` in Jest's module sandbox, so toThrow() is unreliable.)
      await expect(
        knex('deployments').insert({ ...deploymentRow('run-1'), id: 'other' }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/unique/i) });
      expect(await knex('deployments').select('external_id')).toEqual([
        { external_id: 'run-1' },
      ]);

      // Down, all the way, while the table holds data.
      await knex.migrate.rollback(migrationConfig, true);
      expect(await completedMigrations(knex)).toEqual([]);
      expect(await knex.schema.hasTable('deployments')).toBe(false);

      // Up again: the schema comes back empty and usable.
      await applyDatabaseMigrations(knex);
      expect(await completedMigrations(knex)).toEqual(migrationFiles);
      expect(await knex.schema.hasTable('deployments')).toBe(true);
      expect(await knex('deployments')).toEqual([]);
      await knex('deployments').insert(deploymentRow('run-2'));

      // Re-running the startup migration with data present is a no-op (every
      // replica runs it on every start) and keeps the data.
      await applyDatabaseMigrations(knex);
      expect(await completedMigrations(knex)).toEqual(migrationFiles);
      const rows = await knex('deployments').select('external_id', 'status');
      expect(rows).toEqual([{ external_id: 'run-2', status: 'succeeded' }]);
    },
  );
});
