import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Knex } from 'knex';
import { TestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { timestampFromDatabase } from '../../database/timestamps';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  STATIC_TOKEN,
  waitForCatalog,
} from '../../__testUtils__/testBackend';
import { cdEvent, structured } from '../cdevents/__fixtures__/cdEvents';

// The plain JSON API over HTTP, as a deploy script or incident tool calls
// it with a static token. Real catalog (the CDEvents folder's fixture: the
// checkout component answers to `checkout-svc` and `example-corp/checkout`),
// real auth, real databases; rows are checked in the plugin's own database.

const CATALOG = path.resolve(
  __dirname,
  '../cdevents/__fixtures__/catalog.yaml',
);
const CHECKOUT = 'component:default/checkout';
const SHA_1 = '1'.repeat(40);
const SHA_2 = '2'.repeat(40);

function deployment(overrides: Record<string, unknown> = {}) {
  return {
    serviceName: 'checkout-svc',
    externalId: `deploy-${randomUUID()}`,
    environment: 'production',
    version: '1.4.0',
    status: 'succeeded',
    startedAt: '2026-11-24T10:00:00Z',
    finishedAt: '2026-11-24T10:04:30Z',
    ...overrides,
  };
}

jest.setTimeout(60_000);

describe('JSON ingest API', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let knex: Knex;
    const database = capturePluginDatabase();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        realAuth: true,
        catalogFixture: CATALOG,
        config: { qualityGates: { ingest: { maxBodySize: '32kb' } } },
        features: [database.feature],
      });
      await waitForCatalog(backend, `Bearer ${STATIC_TOKEN}`);
      knex = database.knex();
    });

    afterAll(async () => {
      await backend?.stop();
    });

    function post(
      route: string,
      body: unknown,
      token: string | null = STATIC_TOKEN,
    ) {
      const call = request(backend.server).post(`/api/quality-gates${route}`);
      if (token) {
        call.set('Authorization', `Bearer ${token}`);
      }
      return typeof body === 'string'
        ? call.set('Content-Type', 'application/json').send(body)
        : call.send(body as object);
    }

    async function apiRows(table: 'deployments' | 'incidents') {
      return knex(table).where('source', 'api').orderBy('id');
    }

    describe('POST /deployments', () => {
      it('stores one deployment and answers what it stored', async () => {
        const sent = deployment({
          artifact: 'pkg:oci/checkout@sha256%3Aabc',
          actor: 'release-bot',
          url: 'https://ci.example-corp.dev/deploys/1',
          description: 'Release 1.4.0',
          changes: [
            {
              repository: 'https://github.com/Example-Corp/checkout.git',
              sha: SHA_1,
            },
            { repository: 'github.com/example-corp/checkout', sha: SHA_2 },
          ],
        });
        const response = await post('/deployments', sent);
        expect(response.status).toBe(200);
        const row = await knex('deployments')
          .where({ source: 'api', external_id: sent.externalId })
          .first();
        expect(response.body).toEqual({
          items: [
            {
              id: row.id,
              source: 'api',
              externalId: sent.externalId,
              entityRef: CHECKOUT,
              entityHint: 'service.name=checkout-svc',
              status: 'succeeded',
              pipelineRunId: null,
              resolved: true,
            },
          ],
          unresolved: 0,
        });
        expect(row).toMatchObject({
          entity_ref: CHECKOUT,
          environment: 'production',
          version: '1.4.0',
          artifact: 'pkg:oci/checkout@sha256%3Aabc',
          actor: 'release-bot',
          url: 'https://ci.example-corp.dev/deploys/1',
          description: 'Release 1.4.0',
        });
        expect(timestampFromDatabase(row.finished_at)).toBe(
          '2026-11-24T10:04:30.000Z',
        );
        expect(
          await knex('deployment_changes')
            .where('deployment_id', row.id)
            .orderBy('sha')
            .select('repository', 'sha'),
        ).toEqual([
          { repository: 'github.com/example-corp/checkout', sha: SHA_1 },
          { repository: 'github.com/example-corp/checkout', sha: SHA_2 },
        ]);

        const read = await request(backend.server)
          .get('/api/quality-gates/deployments')
          .query({ entityRef: CHECKOUT })
          .set('Authorization', `Bearer ${STATIC_TOKEN}`);
        expect(
          read.body.items.map((d: { externalId: string }) => d.externalId),
        ).toContain(sent.externalId);
      });

      it('resolves each item by entity ref, service name or repository, keeping unknown ones', async () => {
        const items = [
          deployment({
            serviceName: undefined,
            entityRef: 'Component:Default/Payments',
          }),
          deployment({
            serviceName: undefined,
            repositorySlug: 'example-corp/checkout',
          }),
          deployment({ serviceName: 'checkout' }),
          deployment({ serviceName: 'ghost-service' }),
          deployment({
            serviceName: undefined,
            entityRef: 'component:default/ghost',
          }),
        ];
        const response = await post('/deployments', { items });
        expect(response.status).toBe(200);
        expect(
          response.body.items.map(
            (item: {
              entityRef: string | null;
              resolved: boolean;
              entityHint: string;
            }) => [item.entityRef, item.resolved, item.entityHint],
          ),
        ).toEqual([
          [
            'component:default/payments',
            true,
            'entityRef=Component:Default/Payments',
          ],
          [CHECKOUT, true, 'github.com/project-slug=example-corp/checkout'],
          [CHECKOUT, true, 'service.name=checkout'],
          [null, false, 'service.name=ghost-service'],
          [null, false, 'entityRef=component:default/ghost'],
        ]);
        expect(response.body.unresolved).toBe(2);
        const stored = await knex('deployments')
          .whereIn(
            'external_id',
            items.map(item => item.externalId),
          )
          .whereNull('entity_ref');
        expect(stored).toHaveLength(2);
      });

      it('updates a resent deployment in place', async () => {
        const sent = deployment({
          status: 'in_progress',
          finishedAt: undefined,
        });
        const first = await post('/deployments', sent);
        const second = await post('/deployments', {
          ...sent,
          status: 'failed',
          finishedAt: '2026-11-24T10:09:00Z',
        });
        expect(second.body.items[0].id).toBe(first.body.items[0].id);
        expect(second.body.items[0].status).toBe('failed');
        // A late "in progress" does not reopen it.
        const late = await post('/deployments', sent);
        expect(late.body.items[0].status).toBe('failed');
        expect(
          await knex('deployments').where({
            source: 'api',
            external_id: sent.externalId,
          }),
        ).toHaveLength(1);
      });

      it('links the pipeline run that performed it, when that run is known', async () => {
        const run = cdEvent('pipelineRunFinished', {
          id: randomUUID(),
          subjectId: `run-${randomUUID()}`,
        });
        expect((await send(structured(run))).status).toBe(200);
        const runRow = await knex('pipeline_runs')
          .where({
            source: 'cdevents',
            external_id: `/tekton/ci-cluster/${run.subject.id}`,
          })
          .first();

        const response = await post('/deployments', {
          items: [
            deployment({
              pipelineRun: {
                source: 'cdevents',
                externalId: `/tekton/ci-cluster/${run.subject.id}`,
              },
            }),
            deployment({
              pipelineRun: { source: 'jenkins', externalId: 'never-reported' },
            }),
          ],
        });
        expect(response.status).toBe(200);
        expect(
          response.body.items.map(
            (item: { pipelineRunId: string | null }) => item.pipelineRunId,
          ),
        ).toEqual([runRow.id, null]);
      });

      function send(message: {
        headers: Record<string, string>;
        body: string;
      }) {
        return request(backend.server)
          .post('/api/quality-gates/events/cdevents')
          .set(message.headers)
          .set('Authorization', `Bearer ${STATIC_TOKEN}`)
          .send(message.body);
      }
    });

    describe('POST /incidents', () => {
      it('stores an incident with its explicit cause, labels and times', async () => {
        const cause = deployment();
        const deployed = await post('/deployments', cause);
        const sent = {
          externalId: `INC-${randomUUID()}`,
          repositorySlug: 'example-corp/checkout',
          environment: 'production',
          severity: 'critical',
          title: 'Checkout latency',
          description: 'p99 above 800ms',
          url: 'https://tickets.example-corp.dev/INC-2207',
          openedAt: '2026-11-24T10:20:00+01:00',
          resolvedAt: '2026-11-24T09:45:00Z',
          causedByDeployment: { source: 'api', externalId: cause.externalId },
          labels: { team: 'checkout', pager: 'yes' },
        };
        const response = await post('/incidents', sent);
        expect(response.status).toBe(200);
        const row = await knex('incidents')
          .where({ source: 'api', external_id: sent.externalId })
          .first();
        expect(response.body).toEqual({
          items: [
            {
              id: row.id,
              source: 'api',
              externalId: sent.externalId,
              entityRef: CHECKOUT,
              entityHint: 'github.com/project-slug=example-corp/checkout',
              causedByDeploymentId: deployed.body.items[0].id,
              resolved: true,
            },
          ],
          unresolved: 0,
        });
        expect(row).toMatchObject({
          environment: 'production',
          severity: 'critical',
          title: 'Checkout latency',
          description: 'p99 above 800ms',
        });
        expect(JSON.parse(row.labels)).toEqual({
          team: 'checkout',
          pager: 'yes',
        });
        expect(timestampFromDatabase(row.opened_at)).toBe(
          '2026-11-24T09:20:00.000Z',
        );
        expect(timestampFromDatabase(row.resolved_at)).toBe(
          '2026-11-24T09:45:00.000Z',
        );
      });

      it('keeps an incident whose cause or entity is unknown, and says so', async () => {
        const response = await post('/incidents', {
          externalId: `INC-${randomUUID()}`,
          serviceName: 'ghost-service',
          openedAt: '2026-11-24T10:20:00Z',
          causedByDeployment: { source: 'api', externalId: 'never-reported' },
        });
        expect(response.status).toBe(200);
        expect(response.body.items[0]).toMatchObject({
          entityRef: null,
          resolved: false,
          causedByDeploymentId: null,
        });
        expect(response.body.unresolved).toBe(1);
      });

      it('resolves a reported incident when it is sent again', async () => {
        const sent = {
          externalId: `INC-${randomUUID()}`,
          serviceName: 'checkout-svc',
          openedAt: '2026-11-24T10:20:00Z',
        };
        await post('/incidents', sent);
        await post('/incidents', {
          ...sent,
          resolvedAt: '2026-11-24T11:00:00Z',
        });
        const rows = await knex('incidents').where({
          source: 'api',
          external_id: sent.externalId,
        });
        expect(rows).toHaveLength(1);
        expect(timestampFromDatabase(rows[0].resolved_at)).toBe(
          '2026-11-24T11:00:00.000Z',
        );
      });
    });

    describe('refuses, storing nothing,', () => {
      /** The test body, then proof that the refused request stored nothing. */
      const storingNothing = (test: () => Promise<void>) => async () => {
        const rows = async () => ({
          deployments: await apiRows('deployments'),
          incidents: await apiRows('incidents'),
        });
        const before = await rows();
        await test();
        expect(await rows()).toEqual(before);
      };

      it.each(['/deployments', '/incidents'])(
        '%s without a token or with a wrong one (401)',
        route =>
          storingNothing(async () => {
            expect((await post(route, deployment(), null)).status).toBe(401);
            expect(
              (await post(route, deployment(), 'not-the-token')).status,
            ).toBe(401);
          })(),
      );

      it(
        'a batch with one bad item, listing every bad field by its path (400)',
        storingNothing(async () => {
          const response = await post('/deployments', {
            items: [
              deployment(),
              deployment(),
              deployment({
                environment: undefined,
                status: 'done',
                serviceName: undefined,
              }),
            ],
          });
          expect(response.status).toBe(400);
          expect(response.body.error).toEqual({
            name: 'InputError',
            message:
              "Invalid deployments: items.2.environment: Required; items.2.status: Invalid enum value. Expected 'in_progress' | 'succeeded' | 'failed' | 'rolled_back', received 'done'; items.2: one of entityRef, serviceName or repositorySlug is required",
          });
        }),
      );

      it(
        'an incident with bad fields (400)',
        storingNothing(async () => {
          const response = await post('/incidents', {
            externalId: 'x',
            entityRef: 'component:',
            openedAt: 'now',
            severity: '',
          });
          expect(response.status).toBe(400);
          expect(response.body.error.message).toBe(
            'Invalid incidents: entityRef: expected an entity ref like component:default/checkout; severity: String must contain at least 1 character(s); openedAt: expected an ISO 8601 timestamp with a time zone, e.g. 2026-11-24T10:15:00Z',
          );
        }),
      );

      it(
        'malformed JSON (400)',
        storingNothing(async () => {
          const response = await post('/deployments', '{"externalId": ');
          expect(response.status).toBe(400);
          expect(response.body.error.message).toMatch(
            /^The body is not valid JSON: /,
          );
        }),
      );

      it(
        'a body over the size limit (413)',
        storingNothing(async () => {
          const response = await post('/deployments', {
            items: Array.from({ length: 200 }, () => deployment()),
          });
          expect(response.status).toBe(413);
        }),
      );
    });
  });
});
