import request from 'supertest';
import {
  BackendFeature,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { JsonObject } from '@backstage/types';
import { Deployment } from '@can-i-deploy/plugin-quality-gates-common';
import { qualityGatesCriterionSourcesExtensionPoint } from '@can-i-deploy/plugin-quality-gates-node';
import { DateTime } from 'luxon';
import { DeliveryEventWriter } from './delivery/DeliveryEventWriter';
import { DeploymentReport } from './delivery/DeliveryBatch';
import { qualityGatesPlugin } from './plugin';
import {
  capturePluginDatabase,
  CATALOG_FIXTURE,
  databasePerPlugin,
  STATIC_TOKEN,
  waitForCatalog,
} from './__testUtils__/testBackend';

// Integration tests: the plugin, the real catalog backend and a real database
// in one test backend, spoken to over HTTP. /deployments resolves entities
// through the catalog's REST API, so nothing about that lookup is mocked.

const CHECKOUT = 'component:default/checkout';

/**
 * A month of history for checkout: six versions promoted through three
 * environments, with a failure and a rollback along the way.
 */
const HISTORY: DeploymentReport[] = [1, 2, 3, 4, 5, 6].flatMap(minor =>
  ['development', 'staging', 'production'].map((environment, step) => {
    const startedAt = DateTime.fromISO('2026-10-20T08:00:00Z', {
      zone: 'utc',
    }).plus({ days: minor * 5, hours: step * 6 });
    let status: DeploymentReport['status'] = 'succeeded';
    if (minor === 3 && environment === 'staging') status = 'failed';
    if (minor === 5 && environment === 'production') status = 'rolled_back';
    return {
      source: 'test',
      externalId: `checkout-${environment}-1.${minor}.0`,
      entityRef: CHECKOUT,
      environment,
      version: `1.${minor}.0`,
      status,
      startedAt: startedAt.toISO()!,
      finishedAt: startedAt.plus({ minutes: 7 }).toISO()!,
    } as DeploymentReport;
  }),
);

/** Catalog config shared by every backend in this file. */
const baseConfig: JsonObject = {
  catalog: {
    rules: [{ allow: ['Component', 'Group', 'Location'] }],
    locations: [
      {
        type: 'file',
        target: CATALOG_FIXTURE,
      },
    ],
  },
};

/** A backend module that adds criterion sources through the extension point. */
function criterionSourceModule(moduleId: string, ...sourceIds: string[]) {
  return createBackendModule({
    pluginId: 'quality-gates',
    moduleId,
    register(reg) {
      reg.registerInit({
        deps: { sources: qualityGatesCriterionSourcesExtensionPoint },
        async init({ sources }) {
          sources.addCriterionSource(
            ...sourceIds.map(id => ({
              id,
              measure: async () => ({ value: null }),
            })),
          );
        },
      });
    },
  });
}

jest.setTimeout(60_000);

describe('quality-gates backend plugin', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    describe('with the catalog and mock credentials', () => {
      let backend: TestBackend;
      const database = capturePluginDatabase();
      const userHeader = mockCredentials.user.header();

      beforeAll(async () => {
        backend = await startTestBackend({
          features: [
            databasePerPlugin(databases, databaseId),
            mockServices.rootConfig.factory({ data: baseConfig }),
            catalogPlugin,
            qualityGatesPlugin,
            database.feature,
            criterionSourceModule('mlflow-source', 'mlflow'),
            criterionSourceModule('more-sources', 'http-check', 'argocd'),
          ],
        });
        await waitForCatalog(backend, userHeader);
        await new DeliveryEventWriter(database.knex()).write({
          deployments: HISTORY,
        });
      });

      afterAll(async () => {
        await backend?.stop();
      });

      function getDeployments(query: Record<string, string | number>) {
        return request(backend.server)
          .get('/api/quality-gates/deployments')
          .query(query)
          .set('Authorization', userHeader);
      }

      describe('GET /health', () => {
        it('answers without credentials, listing registered criterion sources', async () => {
          const response = await request(backend.server)
            .get('/api/quality-gates/health')
            .set('Authorization', mockCredentials.none.header());
          expect(response.status).toBe(200);
          // The built-in sources and those from both modules, sorted.
          expect(response.body).toEqual({
            status: 'ok',
            database: 'ok',
            criterionSources: [
              'argocd',
              'freeze',
              'heartbeat',
              'http-check',
              'mlflow',
              'pipeline',
              'readiness',
              'rollout',
              'trace',
              'wait-timer',
            ],
          });
        });
      });

      describe('GET /deployments', () => {
        it('requires credentials', async () => {
          const response = await request(backend.server)
            .get('/api/quality-gates/deployments')
            .query({ entityRef: CHECKOUT })
            .set('Authorization', mockCredentials.none.header());
          expect(response.status).toBe(401);
          expect(response.body.error.name).toBe('AuthenticationError');
        });

        it('returns the recorded history, newest first', async () => {
          const response = await getDeployments({ entityRef: CHECKOUT });
          expect(response.status).toBe(200);

          const items: Deployment[] = response.body.items;
          const expected = HISTORY;
          expect(response.body.entityRef).toBe(CHECKOUT);
          expect(response.body.totalCount).toBe(expected.length);
          expect(items.map(d => d.externalId).sort()).toEqual(
            expected.map(d => d.externalId).sort(),
          );
          expect(items.every(d => d.source === 'test')).toBe(true);
          const startTimes = items.map(d => d.startedAt);
          expect(startTimes).toEqual([...startTimes].sort().reverse());

          // One current version per environment, each a succeeded deployment.
          const current: Array<{ environment: string; deploymentId: string }> =
            response.body.currentVersions;
          expect(current.length).toBeGreaterThan(0);
          expect(new Set(current.map(v => v.environment)).size).toBe(
            current.length,
          );
          for (const version of current) {
            const deployment = items.find(d => d.id === version.deploymentId);
            expect(deployment).toMatchObject({
              status: 'succeeded',
              environment: version.environment,
            });
          }
        });

        it('accepts service credentials too', async () => {
          const response = await request(backend.server)
            .get('/api/quality-gates/deployments')
            .query({ entityRef: CHECKOUT, limit: 1 })
            .set('Authorization', mockCredentials.service.header());
          expect(response.status).toBe(200);
          expect(response.body.items).toHaveLength(1);
        });

        it('canonicalises the entity ref: any case, default namespace', async () => {
          for (const entityRef of [
            'Component:Default/Checkout',
            'component:checkout',
          ]) {
            const response = await getDeployments({ entityRef, limit: 1 });
            expect(response.status).toBe(200);
            expect(response.body.entityRef).toBe(CHECKOUT);
            expect(response.body.totalCount).toBeGreaterThan(0);
          }
        });

        it('returns an empty history for a catalog entity without deployments', async () => {
          const response = await getDeployments({
            entityRef: 'component:default/payments',
          });
          expect(response.status).toBe(200);
          expect(response.body).toEqual({
            entityRef: 'component:default/payments',
            items: [],
            totalCount: 0,
            currentVersions: [],
          });
        });

        it('answers 404 naming an entity the catalog does not have', async () => {
          const response = await getDeployments({
            entityRef: 'component:default/does-not-exist',
          });
          expect(response.status).toBe(404);
          expect(response.body.error.name).toBe('NotFoundError');
          expect(response.body.error.message).toContain(
            'component:default/does-not-exist',
          );
        });

        it('pages through the history without gaps or repeats', async () => {
          const all = await getDeployments({ entityRef: CHECKOUT, limit: 500 });
          expect(all.status).toBe(200);
          const allIds: string[] = all.body.items.map((d: Deployment) => d.id);

          const pagedIds: string[] = [];
          for (let offset = 0; offset < allIds.length; offset += 5) {
            const page = await getDeployments({
              entityRef: CHECKOUT,
              limit: 5,
              offset,
            });
            expect(page.status).toBe(200);
            expect(page.body.totalCount).toBe(allIds.length);
            expect(page.body.items.length).toBeLessThanOrEqual(5);
            pagedIds.push(...page.body.items.map((d: Deployment) => d.id));
          }
          expect(pagedIds).toEqual(allIds);
        });

        it('filters by environment and status', async () => {
          const response = await getDeployments({
            entityRef: CHECKOUT,
            environment: 'production',
            status: 'succeeded',
          });
          expect(response.status).toBe(200);
          expect(response.body.totalCount).toBeGreaterThan(0);
          expect(response.body.totalCount).toBe(response.body.items.length);
          for (const deployment of response.body.items as Deployment[]) {
            expect(deployment.environment).toBe('production');
            expect(deployment.status).toBe('succeeded');
          }
        });

        // The message must say what is wrong, so a script author can fix the call.
        it.each([
          [
            'a ref without a kind',
            { entityRef: 'not a ref' },
            "Invalid entityRef 'not a ref': expected kind:namespace/name",
          ],
          [
            'a ref without a name',
            { entityRef: 'component:' },
            "Invalid entityRef 'component:': expected kind:namespace/name",
          ],
          [
            'a missing entityRef',
            {},
            "must have required property 'entityRef'",
          ],
          [
            'a limit above 500',
            { entityRef: CHECKOUT, limit: 501 },
            'limit must be <= 500',
          ],
          [
            'a limit of 0',
            { entityRef: CHECKOUT, limit: 0 },
            'limit must be >= 1',
          ],
          [
            'a limit that is not a number',
            { entityRef: CHECKOUT, limit: 'ten' },
            'limit must be integer',
          ],
          [
            'a negative offset',
            { entityRef: CHECKOUT, offset: -1 },
            'offset must be >= 0',
          ],
          [
            'an unknown status',
            { entityRef: CHECKOUT, status: 'exploded' },
            'status must be equal to one of the allowed values: in_progress, succeeded, failed, rolled_back',
          ],
        ])('answers 400 for %s', async (_case, query, message) => {
          const response = await getDeployments(query);
          expect(response.status).toBe(400);
          expect(response.body.error.message).toContain(message);
        });
      });
    });

    describe('with real authentication and a static external access token', () => {
      let backend: TestBackend;
      const database = capturePluginDatabase();

      beforeAll(async () => {
        // The default auth services of a production backend instead of the
        // mocks: tokens are verified for real, and the plugin calls the
        // catalog with a real plugin-to-plugin token on the caller's behalf.
        backend = await startTestBackend({
          features: [
            databasePerPlugin(databases, databaseId),
            mockServices.rootConfig.factory({
              data: {
                ...baseConfig,
                backend: {
                  auth: {
                    externalAccess: [
                      {
                        type: 'static',
                        options: {
                          token: STATIC_TOKEN,
                          subject: 'ci-pipelines',
                        },
                      },
                    ],
                  },
                },
              },
            }),
            authServiceFactory,
            httpAuthServiceFactory,
            catalogPlugin,
            qualityGatesPlugin,
            database.feature,
          ],
        });
        await waitForCatalog(backend, `Bearer ${STATIC_TOKEN}`);
        await new DeliveryEventWriter(database.knex()).write({
          deployments: HISTORY,
        });
      });

      afterAll(async () => {
        await backend?.stop();
      });

      it('serves /health without any Authorization header', async () => {
        const response = await request(backend.server).get(
          '/api/quality-gates/health',
        );
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          status: 'ok',
          database: 'ok',
          criterionSources: [
            'freeze',
            'heartbeat',
            'pipeline',
            'readiness',
            'rollout',
            'trace',
            'wait-timer',
          ],
        });
      });

      it('rejects /deployments without a token or with a wrong one', async () => {
        const anonymous = await request(backend.server)
          .get('/api/quality-gates/deployments')
          .query({ entityRef: CHECKOUT });
        expect(anonymous.status).toBe(401);

        const wrong = await request(backend.server)
          .get('/api/quality-gates/deployments')
          .query({ entityRef: CHECKOUT })
          .set('Authorization', 'Bearer not-the-configured-token');
        expect(wrong.status).toBe(401);
      });

      it('accepts the static token and looks the entity up in the catalog', async () => {
        const found = await request(backend.server)
          .get('/api/quality-gates/deployments')
          .query({ entityRef: CHECKOUT, limit: 3 })
          .set('Authorization', `Bearer ${STATIC_TOKEN}`);
        expect(found.status).toBe(200);
        expect(found.body.entityRef).toBe(CHECKOUT);
        expect(found.body.items).toHaveLength(3);
        expect(found.body.totalCount).toBe(HISTORY.length);

        // The catalog verified our plugin token: a missing entity is a 404,
        // not an authentication failure on the way to the catalog.
        const missing = await request(backend.server)
          .get('/api/quality-gates/deployments')
          .query({ entityRef: 'component:default/does-not-exist' })
          .set('Authorization', `Bearer ${STATIC_TOKEN}`);
        expect(missing.status).toBe(404);
        expect(missing.body.error.message).toContain(
          'component:default/does-not-exist',
        );
      });
    });

    describe('criterion sources extension point', () => {
      // These do not need the catalog: startup fails before any lookup.
      async function startWith(...modules: BackendFeature[]) {
        return startTestBackend({
          features: [
            databasePerPlugin(databases, databaseId),
            mockServices.rootConfig.factory({ data: {} }),
            qualityGatesPlugin,
            ...modules,
          ],
        });
      }

      it('fails startup when two modules register the same source id', async () => {
        await expect(
          startWith(
            criterionSourceModule('first', 'prometheus'),
            criterionSourceModule('second', 'prometheus'),
          ),
        ).rejects.toThrow(
          /Criterion source 'prometheus' is already registered/,
        );
      });

      it('fails startup when one module registers an id twice', async () => {
        await expect(
          startWith(criterionSourceModule('twice', 'http-check', 'http-check')),
        ).rejects.toThrow(
          /Criterion source 'http-check' is already registered/,
        );
      });
    });
  });
});
