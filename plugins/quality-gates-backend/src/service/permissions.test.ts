import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Knex } from 'knex';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  waitForCatalog,
} from '../__testUtils__/testBackend';
import {
  ALLOW,
  DENY,
  PERMISSIONS_ENABLED,
  RESTRICTED_CATALOG,
  realPermissions,
  restrictedEntitiesDecision,
  TestPolicy,
} from '../__testUtils__/permissionBackend';

// Who may write, over HTTP on a real test backend with the real catalog and
// the production permissions service: users as a permission policy decides
// (here the real permission backend, with catalog conditions applied by the
// catalog), service tokens as their access restrictions say.

jest.setTimeout(120_000);

const CHECKOUT = 'component:default/checkout';
const VAULT = 'component:default/vault';
const PLATFORM_TEAM = 'group:default/platform-team';
/** Owns checkout (checkout team). */
const OWNER = 'user:default/owner';
/** Sees checkout but owns vault, not checkout. */
const STRANGER = 'user:default/stranger';
/** A member of the platform team. */
const PLATFORM = 'user:default/platform';

/**
 * The platform team may do everything; owners of an entity may do what is
 * scoped to it (a catalog condition the catalog checks against the entity);
 * other users may not write, nor send events.
 */
const policy: TestPolicy = async (query, user) => {
  const visibility = restrictedEntitiesDecision(query, user);
  if (visibility) return visibility;
  if (!query.permission.name.startsWith('quality-gates.')) return ALLOW;
  if (user?.ownershipEntityRefs.includes(PLATFORM_TEAM)) return ALLOW;
  if (isResourcePermission(query.permission, 'catalog-entity')) {
    return createCatalogConditionalDecision(
      query.permission,
      catalogConditions.isEntityOwner({
        claims: user?.ownershipEntityRefs ?? [],
      }),
    );
  }
  return DENY;
};

const GATES = {
  definitions: [
    {
      id: 'release-checks',
      title: 'Release checks',
      appliesTo: { kind: 'Component' },
      environments: ['production'],
      criteria: [
        {
          key: 'freeze',
          title: 'Outside the new-year freeze',
          source: 'freeze',
          windows: [
            { cron: '0 0 1 1 *', duration: { seconds: 1 }, timeZone: 'UTC' },
          ],
        },
      ],
    },
  ],
};

function deployment(name = 'checkout') {
  return {
    serviceName: name,
    externalId: `deploy-${randomUUID()}`,
    environment: 'production',
    version: '1.0.0',
    status: 'succeeded',
    startedAt: '2026-11-24T10:00:00Z',
  };
}

const OVERRIDE = {
  verdict: 'pass',
  reason: 'Known noisy dependency, fix rolling out (INC-7)',
};
const expiresSoon = () => new Date(Date.now() + 3_600_000).toISOString();

/** Every ingest route with a body it would accept. */
const INGEST: Array<[string, string, string]> = [
  ['/deployments', 'application/json', JSON.stringify(deployment())],
  [
    '/incidents',
    'application/json',
    JSON.stringify({
      serviceName: 'checkout',
      externalId: 'INC-1',
      openedAt: '2026-11-24T10:00:00Z',
    }),
  ],
  [
    '/heartbeats',
    'application/json',
    JSON.stringify({ serviceName: 'checkout', name: 'smoke' }),
  ],
  ['/events/cdevents', 'application/cloudevents+json', '{}'],
  ['/v1/traces', 'application/json', JSON.stringify({ resourceSpans: [] })],
];

