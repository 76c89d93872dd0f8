import fs from 'node:fs';
import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY } from './migrations';

// Overrides made before decisions hung off one evaluation: the migration
// gives them that evaluation's scope, and new overrides need none.

const migrationConfig = {
  directory: MIGRATIONS_DIRECTORY,
  tableName: 'quality_gates_knex_migrations',
};

const DECISIONS = '20261207120000_gate_decisions.js';

jest.setTimeout(60_000);

describe('gate decisions migration', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'scopes existing overrides by their evaluation, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const before = fs
        .readdirSync(MIGRATIONS_DIRECTORY)
        .filter(file => file.endsWith('.js') && file < DECISIONS);
      for (let i = 0; i < before.length; i++) {
        await knex.migrate.up(migrationConfig);
      }
      const at = new Date('2026-12-01T10:00:00Z');
      await knex('gate_evaluations').insert({
        id: 'e1',
        gate_id: 'release',
        gate_title: 'Release checks',
        entity_ref: 'component:default/checkout',
        environment: 'production',
        version: '1.4.0',
        trigger: 'ci',
        mode: 'enforce',
        verdict: 'fail',
        score: 0,
        pass_percent: 90,
        warning_percent: 75,
        started_at: at,
        finished_at: at,
      });
      await knex('gate_overrides').insert({
        id: 'o1',
        evaluation_id: 'e1',
        verdict: 'pass',
        reason: 'hotfix for INC-7',
        created_by: 'user:default/jane',
        created_at: at,
        expires_at: new Date('2026-12-08T14:00:00Z'),
      });

      await knex.migrate.latest(migrationConfig);

      expect(
        await knex('gate_overrides')
          .where({ id: 'o1' })
          .first(
            'evaluation_id',
            'entity_ref',
            'environment',
            'version',
            'gate_id',
            'revoked_at',
          ),
      ).toEqual({
        evaluation_id: 'e1',
        entity_ref: 'component:default/checkout',
        environment: 'production',
        version: '1.4.0',
        gate_id: 'release',
        revoked_at: null,
      });
      expect(
        await knex('gate_evaluations').where({ id: 'e1' }).first('decision_id'),
      ).toEqual({ decision_id: null });
      // A scoped override needs no evaluation; the foreign key still cascades.
      await knex('gate_overrides').insert({
        id: 'o2',
        verdict: 'pass',
        reason: 'for every gate of 1.4.0',
        created_by: 'user:default/jane',
        created_at: at,
        expires_at: new Date('2026-12-08T14:00:00Z'),
        entity_ref: 'component:default/checkout',
        environment: 'production',
        version: '1.4.0',
      });
      await knex('gate_evaluations').where({ id: 'e1' }).delete();
      expect(
        (await knex('gate_overrides').select('id')).map(row => row.id),
      ).toEqual(['o2']);
    },
  );
});
