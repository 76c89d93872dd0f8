import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../../database/migrations';
import { isPostgres } from '../../database/dialect';
import { OtlpSpan } from './OtlpTraces';
import { SpanGroup, SpanStore } from './SpanStore';
import { SpanPartitions, spanPartitionName } from './spanPartitions';

jest.setTimeout(60_000);

const DAY_MS = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY_MS);
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

function spanId(n: number): string {
  return (0x1000000000000000n + BigInt(n)).toString(16);
}

/** A span starting `day` days since the epoch, plus `n` ms. */
function span(n: number, day: number): OtlpSpan {
  const start = BigInt(day * DAY_MS + n) * 1_000_000n;
  return {
    traceId: TRACE,
    spanId: spanId(n),
    name: `span ${n}`,
    kind: 'internal',
    startTimeUnixNano: start,
    endTimeUnixNano: start + 1_000n,
    status: { code: 'unset' },
    attributes: {},
    events: [],
    links: [],
  };
}

function group(spans: OtlpSpan[]): SpanGroup {
  return {
    resourceAttributes: { 'service.name': 'checkout' },
    entity: { entityRef: 'component:default/checkout' },
    spans,
  };
}

describe('span partitions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let knex: Knex;
    let partitions: SpanPartitions;
    let store: SpanStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      partitions = new SpanPartitions(knex, { traceDays: 30 });
      store = new SpanStore(knex, partitions);
    });

    async function write(groups: SpanGroup[]) {
      const batch = store.batch(groups);
      await store.prepare(batch);
      await store.writeOnce(batch);
    }

    /** Span ids by the table holding them (the partition on PostgreSQL). */
    async function placement(): Promise<Record<string, string[]>> {
      const rows: Array<{ place: string; span_id: string }> = isPostgres(knex)
        ? (
            await knex.raw(
              'SELECT tableoid::regclass::text AS place, span_id FROM spans ORDER BY span_id',
            )
          ).rows
        : (await knex('spans').orderBy('span_id').select('span_id')).map(
            row => ({ place: 'spans', span_id: row.span_id }),
          );
      const result: Record<string, string[]> = {};
      for (const row of rows) (result[row.place] ??= []).push(row.span_id);
      return result;
    }

    it('creates the partitions of today and the days ahead', async () => {
      if (isPostgres(knex)) {
        // The migration made them: one goes missing.
        await knex.raw(`DROP TABLE ${spanPartitionName(TODAY + 2)}`);
      }
      await partitions.ensureAhead();
      const days = isPostgres(knex) ? await partitions.partitionDays() : [];
      expect(days).toEqual(
        isPostgres(knex) ? [TODAY, TODAY + 1, TODAY + 2, TODAY + 3] : [],
      );
    });

    it('stores a retried request once, its days in their own partitions', async () => {
      // A trace over midnight, and a span of a day long gone.
      const spans = [span(1, TODAY - 1), span(2, TODAY), span(3, 1000)];
      await write([group(spans)]);
      await write([group(spans)]);
      // Concurrent retries too.
      await Promise.all([write([group(spans)]), write([group(spans)])]);

      expect(await placement()).toEqual(
        isPostgres(knex)
          ? {
              [spanPartitionName(TODAY - 1)]: [spanId(1)],
              [spanPartitionName(TODAY)]: [spanId(2)],
              spans_default: [spanId(3)],
            }
          : { spans: [spanId(1), spanId(2), spanId(3)] },
      );
      expect(
        (await store.readTrace(TRACE)).map(s => [s.spanId, s.depth]),
      ).toEqual([
        [spanId(3), 0],
        [spanId(1), 0],
        [spanId(2), 0],
      ]);
    });

    it('moves a day out of the default partition when the day gets its own', async () => {
      // Written while its day had no partition (e.g. creating it failed).
      const early = [span(1, TODAY - 3), span(2, TODAY - 3)];
      await store.writeOnce(store.batch([group(early)]));
      expect(await placement()).toEqual(
        isPostgres(knex)
          ? { spans_default: [spanId(1), spanId(2)] }
          : { spans: [spanId(1), spanId(2)] },
      );

      await write([group([...early, span(3, TODAY - 3)])]);

      expect(await placement()).toEqual(
        isPostgres(knex)
          ? {
              [spanPartitionName(TODAY - 3)]: [spanId(1), spanId(2), spanId(3)],
            }
          : { spans: [spanId(1), spanId(2), spanId(3)] },
      );
    });

    it('expires spans a whole day at a time', async () => {
      const longer = new SpanStore(
        knex,
        new SpanPartitions(knex, { traceDays: 60 }),
      );
      const groups = [
        group([
          span(1, TODAY - 40),
          span(2, TODAY - 31),
          span(3, TODAY - 30),
          span(4, TODAY - 2),
          span(5, 1000),
        ]),
      ];
      const batch = longer.batch(groups);
      await longer.prepare(batch);
      await knex.transaction(tx => longer.write(tx, batch));
      const cutoff = (Date.now() - 30 * DAY_MS) * 1000;

      const expired = await partitions.dropBefore(cutoff);

      // On PostgreSQL the day the cutoff falls in is kept whole, until it
      // has passed; the default partition holds the span of 1972.
      expect({ expired, placed: await placement() }).toEqual(
        isPostgres(knex)
          ? {
              expired: { droppedPartitions: 2, deletedSpans: 1 },
              placed: {
                [spanPartitionName(TODAY - 30)]: [spanId(3)],
                [spanPartitionName(TODAY - 2)]: [spanId(4)],
              },
            }
          : {
              expired: { droppedPartitions: 0, deletedSpans: 4 },
              placed: { spans: [spanId(4)] },
            },
      );
    });
  });
});
