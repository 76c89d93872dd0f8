import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../../../__testUtils__/testBackend';
import { spanNameCondition } from './spanNameMatch';

// Trace-based release testing end to end: spans of several versions of
// `checkout` go in through POST /v1/traces (OTLP JSON), then gates whose
// criteria use `source: trace` judge each version.

jest.setTimeout(90_000);

interface TestSpan {
  name: string;
  durationMs: number;
  error?: boolean;
  /** How long before now the span started; 5 minutes by default. */
  minutesAgo?: number;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** One resource's spans as an OTLP JSON export request, one trace each. */
function otlpExport(
  resource: Record<string, string>,
  spans: TestSpan[],
): { body: object; traceIds: string[] } {
  const traceIds = spans.map(() => hex(16));
  const nanos = (time: DateTime) => `${BigInt(time.toMillis()) * 1_000_000n}`;
  return {
    traceIds,
    body: {
      resourceSpans: [
        {
          resource: {
            attributes: Object.entries(resource).map(([key, value]) => ({
              key,
              value: { stringValue: value },
            })),
          },
          scopeSpans: [
            {
              scope: { name: 'test' },
              spans: spans.map((span, index) => {
                const start = DateTime.utc().minus({
                  minutes: span.minutesAgo ?? 5,
                  seconds: index,
                });
                return {
                  traceId: traceIds[index],
                  spanId: hex(8),
                  name: span.name,
                  kind: 2,
                  startTimeUnixNano: nanos(start),
                  endTimeUnixNano: nanos(
                    start.plus({ milliseconds: span.durationMs }),
                  ),
                  status: span.error ? { code: 2, message: 'boom' } : {},
                };
              }),
            },
          ],
        },
      ],
    },
  };
}

const CHECKOUT = 'POST /checkout';
const times = (count: number, span: TestSpan): TestSpan[] =>
  Array.from({ length: count }, () => ({ ...span }));

const GATES = {
  qualityGates: {
    gates: {
      definitions: [
        {
          id: 'traces',
          title: 'Trace assertions',
          environments: ['production'],
          window: { minutes: 30 },
          passPercent: 100,
          criteria: [
            {
              key: 'checkout-errors',
              source: 'trace',
              spanName: 'POST /check*',
              service: 'checkout',
              assert: 'errorSpans',
              minSpans: 10,
              pass: ['= 0'],
            },
            {
              key: 'checkout-p95',
              source: 'trace',
              spanName: CHECKOUT,
              assert: 'durationP95Ms',
              minSpans: 10,
              pass: ['<= 500'],
              noData: 'warning',
            },
            {
              key: 'checkout-p50',
              source: 'trace',
              spanName: 'POST /checkou?',
              assert: 'durationP50Ms',
              pass: ['<= 500'],
            },
          ],
        },
      ],
    },
  },
};

describe('source: trace', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;
    const auth = mockCredentials.user.header();
    const errorTraces: string[] = [];

    async function sendSpans(
      resource: Record<string, string>,
      spans: TestSpan[],
    ): Promise<string[]> {
      const { body, traceIds } = otlpExport(
        { 'backstage.entity_ref': 'component:default/checkout', ...resource },
        spans,
      );
      const response = await request(plugin.backend.server)
        .post('/api/quality-gates/v1/traces')
        .set('Authorization', auth)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expect(response.status).toBe(200);
      expect(response.body.partialSuccess?.rejectedSpans ?? 0).toBe(0);
      return traceIds;
    }

    async function evaluate(version: string) {
      const response = await request(plugin.backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', auth)
        .send({
          entityRef: 'component:default/checkout',
          environment: 'production',
          version,
        });
      expect(response.status).toBe(200);
      const criteria = response.body.evaluations[0].criteria;
      return {
        verdict: response.body.verdict as string,
        criterion: (key: string) =>
          criteria.find((c: { key: string }) => c.key === key),
      };
    }

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        config: GATES,
        components: ['checkout'],
      });
      const checkout = (version: string) => ({
        'service.name': 'checkout',
        'service.version': version,
      });
      // v-clean: fast, no errors on the checkout span. Errors elsewhere
      // (another span name, another service of the entity, an older
      // version, before the window) must not count against it.
      await sendSpans(checkout('v-clean'), [
        ...times(20, { name: CHECKOUT, durationMs: 120 }),
        ...times(3, { name: 'GET /health', durationMs: 5, error: true }),
        ...times(2, {
          name: CHECKOUT,
          durationMs: 4000,
          error: true,
          minutesAgo: 120,
        }),
      ]);
      await sendSpans(
        { 'service.name': 'checkout-worker', 'service.version': 'v-clean' },
        times(2, { name: CHECKOUT, durationMs: 30, error: true }),
      );
      await sendSpans(
        checkout('v-old'),
        times(5, { name: CHECKOUT, durationMs: 2000, error: true }),
      );
      // v-errors: two failed checkouts.
      const errorsRun = await sendSpans(checkout('v-errors'), [
        ...times(18, { name: CHECKOUT, durationMs: 100 }),
        ...times(2, { name: CHECKOUT, durationMs: 100, error: true }),
      ]);
      errorTraces.push(...errorsRun.slice(18));
      // v-slow: no errors, but the slowest 2 of 20 make the p95.
      await sendSpans(checkout('v-slow'), [
        ...times(18, { name: CHECKOUT, durationMs: 100 }),
        ...times(2, { name: CHECKOUT, durationMs: 900 }),
      ]);
      // v-names: names with LIKE's and GLOB's own special characters.
      await sendSpans(
        checkout('v-names'),
        ['GET /a_b', 'GET /axb', 'GET /[id]%', 'get /a_b'].map(name => ({
          name,
          durationMs: 1,
        })),
      );
      // v-sparse: too few spans to judge.
      await sendSpans(
        checkout('v-sparse'),
        times(3, { name: CHECKOUT, durationMs: 100 }),
      );
    });
    afterAll(() => plugin?.backend.stop());

    it('passes a clean version, counting only its checkout spans in the window', async () => {
      const { verdict, criterion } = await evaluate('v-clean');
      expect(criterion('checkout-errors')).toMatchObject({
        state: 'pass',
        observed: 0,
        sampleSize: 20,
        details: expect.objectContaining({
          matchedSpans: 20,
          errorSpans: 0,
          versionSpans: 25,
          exampleTraceIds: [],
        }),
      });
      // No service filter: the worker's two fast checkout spans count too.
      expect(criterion('checkout-p95')).toMatchObject({
        state: 'pass',
        observed: 120,
        sampleSize: 22,
      });
      expect(verdict).toBe('pass');
    });

    it('fails a version with error spans, naming their traces', async () => {
      const { verdict, criterion } = await evaluate('v-errors');
      const errors = criterion('checkout-errors');
      expect(errors).toMatchObject({ state: 'fail', observed: 2 });
      expect([...errors.details.exampleTraceIds].sort()).toEqual(
        [...errorTraces].sort(),
      );
      expect(criterion('checkout-p95').state).toBe('pass');
      expect(verdict).toBe('fail');
    });

    it('fails a version whose p95 is over the bound, while its p50 is fine', async () => {
      const { verdict, criterion } = await evaluate('v-slow');
      const p95 = criterion('checkout-p95');
      // Nearest rank: the 19th of 20 sorted durations.
      expect(p95).toMatchObject({
        state: 'fail',
        observed: 900,
        details: expect.objectContaining({ percentile: 95, rank: 19 }),
      });
      expect(p95.details.exampleTraceIds).toHaveLength(5);
      expect(criterion('checkout-p50')).toMatchObject({
        state: 'pass',
        observed: 100,
      });
      expect(criterion('checkout-errors').state).toBe('pass');
      expect(verdict).toBe('fail');
    });

    it('applies the no-data policy when too few spans came', async () => {
      const { verdict, criterion } = await evaluate('v-sparse');
      expect(criterion('checkout-errors')).toMatchObject({
        state: 'no_data',
        observed: null,
        sampleSize: 3,
        details: expect.objectContaining({
          reason:
            "3 spans named 'POST /check*' of service checkout, fewer than minSpans 10",
        }),
      });
      expect(criterion('checkout-p95')).toMatchObject({
        state: 'warning',
        observed: null,
      });
      // minSpans defaults to 1: three spans are enough for the p50.
      expect(criterion('checkout-p50')).toMatchObject({
        state: 'pass',
        observed: 100,
      });
      expect(verdict).toBe('fail');
    });

    it('has no data for a version that sent no traces at all', async () => {
      const { criterion } = await evaluate('v-never-ran');
      expect(criterion('checkout-p50')).toMatchObject({
        state: 'no_data',
        observed: null,
        details: expect.objectContaining({
          reason:
            'no spans of version v-never-ran (resource attribute service.version) in the window',
        }),
      });
    });

    it('matches span names by glob, case-sensitively, other characters literally', async () => {
      const names = async (pattern: string) => {
        const condition = spanNameCondition(plugin.knex, pattern);
        const rows: Array<{ name: string }> = await plugin
          .knex('spans')
          .whereRaw(`CAST(resource_attributes AS TEXT) LIKE ?`, ['%v-names%'])
          .whereRaw(condition.sql, condition.bindings)
          .select('name')
          .orderBy('name');
        return rows.map(row => row.name);
      };
      expect(await names('GET /a_*')).toEqual(['GET /a_b']);
      expect(await names('GET /a?b')).toEqual(['GET /a_b', 'GET /axb']);
      expect(await names('GET /[id]*')).toEqual(['GET /[id]%']);
      expect(await names('GET /[id]%')).toEqual(['GET /[id]%']);
      expect(await names('*/a_b')).toEqual(['GET /a_b', 'get /a_b']);
      expect(await names('get /a_b')).toEqual(['get /a_b']);
    });
  });
});
