import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
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
} from '../__testUtils__/permissionBackend';

// Every read and list endpoint as a user who cannot see an entity: the real
// catalog, the real permission backend with a policy that hides the
// restricted `vault` from everyone but its owners, and rows for vault and
// the open `checkout` written through the API by a service. Hidden rows are
// absent from direct reads (404, without naming the entity), lists, totals,
// facets, roll-ups and CSV exports; vault's owner still sees them.

jest.setTimeout(120_000);

const CHECKOUT = 'component:default/checkout';
const VAULT = 'component:default/vault';
/** A member of the checkout team: cannot see vault. */
const OUTSIDER = 'user:default/outsider';
/** A member of the vault team: sees everything. */
const KEEPER = 'user:default/keeper';

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

function spansOf(serviceName: string, traceId: string) {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: serviceName } },
          ],
        },
        scopeSpans: [
          {
            spans: [
              {
                traceId,
                spanId: '1111111111111111',
                name: 'build',
                startTimeUnixNano: '1763899200000000000',
                endTimeUnixNano: '1763899201000000000',
              },
            ],
          },
        ],
      },
    ],
  };
}

/** A period around now, for gate effectiveness. */
const PERIOD = {
  from: new Date(Date.now() - 86_400_000).toISOString(),
  to: new Date(Date.now() + 86_400_000).toISOString(),
};

