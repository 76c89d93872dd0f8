import request from 'supertest';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  startQualityGatesBackend,
  waitForCatalog,
} from '../../__testUtils__/testBackend';
import {
  ALLOW,
  DENY,
  PERMISSIONS_ENABLED,
  RESTRICTED_CATALOG,
  realPermissions,
  restrictedEntitiesDecision,
  TestPolicy,
} from '../../__testUtils__/permissionBackend';
import {
  PrometheusServer,
  startPrometheus,
} from '../../__testUtils__/prometheusServer';

// A decision starts its gate's queries while the entity is read, but only
// once the caller may evaluate the gate: a caller refused the permission
// makes Prometheus run nothing. Real Prometheus (its own request counter
// tells what it was asked), real catalog, real permission backend.

jest.setTimeout(120_000);

/** May evaluate gates. */
const RELEASER = 'user:default/releaser';
/** Sees the open entities, may not evaluate their gates. */
const BYSTANDER = 'user:default/bystander';

/** Catalog reads as the restricted catalog says; gates: the releaser only. */
const policy: TestPolicy = async (query, user) =>
  restrictedEntitiesDecision(query, user) ??
  (query.permission.name.startsWith('quality-gates.') &&
  user?.userEntityRef !== RELEASER
    ? DENY
    : ALLOW);

function gates(baseUrl: string) {
  return {
    qualityGates: {
      gates: {
        prometheus: { baseUrl, timeoutSeconds: 5 },
        definitions: [
          {
            id: 'production-slo',
            title: 'Production SLOs',
            appliesTo: { kind: 'Component' },
            environments: ['production'],
            criteria: [1, 2, 3].map(n => ({
              key: `query-${n}`,
              title: `Query ${n}`,
              source: 'prometheus',
              query: `sum(rate(http_requests_total{service="{{entity.name}}",n="${n}"}[5m]))`,
              pass: ['<= 1'],
            })),
          },
        ],
      },
    },
  };
}

/** How many query requests Prometheus has received, by its own counter. */
async function queriesReceived(prometheus: PrometheusServer): Promise<number> {
  const metrics = await (await fetch(`${prometheus.baseUrl}/metrics`)).text();
  let total = 0;
  for (const line of metrics.split('\n')) {
    if (
      line.startsWith('prometheus_http_requests_total{') &&
      /handler="\/api\/v1\/query(_range)?"/.test(line)
    ) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

describe('a refused gate decision', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let prometheus: PrometheusServer;

    beforeAll(async () => {
      prometheus = await startPrometheus();
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        catalogFixture: RESTRICTED_CATALOG,
        config: { ...PERMISSIONS_ENABLED, ...gates(prometheus.baseUrl) },
        features: realPermissions({
          policy,
          memberships: { [RELEASER]: [], [BYSTANDER]: [] },
        }),
      });
      await waitForCatalog(backend, mockCredentials.user.header(RELEASER), [
        'checkout',
      ]);
    });
    afterAll(async () => {
      await backend?.stop();
      await prometheus?.stop();
    });

    const evaluate = (user: string, entityRef = 'component:default/checkout') =>
      request(backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', mockCredentials.user.header(user))
        .send({ entityRef, environment: 'production', version: '1.0.0' });

    /** Waits until Prometheus's counter stops moving, and reads it. */
    async function settledQueries(): Promise<number> {
      let last = await queriesReceived(prometheus);
      for (;;) {
        await new Promise(resolve => setTimeout(resolve, 300));
        const now = await queriesReceived(prometheus);
        if (now === last) return now;
        last = now;
      }
    }

    it('starts no query; a permitted one does', async () => {
      const before = await settledQueries();
      for (let i = 0; i < 5; i++) {
        const refused = await evaluate(BYSTANDER);
        expect(refused.status).toBe(403);
        // Hidden from the caller: a 404 as ever, and no query either.
        expect(
          (await evaluate(BYSTANDER, 'component:default/vault')).status,
        ).toBe(404);
      }
      expect(await settledQueries()).toBe(before);

      const permitted = await evaluate(RELEASER);
      expect(permitted.status).toBe(200);
      expect(permitted.body.evaluations[0].criteria).toHaveLength(3);
      expect(await settledQueries()).toBeGreaterThanOrEqual(before + 3);
    });
  });
});
