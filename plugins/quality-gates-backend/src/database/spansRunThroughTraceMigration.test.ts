import fs from 'node:fs';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY } from './migrations';

// Spans stop storing their pipeline run (it is their trace's earliest run,
// found when read); rolling back stores it again from the traces.

const migrationConfig = {
  directory: MIGRATIONS_DIRECTORY,
  tableName: 'quality_gates_knex_migrations',
};

const MIGRATION = '20261210090000_spans_run_through_trace.js';
const TRACE = 'a'.repeat(32);
const NOW_US = Date.now() * 1000;

jest.setTimeout(60_000);

function span(spanId: string, traceId = TRACE) {
  return {
    trace_id: traceId,
    span_id: spanId,
    name: 'test',
    kind: 'internal',
    start_time_us: NOW_US,
    end_time_us: NOW_US + 1000,
    status_code: 'ok',
    attributes: '{}',
    resource_attributes: '{}',
    received_at: new Date(),
  };
}

function run(id: string, startedAt: string) {
  const now = new Date();
  return {
    id,
    source: 'otlp',
    external_id: id,
    pipeline_name: 'deploy',
    started_at: new Date(startedAt),
    trace_id: TRACE,
    created_at: now,
    updated_at: now,
  };
}

describe('spans run through trace migration', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function migrateUpTo(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const before = fs
      .readdirSync(MIGRATIONS_DIRECTORY)
      .filter(file => file.endsWith('.js') && file < MIGRATION);
    for (let i = 0; i < before.length; i++) {
      await knex.migrate.up(migrationConfig);
    }
    return knex;
  }

  it.each(databases.eachSupportedId())(
    'drops the stored run and fills it again from the traces on the way back, %p',
    async databaseId => {
      const knex = await migrateUpTo(databaseId);
      await knex('pipeline_runs').insert([
        run('later', '2026-12-07T10:05:00Z'),
        run('earlier', '2026-12-07T10:00:00Z'),
      ]);
      await knex('spans').insert([
        { ...span('0000000000000001'), pipeline_run_id: 'later' },
        span('0000000000000002', 'b'.repeat(32)),
      ]);

      await knex.migrate.up(migrationConfig);
      expect(await knex.schema.hasColumn('spans', 'pipeline_run_id')).toBe(
        false,
      );
      // PostgreSQL's partitions fill their pages whole again.
      const withOptions = databaseId.startsWith('POSTGRES')
        ? await knex.raw(
            `SELECT count(*) AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
              WHERE i.inhparent = 'spans'::regclass AND c.reloptions IS NOT NULL`,
          )
        : { rows: [{ n: 0 }] };
      expect(Number(withOptions.rows[0].n)).toBe(0);

      await knex.migrate.down(migrationConfig);
      expect(
        await knex('spans')
          .orderBy('span_id')
          .select('span_id', 'pipeline_run_id'),
      ).toEqual([
        { span_id: '0000000000000001', pipeline_run_id: 'earlier' },
        { span_id: '0000000000000002', pipeline_run_id: null },
      ]);
    },
  );
});
