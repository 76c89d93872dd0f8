import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../../database/migrations';
import { DeliveryEventWriter } from '../../delivery/DeliveryEventWriter';
import { OtlpSpan } from './OtlpTraces';
import { SpanGroup, SpanStore } from './SpanStore';

jest.setTimeout(60_000);

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const T0 = 1763899200000000000n;

function spanId(n: number): string {
  return (0x1000000000000000n + BigInt(n)).toString(16);
}

function span(n: number, overrides: Partial<OtlpSpan> = {}): OtlpSpan {
  return {
    traceId: TRACE,
    spanId: spanId(n),
    name: `span ${n}`,
    kind: 'internal',
    // 1.5 µs apart, to show sub-millisecond order and precision.
    startTimeUnixNano: T0 + BigInt(n) * 1500n,
    endTimeUnixNano: T0 + BigInt(n) * 1500n + 999n,
    status: { code: 'unset' },
    attributes: {},
    events: [],
    links: [],
    ...overrides,
  };
}

function group(spans: OtlpSpan[]): SpanGroup {
  return {
    resourceAttributes: { 'service.name': 'checkout', 'host.name': 'runner-1' },
    entity: {
      entityRef: 'component:default/Checkout',
      entityHint: 'service.name=checkout',
    },
    spans,
  };
}

