import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';
import { cdEvent, structured } from '../ingest/cdevents/__fixtures__/cdEvents';

// Hostile input over HTTP against a real backend: strings the database
// cannot store, impossible dates, deep nesting, oversized bodies and an
// internal failure. Each is answered 4xx (or stored losslessly where the
// docs say so) and stores nothing it did not acknowledge.

const CATALOG = path.resolve(
  __dirname,
  '../ingest/cdevents/__fixtures__/catalog.yaml',
);
const CHECKOUT = 'component:default/checkout';

jest.setTimeout(90_000);

function deployment(overrides: Record<string, unknown> = {}) {
  return {
    serviceName: 'checkout-svc',
    externalId: `deploy-${randomUUID()}`,
    environment: 'production',
    version: '1.4.0',
    status: 'succeeded',
    startedAt: '2026-11-24T10:00:00Z',
    ...overrides,
  };
}

/** A JSON text whose value nests `depth` arrays deep. */
function nested(depth: number, inner = '1') {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

describe('hostile input', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;
    const authorization = mockCredentials.user.header();

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: CATALOG,
        config: { qualityGates: { api: { maxBodySize: '4kb' } } },
      });
    });

    afterAll(async () => {
      await plugin?.backend.stop();
    });

    function post(route: string, body: string, contentType?: string) {
      return request(plugin.backend.server)
        .post(`/api/quality-gates${route}`)
        .set('Authorization', authorization)
        .set('Content-Type', contentType ?? 'application/json')
        .send(body);
    }

    async function apiDeployments() {
      return plugin
        .knex('deployments')
        .where('source', 'api')
        .select('external_id');
    }

    describe('strings the database cannot store', () => {
      it('refuses a NUL in a batch item and names the field', async () => {
        const before = await apiDeployments();
        const items = [0, 1, 2, 3].map(() => deployment());
        items[3].externalId = 'rel-\u0000-4';
        const response = await post('/deployments', JSON.stringify({ items }));
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain('items.3.externalId');
        expect(response.body.error.message).toContain('NUL');
        expect(await apiDeployments()).toEqual(before);
      });

      it('refuses lone surrogates in keys, so two cannot become one row', async () => {
        for (const externalId of ['rel-\ud800', 'rel-\udbff', 'rel-\udc00x']) {
          const response = await post(
            '/deployments',
            JSON.stringify(deployment({ externalId })),
          );
          expect(response.status).toBe(400);
          expect(response.body.error.message).toContain(
            'externalId: contains a lone UTF-16 surrogate',
          );
        }
        const [{ count }] = await plugin
          .knex('deployments')
          .where('external_id', 'like', 'rel-%')
          .count({ count: '*' });
        expect(Number(count)).toBe(0);
      });

      it('stores surrogate pairs (emoji) exactly as sent', async () => {
        const externalId = `rel-\ud83d\ude80-${randomUUID()}`;
        const response = await post(
          '/deployments',
          JSON.stringify(deployment({ externalId, version: '\u{1F680}' })),
        );
        expect(response.status).toBe(200);
        expect(response.body.items[0].externalId).toBe(externalId);
        const row = await plugin
          .knex('deployments')
          .where({ source: 'api', external_id: externalId })
          .first();
        expect(row.version).toBe('\u{1F680}');
      });

      it('refuses them in incident label names and heartbeat fields', async () => {
        const incident = await post(
          '/incidents',
          JSON.stringify({
            serviceName: 'checkout-svc',
            externalId: `inc-${randomUUID()}`,
            openedAt: '2026-11-24T10:00:00Z',
            labels: { 'team\u0000': 'payments' },
          }),
        );
        expect(incident.status).toBe(400);
        expect(incident.body.error.message).toContain(
          'labels: has a field name that contains a NUL',
        );

        const heartbeat = await post(
          '/heartbeats',
          JSON.stringify({ items: [{ entityRef: CHECKOUT, name: 'x\udfff' }] }),
        );
        expect(heartbeat.status).toBe(400);
        expect(heartbeat.body.error.message).toContain('items.0.name');
      });

      it('refuses them in CloudEvents, in the event and in its data', async () => {
        const event = cdEvent('deployed', { id: `evt-${randomUUID()}` });
        event.subject.content.environment = { id: 'prod\u0000' };
        const { headers, body } = structured(event);
        const response = await post(
          '/events/cdevents',
          body,
          headers['content-type'],
        );
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(
          'data.subject.content.environment.id: contains a NUL',
        );
      });

      it('refuses them in gate and readiness bodies and in query strings', async () => {
        const evaluate = await post(
          '/gates/evaluate',
          JSON.stringify({
            entityRef: CHECKOUT,
            environment: 'production',
            version: 'v\ud800',
          }),
        );
        expect(evaluate.status).toBe(400);
        expect(evaluate.body.error.message).toContain('version');

        const list = await plugin.get('/deployments', {
          entityRef: CHECKOUT,
          environment: 'prod\u0000',
        });
        expect(list.status).toBe(400);
        expect(list.body.error.message).toContain('query.environment');

        const trace = await plugin.get('/traces/abc%00def');
        expect(trace.status).toBe(400);

        // A number too large for a double reads as Infinity: still a 400.
        const details = await plugin.get('/dora/details', {
          entityRef: CHECKOUT,
          metric: 'deploymentFrequency',
          offset: '1e400',
        });
        expect(details.status).toBe(400);
        expect(details.body.error.message).toContain('query.offset');
      });

      it('keeps OTLP spans, with U+FFFD for what cannot be stored', async () => {
        const traceId = randomUUID().replace(/-/g, '');
        const span = (spanId: string, runId: string) => ({
          traceId,
          spanId,
          name: 'deploy\u0000step',
          kind: 2,
          startTimeUnixNano: '1700000000000000000',
          endTimeUnixNano: '1700000001000000000',
          attributes: [
            { key: 'note', value: { stringValue: 'half \ud800 pair' } },
            { key: 'cicd.pipeline.name', value: { stringValue: 'deploy' } },
            { key: 'cicd.pipeline.run.id', value: { stringValue: runId } },
          ],
        });
        const response = await post(
          '/v1/traces',
          JSON.stringify({
            resourceSpans: [
              {
                resource: {
                  attributes: [
                    { key: 'service.name', value: { stringValue: 'checkout' } },
                  ],
                },
                scopeSpans: [{ spans: [span('00000000000000a1', 'r\ud800')] }],
              },
            ],
          }),
        );
        expect(response.status).toBe(200);
        expect(response.body).toEqual({});
        const stored = await plugin.get(`/traces/${traceId}`);
        expect(stored.status).toBe(200);
        expect(stored.body.spans[0].name).toBe('deploy\uFFFDstep');
        expect(stored.body.spans[0].attributes.note).toBe('half \uFFFD pair');
        // A run id that lost a character is keyed by its trace, never
        // merged with another run whose id lost a different one.
        const runs = await plugin
          .knex('pipeline_runs')
          .where({ source: 'otlp' })
          .select('external_id');
        expect(runs.map(run => run.external_id)).toContain(`trace:${traceId}`);
      });
    });

    describe('dates', () => {
      it.each([
        '2026-02-30T00:00:00Z',
        '2026-13-01T00:00:00Z',
        '2026-11-24T24:00:00Z',
        '2026-11-24T10:00:00+99:00',
      ])('refuses %s wherever a timestamp is accepted', async when => {
        const ingest = await post(
          '/deployments',
          JSON.stringify(deployment({ startedAt: when })),
        );
        expect(ingest.status).toBe(400);
        expect(ingest.body.error.message).toContain('startedAt');

        const override = await post(
          `/gates/evaluations/${randomUUID()}/override`,
          JSON.stringify({
            verdict: 'pass',
            reason: 'The canary is known to be noisy today',
            expiresAt: when,
          }),
        );
        expect(override.status).toBe(400);
        expect(override.body.error.message).toContain('expiresAt');

        const exemption = await post(
          '/readiness/exemptions',
          JSON.stringify({
            entityRef: CHECKOUT,
            checkId: 'owner',
            reason: 'The owner is being reorganised this month',
            expiresAt: when,
          }),
        );
        expect(exemption.status).toBe(400);
        expect(exemption.body.error.message).toContain('expiresAt');

        const list = await plugin.get('/deployments', {
          entityRef: CHECKOUT,
          from: when,
        });
        expect(list.status).toBe(400);
      });
    });

    describe('depth and size', () => {
      it('refuses deep nesting before parsing, on every kind of route', async () => {
        const deep = nested(50_000);
        const routes: Array<[string, string?]> = [
          ['/deployments'],
          ['/heartbeats'],
          ['/v1/traces'],
          ['/gates/evaluate'],
          ['/events/cdevents', 'application/cloudevents+json'],
        ];
        for (const [route, contentType] of routes) {
          const body = route.startsWith('/gates')
            ? nested(65)
            : `{"id":"e1","specversion":"1.0","source":"s","type":"t","deep":${deep}}`;
          const response = await post(route, body, contentType);
          expect([route, response.status]).toEqual([route, 400]);
          expect(response.body.error.message).toContain(
            'nested deeper than 64 levels',
          );
        }
      });

      it('answers 413 above the limit, on validated routes too', async () => {
        const big = JSON.stringify({
          entityRef: CHECKOUT,
          environment: 'production',
          version: 'x'.repeat(8_000),
        });
        const response = await post('/gates/evaluate', big);
        expect(response.status).toBe(413);
        expect(response.body.error.message).toContain(
          'qualityGates.api.maxBodySize',
        );
      });
    });

    describe('internal errors', () => {
      it('never show what failed inside, and give an id to find it', async () => {
        // A table gone missing: the database's own error must stay inside.
        await plugin.knex.schema.renameTable('heartbeats', 'heartbeats_away');
        try {
          const response = await post(
            '/heartbeats',
            JSON.stringify({ entityRef: CHECKOUT, name: 'nightly-backup' }),
          );
          expect(response.status).toBe(500);
          expect(response.body.error.name).toBe('InternalError');
          expect(response.body.error.message).toMatch(
            /^The request failed inside the server; the error is logged with id [0-9a-f-]{36}$/,
          );
          expect(JSON.stringify(response.body.error)).not.toMatch(
            /heartbeats|relation|table|stack|insert/i,
          );
        } finally {
          await plugin.knex.schema.renameTable('heartbeats_away', 'heartbeats');
        }
      });
    });
  });
});