/** Arranging through the API must work; a test-only assertion. */
function arranged(response: request.Response, status: number) {
  if (response.status !== status) {
    throw new Error(
      `Arranging failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
}

const TRACE = {
  checkout: 'c0000000000000000000000000000001',
  vault: 'f0000000000000000000000000000002',
  ghost: 'a0000000000000000000000000000003',
};

describe('what a caller cannot see, no endpoint shows', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let vaultDeploymentId: string;
    let vaultEvaluationId: string;
    let checkoutEvaluationId: string;

    const as = (user: string) => ({
      get: (route: string, query: Record<string, string | number> = {}) =>
        request(backend.server)
          .get(`/api/quality-gates${route}`)
          .query(query)
          .set('Authorization', mockCredentials.user.header(user)),
    });
    const outsider = as(OUTSIDER);
    const keeper = as(KEEPER);

    /** Arranges through the API, as a service (no access restrictions). */
    const service = {
      post: (route: string, body: object, query: Record<string, string> = {}) =>
        request(backend.server)
          .post(`/api/quality-gates${route}`)
          .query(query)
          .set('Authorization', mockCredentials.service.header())
          .send(body),
    };

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        catalogFixture: RESTRICTED_CATALOG,
        config: {
          ...PERMISSIONS_ENABLED,
          qualityGates: { gates: GATES },
        },
        features: realPermissions({
          memberships: {
            [OUTSIDER]: ['group:default/checkout-team'],
            [KEEPER]: ['group:default/vault-team'],
          },
          // Users may read what they can see; only services send events.
          policy: async (request_, user) =>
            restrictedEntitiesDecision(request_, user) ??
            (request_.permission.name === 'quality-gates.events.create'
              ? DENY
              : ALLOW),
        }),
      });
      await waitForCatalog(backend, mockCredentials.user.header(KEEPER), [
        'checkout',
        'vault',
      ]);

      const deployed = await service.post('/deployments', {
        items: ['checkout', 'vault', 'ghost'].map(name => ({
          serviceName: name,
          externalId: `deploy-${name}-${randomUUID()}`,
          environment: 'production',
          version: '1.0.0',
          status: 'succeeded',
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          finishedAt: new Date(Date.now() - 3_000_000).toISOString(),
        })),
      });
      arranged(deployed, 200);
      vaultDeploymentId = deployed.body.items[1].id;

      const incidents = await service.post('/incidents', {
        items: ['checkout', 'vault'].map(name => ({
          serviceName: name,
          externalId: `incident-${name}-${randomUUID()}`,
          environment: 'production',
          openedAt: new Date(Date.now() - 1_000_000).toISOString(),
        })),
      });
      arranged(incidents, 200);

      for (const [name, traceId] of Object.entries(TRACE)) {
        const traced = await service.post('/v1/traces', spansOf(name, traceId));
        arranged(traced, 200);
      }

      // One evaluation of checkout, two of vault (the newest).
      const evaluated = [];
      for (const [entityRef, version] of [
        [CHECKOUT, '1.0.0'],
        [VAULT, '1.0.0'],
        [VAULT, '1.0.1'],
      ]) {
        const response = await service.post('/gates/evaluate', {
          entityRef,
          environment: 'production',
          version,
        });
        arranged(response, 200);
        evaluated.push(response.body.evaluations[0].id);
      }
      [checkoutEvaluationId, vaultEvaluationId] = [evaluated[0], evaluated[1]];

      const { body: checks } = await request(backend.server)
        .get('/api/quality-gates/readiness/checks')
        .set('Authorization', mockCredentials.service.header());
      for (const entityRef of [CHECKOUT, VAULT]) {
        const readiness = await service.post(
          '/readiness/entity/evaluate',
          {},
          { entityRef },
        );
        arranged(readiness, 200);
        const exemption = await service.post('/readiness/exemptions', {
          entityRef,
          checkId: checks.checks[0].id,
          reason: 'Decommissioned next week, see the migration plan',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        });
        arranged(exemption, 201);
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    /** Reads about one entity, by its ref. */
    const entityReads: Array<[string, Record<string, string>]> = [
      ['/deployments', {}],
      ['/incidents', {}],
      ['/pipeline-runs', {}],
      ['/timeline', {}],
      ['/environments', {}],
      ['/path-to-production', { version: '1.0.0' }],
      ['/pipelines/stats', {}],
      ['/gates/status', {}],
      ['/gates/evaluations', {}],
      ['/gates/effectiveness', PERIOD],
      ['/readiness/entity', {}],
      ['/readiness/entity/history', {}],
      ['/readiness/exemptions', {}],
      ['/dora/metrics', {}],
      ['/dora/trend', {}],
      ['/dora/details', { metric: 'deploymentFrequency' }],
    ];

    it.each(entityReads)(
      '%s of a hidden entity is a 404 naming it only as asked; its owner reads it',
      async (route, query) => {
        const hidden = await outsider.get(route, {
          ...query,
          entityRef: VAULT,
        });
        expect(hidden.status).toBe(404);
        expect(hidden.body.error.name).toBe('NotFoundError');
        // The same answer as for an entity that does not exist.
        const absent = await outsider.get(route, {
          ...query,
          entityRef: 'component:default/nowhere',
        });
        expect(absent.status).toBe(404);
        expect(hidden.body.error.message).toBe(
          absent.body.error.message.replace('nowhere', 'vault'),
        );
        expect(
          (await outsider.get(route, { ...query, entityRef: CHECKOUT })).status,
        ).toBe(200);
        expect(
          (await keeper.get(route, { ...query, entityRef: VAULT })).status,
        ).toBe(200);
      },
    );

    it('reads by id of a hidden entity are 404 without its name', async () => {
      const byId = [
        `/deployments/${vaultDeploymentId}`,
        `/gates/evaluations/${vaultEvaluationId}`,
        `/traces/${TRACE.vault}`,
      ];
      for (const route of byId) {
        const hidden = await outsider.get(route);
        expect(hidden.status).toBe(404);
        expect(hidden.body.error.message).not.toMatch(/vault/);
        expect((await keeper.get(route)).status).toBe(200);
      }
      expect((await outsider.get(`/traces/${TRACE.checkout}`)).status).toBe(
        200,
      );
      expect(
        (await outsider.get(`/gates/evaluations/${checkoutEvaluationId}`))
          .status,
      ).toBe(200);
    });

    it('the gate history leaves hidden entities out of pages and totals', async () => {
      const all = await outsider.get('/gates/evaluations');
      expect(all.status).toBe(200);
      expect(all.body.totalCount).toBe(1);
      expect(all.body.items.map((e: { id: string }) => e.id)).toEqual([
        checkoutEvaluationId,
      ]);
      // Vault's evaluations are newer: a page filtered after paging would
      // come back empty here.
      const firstPage = await outsider.get('/gates/evaluations', { limit: 1 });
      expect(firstPage.body.items).toHaveLength(1);
      expect(firstPage.body.items[0].entityRef).toBe(CHECKOUT);

      const owned = await outsider.get('/gates/evaluations', {
        owner: 'vault-team',
      });
      expect(owned.body).toMatchObject({ items: [], totalCount: 0 });

      const everything = await keeper.get('/gates/evaluations');
      expect(everything.body.totalCount).toBe(3);
    });

    it('the gate history export leaves hidden entities out', async () => {
      const rowsOf = async (user: typeof outsider) => {
        const csv = await user.get('/gates/evaluations/export');
        expect(csv.status).toBe(200);
        return parse(csv.text, { columns: true }) as Array<
          Record<string, string>
        >;
      };
      const seen = (await rowsOf(outsider)).map(row => row.entityRef);
      expect(new Set(seen)).toEqual(new Set([CHECKOUT]));
      expect(new Set((await rowsOf(keeper)).map(row => row.entityRef))).toEqual(
        new Set([CHECKOUT, VAULT]),
      );
    });

    it('gate effectiveness across entities counts only visible evaluations', async () => {
      const evaluations = async (user: typeof outsider) => {
        const response = await user.get('/gates/effectiveness', PERIOD);
        expect(response.status).toBe(200);
        return response.body.gates.reduce(
          (sum: number, gate: { evaluations: number }) =>
            sum + gate.evaluations,
          0,
        );
      };
      expect(await evaluations(outsider)).toBe(1);
      expect(await evaluations(keeper)).toBe(3);
    });

    it('readiness exemptions, the overview, its facets and export leave hidden entities out', async () => {
      const exemptionRefs = async (user: typeof outsider) =>
        (await user.get('/readiness/exemptions')).body.items.map(
          (item: { entityRef: string }) => item.entityRef,
        );
      expect(await exemptionRefs(outsider)).toEqual([CHECKOUT]);
      expect((await exemptionRefs(keeper)).sort()).toEqual([CHECKOUT, VAULT]);

      const overview = await outsider.get('/readiness/overview', { limit: 1 });
      expect(overview.status).toBe(200);
      expect(overview.body.totalCount).toBe(1);
      expect(overview.body.items[0].entityRef).toBe(CHECKOUT);
      expect(overview.body.facets.owners).toEqual([
        'group:default/checkout-team',
      ]);
      const everything = await keeper.get('/readiness/overview');
      expect(everything.body.totalCount).toBe(2);
      expect(everything.body.facets.owners).toContain(
        'group:default/vault-team',
      );

      const csv = await outsider.get('/readiness/overview/export');
      expect(csv.status).toBe(200);
      const rows = parse(csv.text, { columns: true }) as Array<
        Record<string, string>
      >;
      expect(rows).toHaveLength(1);
      expect(csv.text).not.toMatch(/vault/);
    });

    it("the catalog table's columns answer a page of rows at once, without hidden ones", async () => {
      const columns = (user: string, names: string[]) =>
        request(backend.server)
          .get(
            `/api/quality-gates/catalog-columns?${names
              .map(name => `entityRef=component:default/${name}`)
              .join('&')}`,
          )
          .set('Authorization', mockCredentials.user.header(user));

      const outsiders = await columns(OUTSIDER, ['checkout', 'vault', 'ghost']);
      expect(outsiders.status).toBe(200);
      expect(outsiders.body.environment).toBe('production');
      expect(outsiders.body.items).toEqual([
        {
          entityRef: CHECKOUT,
          // Checkout reaches no level with the example checks.
          readiness: { level: null, score: expect.any(Number) },
          decision: expect.objectContaining({
            version: '1.0.0',
            answer: expect.stringMatching(/^(yes|no|not_yet)$/),
          }),
        },
      ]);
      expect(JSON.stringify(outsiders.body)).not.toMatch(/vault/);

      // Vault's owner sees both, vault with its newest decision.
      const keepers = await columns(KEEPER, ['checkout', 'vault']);
      expect(
        keepers.body.items.map(
          (item: { entityRef: string; decision: { version: string } }) => [
            item.entityRef,
            item.decision.version,
          ],
        ),
      ).toEqual([
        [CHECKOUT, '1.0.0'],
        [VAULT, '1.0.1'],
      ]);

      // One ref is a list of one; a malformed one is a 400.
      expect((await columns(KEEPER, ['vault'])).body.items).toHaveLength(1);
      expect(
        (
          await request(backend.server)
            .get('/api/quality-gates/catalog-columns?entityRef=vault')
            .set('Authorization', mockCredentials.user.header(KEEPER))
        ).status,
      ).toBe(400);
    });

    it('a DORA roll-up counts only the components the caller can see', async () => {
      const outsiders = await outsider.get('/dora/metrics', {
        group: 'vault-team',
      });
      expect(outsiders.status).toBe(200);
      expect(outsiders.body.scope.entityRefs).toEqual([]);
      expect(outsiders.body.current.deploymentFrequency.deployments).toBe(0);
      const keepers = await keeper.get('/dora/metrics', {
        group: 'vault-team',
      });
      expect(keepers.body.scope.entityRefs).toEqual([VAULT]);
      expect(keepers.body.current.deploymentFrequency.deployments).toBe(1);
    });

    it('unresolved events and their traces are listed only to those who may send events', async () => {
      const listed = await outsider.get('/ingest/unresolved');
      expect(listed.status).toBe(403);
      expect(listed.body.error.message).toMatch(
        /quality-gates\.events\.create/,
      );
      expect((await outsider.get(`/traces/${TRACE.ghost}`)).status).toBe(404);

      const asService = await request(backend.server)
        .get('/api/quality-gates/ingest/unresolved')
        .set('Authorization', mockCredentials.service.header());
      expect(asService.status).toBe(200);
      expect(
        asService.body.items.map(
          (item: { entityHint: string }) => item.entityHint,
        ),
      ).toContain('service.name=ghost');
    });
  });
});