describe('SpanStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let knex: Knex;
    let store: SpanStore;
    let writer: DeliveryEventWriter;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      store = new SpanStore(knex);
      writer = new DeliveryEventWriter(knex);
    });

    afterEach(async () => {
      await knex('spans').delete();
      await knex('pipeline_runs').delete();
    });

    async function write(groups: SpanGroup[]) {
      await store.writeOnce(store.batch(groups));
    }

    it('reads a trace for its waterfall: by start, with parents and depth', async () => {
      const root = span(0, { kind: 'server', name: 'RUN deploy' });
      const job = span(2, {
        parentSpanId: root.spanId,
        attributes: {
          'cicd.pipeline.task.name': 'deploy',
          'cicd.pipeline.task.run.result': 'failure',
        },
        status: { code: 'error', message: 'exit 1' },
        events: [{ name: 'retry', timeUnixNano: String(T0 + 3000n) }],
      });
      const step = span(3, { parentSpanId: job.spanId });
      // Started before its parent (clock skew): still nested under it.
      const early = span(1, { parentSpanId: job.spanId });
      // Its parent never arrived: shown as a root.
      const orphan = span(4, { parentSpanId: 'ffffffffffffffff' });
      await write([group([step, orphan, job, early, root])]);

      const waterfall = await store.readTrace(TRACE.toUpperCase());
      expect(waterfall.map(s => [s.name, s.parentSpanId, s.depth])).toEqual([
        ['RUN deploy', undefined, 0],
        ['span 1', job.spanId, 2],
        ['span 2', root.spanId, 1],
        ['span 3', job.spanId, 2],
        ['span 4', 'ffffffffffffffff', 0],
      ]);
      expect(waterfall[2]).toEqual({
        traceId: TRACE,
        spanId: job.spanId,
        parentSpanId: root.spanId,
        depth: 1,
        name: 'span 2',
        kind: 'internal',
        startTime: '2025-11-23T12:00:00.000Z',
        endTime: '2025-11-23T12:00:00.000Z',
        startTimeUnixMicros: 1763899200000003,
        endTimeUnixMicros: 1763899200000003,
        durationMicros: 0,
        status: { code: 'error', message: 'exit 1' },
        serviceName: 'checkout',
        entityRef: 'component:default/checkout',
        ciTask: {
          taskName: 'deploy',
          taskResult: 'failure',
          taskRunId: undefined,
          taskType: undefined,
          taskRunUrl: undefined,
        },
        attributes: {
          'cicd.pipeline.task.name': 'deploy',
          'cicd.pipeline.task.run.result': 'failure',
        },
        events: [{ name: 'retry', timeUnixNano: String(T0 + 3000n) }],
        links: [],
        resourceAttributes: {
          'service.name': 'checkout',
          'host.name': 'runner-1',
        },
      });
      expect(await store.readTrace('0'.repeat(32))).toEqual([]);
    });

    it('stores text as sent: tabs, newlines, backslashes and a literal \\N', async () => {
      const odd = 'step\tone\nline two\r\\N \\ end';
      await write([
        group([
          span(0, {
            name: odd,
            status: { code: 'error', message: odd },
            attributes: { 'process.command_line': odd },
          }),
        ]),
      ]);
      const [stored] = await store.readTrace(TRACE);
      expect([
        stored.name,
        stored.status.message,
        stored.attributes['process.command_line'],
      ]).toEqual([odd, odd, odd]);
    });

    it('writes 50,000 spans of one request in one transaction', async () => {
      const spans = Array.from({ length: 50_000 }, (_, n) => span(n));
      await write([group(spans)]);
      const [{ count }] = await knex('spans').count({ count: '*' });
      expect(Number(count)).toBe(50_000);
    });

    it('stores large requests in chunks and ignores redelivered spans', async () => {
      const spans = Array.from({ length: 2500 }, (_, n) => span(n));
      await write([group(spans)]);
      const stored = await knex('spans').orderBy('span_id');
      expect(stored).toHaveLength(2500);

      // An exporter's retry, with a different (later) resolution: no change.
      await write([
        { ...group(spans.slice(100, 900)), entity: { entityRef: null } },
      ]);
      expect(await knex('spans').orderBy('span_id')).toEqual(stored);
    });

    function run(externalId: string, startedAt: string, traceId = TRACE) {
      return {
        source: 'otlp',
        externalId,
        pipelineName: 'deploy',
        startedAt,
        traceId,
        entityRef: null,
      };
    }

    it("gives a trace's spans its pipeline run, also those that came first", async () => {
      const root = span(0, { kind: 'server' });
      // The run's spans end, and are exported, before the run span.
      await write([group([span(1, { parentSpanId: root.spanId })])]);
      await store.writeOnce(store.batch([group([root])]), w =>
        writer.write(
          { pipelineRuns: [run('deploy#1', '2025-11-23T12:00:00Z')] },
          w,
        ),
      );
      // And a straggler after it.
      await write([group([span(2, { parentSpanId: root.spanId })])]);

      const [{ id }] = await knex('pipeline_runs').select('id');
      expect((await store.readTrace(TRACE)).map(s => s.pipelineRunId)).toEqual([
        id,
        id,
        id,
      ]);
    });

    it('gives spans the earliest run of their trace, and none without a run', async () => {
      // A run written while its spans were (each committed without seeing
      // the other), and a second, later run recorded in the same trace.
      await write([group([span(1), span(2)])]);
      await writer.write({
        pipelineRuns: [
          run('deploy#3', '2025-11-23T12:05:00Z'),
          run('deploy#2', '2025-11-23T12:00:00Z'),
        ],
      });
      const other = '5b8efff798038103d269b633813fc60c';
      await write([group([span(3, { traceId: other })])]);

      const { id } = await knex('pipeline_runs')
        .where({ external_id: 'deploy#2' })
        .first('id');
      expect((await store.readTrace(TRACE)).map(s => s.pipelineRunId)).toEqual([
        id,
        id,
      ]);
      expect((await store.readTrace(other)).map(s => s.pipelineRunId)).toEqual([
        undefined,
      ]);
    });

    it('stores a span sent twice in one request once, as last sent', async () => {
      await write([
        group([span(1, { name: 'first' }), span(2)]),
        group([span(1, { name: 'again' })]),
      ]);
      expect((await store.readTrace(TRACE)).map(s => s.name)).toEqual([
        'again',
        'span 2',
      ]);
    });
  });
});
