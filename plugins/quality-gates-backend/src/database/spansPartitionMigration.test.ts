import fs from 'node:fs';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { MIGRATIONS_DIRECTORY } from './migrations';

// Spans on PostgreSQL move into a table partitioned by day of their start;
// SQLite keeps its plain table. Both keep every span, once.

const migrationConfig = {
  directory: MIGRATIONS_DIRECTORY,
  tableName: 'quality_gates_knex_migrations',
};

const PARTITIONED = '20261209100000_spans_partitioned.js';
const DAY_MS = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY_MS);

jest.setTimeout(60_000);

function span(spanId: string, day: number) {
  const start = (day * DAY_MS + 1234) * 1000;
  return {
    trace_id: 'a'.repeat(32),
    span_id: spanId,
    name: 'test',
    kind: 'internal',
    start_time_us: start,
    end_time_us: start + 1000,
    status_code: 'ok',
    attributes: '{}',
    resource_attributes: '{}',
    received_at: new Date(),
  };
}

function partitionName(day: number): string {
  return `spans_p${new Date(day * DAY_MS)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '')}`;
}

describe('spans partitioning migration', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function migrateWithSpans(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const before = fs
      .readdirSync(MIGRATIONS_DIRECTORY)
      .filter(file => file.endsWith('.js') && file < PARTITIONED);
    for (let i = 0; i < before.length; i++) {
      await knex.migrate.up(migrationConfig);
    }
    await knex('spans').insert([
      span('0000000000000001', TODAY),
      span('0000000000000002', TODAY - 10),
      span('0000000000000003', 1000),
    ]);
    await knex.migrate.latest(migrationConfig);
    return knex;
  }

  const spanIds = (knex: Knex) =>
    knex('spans').orderBy('span_id').pluck('span_id');

  it.each(databases.eachSupportedId())(
    'keeps every stored span, once, %p',
    async databaseId => {
      const knex = await migrateWithSpans(databaseId);
      // A retried span is still skipped.
      await knex('spans')
        .insert(span('0000000000000002', TODAY - 10))
        .onConflict()
        .ignore();
      expect(await spanIds(knex)).toEqual([
        '0000000000000001',
        '0000000000000002',
        '0000000000000003',
      ]);
    },
  );

  it.each(
    databases.eachSupportedId().filter(([id]) => id.startsWith('POSTGRES')),
  )('moves stored spans into day partitions and back, %p', async databaseId => {
    const knex = await migrateWithSpans(databaseId);
    const placed = await knex.raw(
      'SELECT tableoid::regclass::text AS place, span_id FROM spans ORDER BY span_id',
    );
    expect(placed.rows).toEqual([
      { place: partitionName(TODAY), span_id: '0000000000000001' },
      { place: partitionName(TODAY - 10), span_id: '0000000000000002' },
      { place: 'spans_default', span_id: '0000000000000003' },
    ]);
    const key = await knex.raw(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'spans'::regclass AND contype = 'p'`,
    );
    expect(key.rows).toEqual([
      { def: 'PRIMARY KEY (trace_id, span_id, start_time_us)' },
    ]);
    const indexes = await knex.raw(
      'SELECT indexdef FROM pg_indexes WHERE tablename = ? ORDER BY indexname',
      [partitionName(TODAY)],
    );
    expect(indexes.rows).toHaveLength(2);

    // Down to before the partitioning, later migrations first.
    for (;;) {
      const [completed] = await knex.migrate.list(migrationConfig);
      const names = completed.map((m: { name: string }) => m.name);
      if (!names.includes(PARTITIONED)) break;
      await knex.migrate.down(migrationConfig);
    }
    const plain = await knex.raw(
      `SELECT relkind FROM pg_class WHERE oid = 'spans'::regclass`,
    );
    expect({
      kind: plain.rows[0].relkind,
      spans: await spanIds(knex),
    }).toEqual({
      kind: 'r',
      spans: ['0000000000000001', '0000000000000002', '0000000000000003'],
    });
  });
});
