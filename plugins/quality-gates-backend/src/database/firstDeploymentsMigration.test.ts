import fs from 'node:fs';
import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY } from './migrations';

// History stored under the old rule: the migration ships a failed
// attempt's change with the next success, and asks for the DORA facts to
// be derived again.

const migrationConfig = {
  directory: MIGRATIONS_DIRECTORY,
  tableName: 'quality_gates_knex_migrations',
};

const SUPERSEDED = '20261207160000_first_deployments_superseded.js';

jest.setTimeout(60_000);

describe('first deployments by superseding versions migration', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'ships the changes of failed attempts with the next success, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const before = fs
        .readdirSync(MIGRATIONS_DIRECTORY)
        .filter(file => file.endsWith('.js') && file < SUPERSEDED);
      for (let i = 0; i < before.length; i++) {
        await knex.migrate.up(migrationConfig);
      }
      const now = new Date('2026-12-01T00:00:00Z');
      const deployment = (id: string, hour: number, status: string) => ({
        id,
        source: 'test',
        external_id: id,
        entity_ref: 'component:default/checkout',
        environment: 'production',
        version: id,
        status,
        started_at: new Date(Date.UTC(2026, 10, 1, hour)),
        created_at: now,
        updated_at: now,
      });
      await knex('deployments').insert([
        deployment('v1', 1, 'failed'),
        deployment('v2', 2, 'succeeded'),
      ]);
      await knex('deployment_changes').insert([
        { deployment_id: 'v1', repository: 'r', sha: 'c1' },
        { deployment_id: 'v2', repository: 'r', sha: 'c2' },
      ]);
      // As the old rule kept it: only v2's own change.
      await knex('first_deployments').insert({
        entity_ref: 'component:default/checkout',
        environment: 'production',
        repository: 'r',
        sha: 'c2',
        deployment_id: 'v2',
        deployed_at: new Date(Date.UTC(2026, 10, 1, 2)),
      });
      await knex('dora_facts_state').insert({
        id: 1,
        production_environments: '["production"]',
        derived_at: now,
      });

      await knex.migrate.latest(migrationConfig);

      const rows = await knex('first_deployments')
        .orderBy('sha')
        .select('sha', 'deployment_id');
      expect(rows).toEqual([
        { sha: 'c1', deployment_id: 'v2' },
        { sha: 'c2', deployment_id: 'v2' },
      ]);
      expect(await knex('dora_facts_state')).toEqual([]);
    },
  );
});
