import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';

// The demo goes through the real ingest endpoints over HTTP (signed GitHub
// webhooks, OTLP/JSON, the JSON API, CDEvents): when it lands, every ingest
// path a newcomer's views depend on has worked end to end.

jest.setTimeout(120_000);

const CHECKOUT = 'component:default/checkout';

describe('demo data', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: path.resolve(__dirname, '__fixtures__/catalog.yaml'),
        config: {
          qualityGates: {
            demoData: { enabled: true, entities: [CHECKOUT] },
            github: { webhookSecret: 'demo-test-secret' },
            gates: {
              definitions: [
                {
                  id: 'release-checks',
                  title: 'Release checks',
                  environments: ['production'],
                  criteria: [{ key: 'ci', source: 'pipeline' }],
                },
              ],
            },
          },
        },
        // The demo's own data is awaited by each test.
        components: [],
      });
    });

    afterAll(async () => {
      await plugin?.backend.stop();
    });

    async function waitFor<T>(read: () => Promise<T | undefined>): Promise<T> {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const value = await read();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error('demo data did not land');
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    }

    it('lands weeks of linked history through the ingest endpoints', async () => {
      const { knex } = plugin;
      // Incidents are sent last: once they are there, everything is.
      await waitFor(async () => {
        const row = await knex('incidents').first('id');
        const deployments = await knex('deployments').count({ n: '*' }).first();
        return row && Number(deployments?.n) > 0 ? row : undefined;
      });

      const response = await plugin.get('/deployments', {
        entityRef: CHECKOUT,
        limit: 500,
      });
      expect(response.status).toBe(200);
      const items: any[] = response.body.items;
      const environments = new Set(items.map(item => item.environment));
      expect([...environments].sort()).toEqual([
        'development',
        'production',
        'staging',
      ]);
      const days =
        (Date.parse(items[0].startedAt) -
          Date.parse(items[items.length - 1].startedAt)) /
        86_400_000;
      expect(days).toBeGreaterThan(21);

      // Deployments carry their commits (with times, from the GitHub push
      // webhooks) and their CI run (from the OTLP trace).
      const deployment = items.find(item => item.environment === 'production');
      expect(deployment.changes.length).toBeGreaterThan(1);
      expect(deployment.changes.some((c: any) => c.committedAt)).toBe(true);
      expect(deployment.pipelineRun).toMatchObject({
        source: 'otlp',
        pipelineName: 'ci',
        result: 'success',
      });
      expect(deployment.pipelineRun.traceId).toMatch(/^[0-9a-f]{32}$/);

      const spanCount = await knex('spans')
        .where('trace_id', deployment.pipelineRun.traceId)
        .count({ n: '*' })
        .first();
      expect(Number(spanCount?.n)).toBeGreaterThan(100);

      // The waterfall's read route: ordered spans with their depth.
      const trace = await plugin.get(
        `/traces/${deployment.pipelineRun.traceId}`,
      );
      expect(trace.status).toBe(200);
      expect(trace.body.entityRef).toBe(CHECKOUT);
      const spans: any[] = trace.body.spans;
      expect(spans.length).toBe(Number(spanCount?.n));
      expect(spans[0]).toMatchObject({ name: 'ci', depth: 0 });
      expect(spans.some(span => span.depth === 2)).toBe(true);
      const starts = spans.map(span => span.startTimeUnixMicros);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));

      const unknown = await plugin.get(`/traces/${'0'.repeat(31)}1`);
      expect(unknown.status).toBe(404);
      const malformed = await plugin.get('/traces/not-a-trace');
      expect(malformed.status).toBe(400);

      const runs = await plugin.get('/pipeline-runs', {
        entityRef: CHECKOUT,
        limit: 500,
      });
      expect(runs.body.items.some((run: any) => run.result === 'failure')).toBe(
        true,
      );

      const incidents = await knex('incidents').where('entity_ref', CHECKOUT);
      expect(incidents.length).toBeGreaterThan(0);
      expect(
        await knex('changes')
          .where('entity_ref', CHECKOUT)
          .whereNotNull('pr_merged_at')
          .first('sha'),
      ).toBeDefined();
    });

    it('asks the gates for the newest version, as CI would', async () => {
      const evaluation = await waitFor(async () =>
        plugin.knex('gate_evaluations').where({ entity_ref: CHECKOUT }).first(),
      );
      expect(evaluation).toMatchObject({
        gate_id: 'release-checks',
        environment: 'production',
        trigger: 'ci',
      });
      // The CI run is found through the commits the version's deployment brought.
      const ci = await plugin
        .knex('gate_criterion_results')
        .where({ evaluation_id: evaluation.id, key: 'ci' })
        .first();
      expect(['pass', 'fail']).toContain(ci.state);
    });

    it('gives the demo entities weeks of readiness history with a trend', async () => {
      const response = await plugin.get('/readiness/entity/history', {
        entityRef: CHECKOUT,
      });
      expect(response.status).toBe(200);
      const points = response.body.items.slice(0, 4);
      expect(points).toHaveLength(4);
      const scores = points.map((point: any) => point.score);
      expect(scores[0]).toBeLessThan(scores[2]);
      expect(scores[3]).toBeLessThan(scores[2]);
      expect(points[0].states.owner).toBe('passed');
    });
  });
});