async function countDeliveryRows(knex: Knex) {
  const counts = await Promise.all(
    ['deployments', 'incidents', 'heartbeats', 'spans'].map(async table =>
      Number((await knex(table).count({ n: '*' }))[0].n),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

describe('writes need permissions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    describe('users, as the permission policy decides', () => {
      let backend: TestBackend;
      const database = capturePluginDatabase();

      const post = (user: string, route: string, body: object = {}) =>
        request(backend.server)
          .post(`/api/quality-gates${route}`)
          .set('Authorization', mockCredentials.user.header(user))
          .send(body);

      beforeAll(async () => {
        backend = await startQualityGatesBackend({
          databases,
          databaseId,
          catalogFixture: RESTRICTED_CATALOG,
          config: { ...PERMISSIONS_ENABLED, qualityGates: { gates: GATES } },
          features: [
            database.feature,
            ...realPermissions({
              policy,
              memberships: {
                [OWNER]: ['group:default/checkout-team'],
                [STRANGER]: ['group:default/vault-team'],
                [PLATFORM]: [PLATFORM_TEAM],
              },
            }),
          ],
        });
        await waitForCatalog(backend, mockCredentials.user.header(STRANGER), [
          'checkout',
          'vault',
        ]);
      });

      afterAll(async () => {
        await backend?.stop();
      });

      const evaluate = (user: string, entityRef = CHECKOUT) =>
        post(user, '/gates/evaluate', {
          entityRef,
          environment: 'production',
          version: `1.0.${randomUUID()}`,
        });

      it('evaluating a gate: its owners and the platform team, nobody else', async () => {
        expect((await evaluate(OWNER)).status).toBe(200);
        expect((await evaluate(PLATFORM)).status).toBe(200);
        const denied = await evaluate(STRANGER);
        expect(denied.status).toBe(403);
        expect(denied.body.error).toEqual({
          name: 'NotAllowedError',
          message: `Not allowed: this needs the quality-gates.gate.evaluate permission on ${CHECKOUT}`,
        });
        // An entity the caller cannot see stays hidden: 404, not 403.
        expect((await evaluate(OWNER, VAULT)).status).toBe(404);
        expect((await evaluate(STRANGER, VAULT)).status).toBe(200);
      });

      it('overriding a verdict: only for the entity its owner group owns, or the platform team', async () => {
        const evaluation = (await evaluate(PLATFORM)).body.evaluations[0];
        const route = `/gates/evaluations/${evaluation.id}/override`;
        const denied = await post(STRANGER, route, {
          ...OVERRIDE,
          expiresAt: expiresSoon(),
        });
        expect(denied.status).toBe(403);
        expect(denied.body.error.message).toMatch(
          /quality-gates\.gate\.override permission/,
        );
        const stored = await database
          .knex()('gate_overrides')
          .where({ evaluation_id: evaluation.id });
        expect(stored).toEqual([]);

        const granted = await post(OWNER, route, {
          ...OVERRIDE,
          expiresAt: expiresSoon(),
        });
        expect(granted.status).toBe(201);
        expect(granted.body.override).toMatchObject({ createdBy: OWNER });
        expect(
          (
            await post(PLATFORM, route, {
              ...OVERRIDE,
              expiresAt: expiresSoon(),
            })
          ).status,
        ).toBe(201);
      });

      it('evaluating readiness now and granting or revoking exemptions: owners and the platform team', async () => {
        const evaluateReadiness = (user: string) =>
          request(backend.server)
            .post('/api/quality-gates/readiness/entity/evaluate')
            .query({ entityRef: CHECKOUT })
            .set('Authorization', mockCredentials.user.header(user));
        expect((await evaluateReadiness(OWNER)).status).toBe(200);
        const denied = await evaluateReadiness(STRANGER);
        expect(denied.status).toBe(403);
        expect(denied.body.error.message).toMatch(
          /quality-gates\.readiness\.evaluate permission/,
        );

        const { body: checks } = await request(backend.server)
          .get('/api/quality-gates/readiness/checks')
          .set('Authorization', mockCredentials.user.header(OWNER));
        const exemption = {
          entityRef: CHECKOUT,
          checkId: checks.checks[0].id,
          reason: 'Decommissioned next week, see the migration plan',
          expiresAt: expiresSoon(),
        };
        const refused = await post(
          STRANGER,
          '/readiness/exemptions',
          exemption,
        );
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toMatch(
          /quality-gates\.readiness\.exemption\.create permission/,
        );
        const granted = await post(OWNER, '/readiness/exemptions', exemption);
        expect(granted.status).toBe(201);
        const revoke = `/readiness/exemptions/${granted.body.id}/revoke`;
        const notRevoked = await post(STRANGER, revoke);
        expect(notRevoked.status).toBe(403);
        expect(notRevoked.body.error.message).toMatch(
          /quality-gates\.readiness\.exemption\.revoke permission/,
        );
        expect((await post(OWNER, revoke)).status).toBe(200);
      });

      it.each(INGEST)(
        'POST %s: users without quality-gates.events.create get 403 before the body is read',
        async (route, contentType, body) => {
          const before = await countDeliveryRows(database.knex());
          const send = (user: string, payload: string) =>
            request(backend.server)
              .post(`/api/quality-gates${route}`)
              .set('Authorization', mockCredentials.user.header(user))
              .set('Content-Type', contentType)
              .send(payload);
          const denied = await send(OWNER, body);
          expect(denied.status).toBe(403);
          expect(denied.body.error.message).toBe(
            'Not allowed: this needs the quality-gates.events.create permission',
          );
          // Far over the body limit: refused before it is read, not 413.
          expect((await send(OWNER, 'x'.repeat(6 * 1024 * 1024))).status).toBe(
            403,
          );
          expect(await countDeliveryRows(database.knex())).toBe(before);
          expect((await send(PLATFORM, body)).status).not.toBe(403);
        },
      );

      it('listing unresolved events needs quality-gates.events.create', async () => {
        const list = (user: string) =>
          request(backend.server)
            .get('/api/quality-gates/ingest/unresolved')
            .set('Authorization', mockCredentials.user.header(user));
        expect((await list(OWNER)).status).toBe(403);
        expect((await list(PLATFORM)).status).toBe(200);
      });
    });

    describe('service tokens, as their access restrictions say', () => {
      let backend: TestBackend;
      const READ_ONLY = 'read-only-token-for-dashboards';
      const CI = 'ci-token-ingest-and-evaluate';
      const ADMIN = 'admin-token-without-restrictions';

      const call = (
        token: string,
        method: 'get' | 'post',
        route: string,
        body?: object,
      ) => {
        const req = request(backend.server)
          [method](`/api/quality-gates${route}`)
          .set('Authorization', `Bearer ${token}`);
        return body ? req.send(body) : req;
      };

      beforeAll(async () => {
        backend = await startQualityGatesBackend({
          databases,
          databaseId,
          realAuth: true,
          catalogFixture: RESTRICTED_CATALOG,
          config: {
            ...PERMISSIONS_ENABLED,
            qualityGates: { gates: GATES },
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token: READ_ONLY, subject: 'dashboards' },
                    accessRestrictions: [
                      {
                        plugin: 'quality-gates',
                        permissionAttribute: { action: ['read'] },
                      },
                    ],
                  },
                  {
                    type: 'static',
                    options: { token: CI, subject: 'ci-pipelines' },
                    accessRestrictions: [
                      {
                        plugin: 'quality-gates',
                        permission: [
                          'quality-gates.events.create',
                          'quality-gates.gate.evaluate',
                        ],
                      },
                    ],
                  },
                  {
                    type: 'static',
                    options: { token: ADMIN, subject: 'admin' },
                  },
                ],
              },
            },
          },
          // The production permissions service: it decides for service
          // principals itself, from their restrictions (no policy asked).
          features: [permissionsServiceFactory],
        });
        await waitForCatalog(backend, `Bearer ${ADMIN}`, ['checkout']);
      });

      afterAll(async () => {
        await backend?.stop();
      });

      const evaluation = {
        entityRef: CHECKOUT,
        environment: 'production',
        version: '1.0.0',
      };

      it('a token limited to read actions reads, but every write is 403', async () => {
        expect(
          (await call(READ_ONLY, 'get', `/deployments?entityRef=${CHECKOUT}`))
            .status,
        ).toBe(200);

        const evaluated = await call(
          ADMIN,
          'post',
          '/gates/evaluate',
          evaluation,
        );
        expect(evaluated.status).toBe(200);
        const { body: checks } = await call(ADMIN, 'get', '/readiness/checks');
        const exemption = await call(ADMIN, 'post', '/readiness/exemptions', {
          entityRef: CHECKOUT,
          checkId: checks.checks[0].id,
          reason: 'Decommissioned next week, see the migration plan',
          expiresAt: expiresSoon(),
        });
        expect(exemption.status).toBe(201);

        const writes: Array<[string, object]> = [
          ['/deployments', deployment()],
          [
            '/incidents',
            {
              serviceName: 'checkout',
              externalId: 'INC-2',
              openedAt: '2026-11-24T10:00:00Z',
            },
          ],
          ['/heartbeats', { serviceName: 'checkout', name: 'smoke' }],
          ['/events/cdevents', {}],
          ['/v1/traces', { resourceSpans: [] }],
          ['/gates/evaluate', evaluation],
          [
            `/gates/evaluations/${evaluated.body.evaluations[0].id}/override`,
            { ...OVERRIDE, expiresAt: expiresSoon() },
          ],
          [`/readiness/entity/evaluate?entityRef=${CHECKOUT}`, {}],
          [
            '/readiness/exemptions',
            {
              entityRef: CHECKOUT,
              checkId: checks.checks[1].id,
              reason: 'Decommissioned next week, see the migration plan',
              expiresAt: expiresSoon(),
            },
          ],
          [`/readiness/exemptions/${exemption.body.id}/revoke`, {}],
        ];
        for (const [route, body] of writes) {
          const response = await call(READ_ONLY, 'post', route, body);
          expect({ route, status: response.status }).toEqual({
            route,
            status: 403,
          });
          expect(response.body.error.message).toMatch(
            /needs the quality-gates\.[a-z.]+ permission/,
          );
        }
      });

      it('a token limited to events.create and gate.evaluate ingests and evaluates, nothing more', async () => {
        const deployed = await call(CI, 'post', '/deployments', deployment());
        expect(deployed.status).toBe(200);
        expect(deployed.body.items[0].entityRef).toBe(CHECKOUT);
        expect(
          (
            await call(CI, 'post', '/heartbeats', {
              serviceName: 'checkout',
              name: 'smoke',
            })
          ).status,
        ).toBe(200);
        const evaluated = await call(CI, 'post', '/gates/evaluate', evaluation);
        expect(evaluated.status).toBe(200);

        const override = await call(
          CI,
          'post',
          `/gates/evaluations/${evaluated.body.evaluations[0].id}/override`,
          { ...OVERRIDE, expiresAt: expiresSoon() },
        );
        expect(override.status).toBe(403);
        expect(
          (
            await call(
              CI,
              'post',
              `/readiness/entity/evaluate?entityRef=${CHECKOUT}`,
              {},
            )
          ).status,
        ).toBe(403);
      });
    });
  });
});
