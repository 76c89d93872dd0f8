import request from 'supertest';
import {
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { gateBaselinePinPermission } from '@can-i-deploy/plugin-quality-gates-common';
import { qualityGatesCriterionSourcesExtensionPoint } from '@can-i-deploy/plugin-quality-gates-node';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  waitForCatalog,
} from '../../__testUtils__/testBackend';

// Pinning a baseline over HTTP on a real backend with the real catalog. A
// test source stands in for a telemetry provider, answering the latency the
// test sets. The permissions service is a small policy: the real one needs
// a permission backend and a policy module, which are not what is under
// test here.

jest.setTimeout(60_000);

const LEAD = 'user:default/lead';
const DEVELOPER = 'user:default/developer';
/** Cannot see any entity: the catalog denies it reading them. */
const OUTSIDER = 'user:default/outsider';
const CHECKOUT = 'component:default/checkout';

let latency = 100;

const testSignals = createBackendModule({
  pluginId: 'quality-gates',
  moduleId: 'test-latency',
  register(reg) {
    reg.registerInit({
      deps: { sources: qualityGatesCriterionSourcesExtensionPoint },
      async init({ sources }) {
        sources.addCriterionSource({
          id: 'test-latency',
          async measure() {
            return { value: latency };
          },
        });
      },
    });
  },
});

/** The lead may pin; the outsider may not read the catalog. */
const permissionsPolicy = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const userOf = (credentials: { principal: unknown }) =>
      (credentials.principal as BackstageUserPrincipal).userEntityRef;
    return {
      async authorize(requests, { credentials }) {
        return requests.map(({ permission }) => ({
          result:
            isPermission(permission, gateBaselinePinPermission) &&
            userOf(credentials) !== LEAD
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      },
      async authorizeConditional(requests, { credentials }) {
        return requests.map(
          ({ permission }) =>
            ({
              result:
                permission.name === 'catalog.entity.read' &&
                userOf(credentials) === OUTSIDER
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            } as const),
        );
      },
    };
  },
});

const config = {
  qualityGates: {
    gates: {
      definitions: [
        {
          id: 'canary-latency',
          title: 'Canary latency',
          environments: ['canary'],
          criteria: [
            {
              key: 'p95',
              source: 'test-latency',
              pass: ['<=+10%'],
              baseline: { pinned: true },
            },
          ],
        },
      ],
    },
  },
};

describe('baseline pins', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const database = capturePluginDatabase();
    const lead = mockCredentials.user.header(LEAD);
    const developer = mockCredentials.user.header(DEVELOPER);
    const outsider = mockCredentials.user.header(OUTSIDER);

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        config,
        features: [database.feature, testSignals, permissionsPolicy],
      });
      await waitForCatalog(backend, lead, ['checkout']);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    async function evaluate(version: string) {
      const response = await request(backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', lead)
        .send({ entityRef: CHECKOUT, environment: 'canary', version });
      expect(response.status).toBe(200);
      return response.body.evaluations[0];
    }

    const post = (id: string, action: 'pin' | 'unpin', as: string) =>
      request(backend.server)
        .post(`/api/quality-gates/gates/evaluations/${id}/${action}`)
        .set('Authorization', as);

    const get = (id: string) =>
      request(backend.server)
        .get(`/api/quality-gates/gates/evaluations/${id}`)
        .set('Authorization', lead);

    it('pins with the permission, compares with the pinned evaluation, and unpins', async () => {
      // Nothing pinned yet: no baseline, so no data, which fails the gate.
      latency = 100;
      const first = await evaluate('1.0.0');
      expect(first.verdict).toBe('fail');
      expect(first.criteria[0]).toMatchObject({
        state: 'no_data',
        baseline: { value: null, aggregate: 'pinned', from: 0 },
      });

      const denied = await post(first.id, 'pin', developer);
      expect(denied.status).toBe(403);
      expect(denied.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('quality-gates.gate.baseline.pin'),
      });
      expect(await database.knex()('gate_baseline_pins')).toEqual([]);

      const before = Date.now();
      const pinned = await post(first.id, 'pin', lead);
      expect(pinned.status).toBe(200);
      expect(pinned.body).toMatchObject({
        id: first.id,
        pin: { pinnedBy: LEAD },
      });
      expect(Date.parse(pinned.body.pin.pinnedAt)).toBeGreaterThanOrEqual(
        before - 1000,
      );
      expect((await get(first.id)).body.pin).toEqual(pinned.body.pin);

      // 105 is within 10 % of the pinned 100.
      latency = 105;
      const second = await evaluate('1.1.0');
      expect(second.criteria[0]).toMatchObject({
        state: 'pass',
        observed: 105,
        baseline: { value: 100, aggregate: `pinned ${first.id}`, from: 1 },
      });
      // 120 is not.
      latency = 120;
      const third = await evaluate('1.2.0');
      expect(third.criteria[0].state).toBe('fail');

      // Pinning another evaluation replaces the pin of the gate there.
      expect((await post(second.id, 'pin', lead)).status).toBe(200);
      expect((await get(first.id)).body.pin).toBeUndefined();
      expect((await get(second.id)).body.pin.pinnedBy).toBe(LEAD);

      const unpinDenied = await post(second.id, 'unpin', developer);
      expect(unpinDenied.status).toBe(403);
      expect((await get(second.id)).body.pin).toBeDefined();

      const unpinned = await post(second.id, 'unpin', lead);
      expect(unpinned.status).toBe(200);
      expect(unpinned.body.pin).toBeUndefined();
      expect(await database.knex()('gate_baseline_pins')).toEqual([]);
      // Unpinning again changes nothing.
      expect((await post(second.id, 'unpin', lead)).status).toBe(200);
    });

    it('answers 404 for an unknown evaluation and for one the caller cannot see', async () => {
      const unknown = await post('no-such-evaluation', 'pin', lead);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.name).toBe('NotFoundError');

      const evaluation = await evaluate('2.0.0');
      const hidden = await post(evaluation.id, 'pin', outsider);
      expect(hidden.status).toBe(404);
      // A hidden evaluation answers exactly like an unknown one: the caller
      // learns neither that it exists nor which entity it belongs to.
      expect(hidden.body.error).toMatchObject({
        name: 'NotFoundError',
        message: `No gate evaluation ${evaluation.id}`,
      });
      expect((await post(evaluation.id, 'unpin', outsider)).status).toBe(404);
      expect(await database.knex()('gate_baseline_pins')).toEqual([]);
    });
  });
});
