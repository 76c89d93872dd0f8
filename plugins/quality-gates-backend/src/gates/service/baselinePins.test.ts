import request from 'supertest';
import {
  AuditorService,
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
import {
  formatSentence,
  GateEvaluation,
  gateBaselinePinPermission,
} from '@can-i-deploy/plugin-quality-gates-common';
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
const PAYMENTS = 'component:default/payments';

/** The latency the test source answers, per entity. */
const latencyOf = new Map<string, number>();
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
          async measure({ entityRef }) {
            return { value: latencyOf.get(entityRef) ?? latency };
          },
        });
      },
    });
  },
});

/** Pins and unpins are audited, like overrides. */
const audited: Array<{ status: string; meta: unknown }> = [];

const recordingAuditor = createServiceFactory({
  service: coreServices.auditor,
  deps: {},
  factory: (): AuditorService => ({
    async createEvent({ eventId, meta }) {
      return {
        async success(options) {
          // The catalog audits its reads through the same service.
          if (eventId !== 'gate-baseline-pin') return;
          audited.push({
            status: 'succeeded',
            meta: { ...meta, ...options?.meta },
          });
        },
        async fail({ error }) {
          if (eventId !== 'gate-baseline-pin') return;
          audited.push({ status: 'failed', meta: error.message });
        },
      };
    },
  }),
});

/**
 * The lead may pin; so may the outsider, who may not read the catalog: a
 * pin must not tell them an evaluation exists.
 */
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
            userOf(credentials) === DEVELOPER
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
  app: { baseUrl: 'https://backstage.example.com/' },
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
        {
          // Same criterion, another gate: its pins are its own.
          id: 'canary-latency-budget',
          title: 'Canary latency budget',
          environments: ['canary', 'staging'],
          criteria: [
            {
              key: 'p95',
              source: 'test-latency',
              pass: ['<=+10%'],
              baseline: { pinned: true },
              noData: 'warning',
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
        features: [
          database.feature,
          testSignals,
          permissionsPolicy,
          recordingAuditor,
        ],
      });
      await waitForCatalog(backend, lead, ['checkout', 'payments']);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    // Each test starts with nothing pinned and one latency for all.
    beforeEach(async () => {
      latencyOf.clear();
      audited.length = 0;
      latency = 100;
      await database.knex()('gate_baseline_pins').delete();
    });

    async function evaluateAll(
      version: string,
      entityRef = CHECKOUT,
      environment = 'canary',
    ) {
      const response = await request(backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', lead)
        .send({ entityRef, environment, version });
      expect(response.status).toBe(200);
      return response.body.evaluations as GateEvaluation[];
    }

    const gateOf = (evaluations: GateEvaluation[], gateId: string) =>
      evaluations.find(evaluation => evaluation.gateId === gateId)!;

    async function evaluate(
      version: string,
      entityRef = CHECKOUT,
      environment = 'canary',
    ) {
      return gateOf(
        await evaluateAll(version, entityRef, environment),
        'canary-latency',
      );
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

      // Who changed the baseline, and which: refused attempts never got
      // as far as an event.
      const pinOf = (id: string) => ({
        evaluationId: id,
        entityRef: CHECKOUT,
        gateId: 'canary-latency',
        environment: 'canary',
      });
      expect(audited).toEqual([
        { status: 'succeeded', meta: { action: 'pin', ...pinOf(first.id) } },
        { status: 'succeeded', meta: { action: 'pin', ...pinOf(second.id) } },
        { status: 'succeeded', meta: { action: 'unpin', ...pinOf(second.id) } },
        { status: 'succeeded', meta: { action: 'unpin', ...pinOf(second.id) } },
      ]);
    });

    it('keeps a pin to its gate, entity and environment, and names it in the evidence', async () => {
      latencyOf.set(CHECKOUT, 100);
      latencyOf.set(PAYMENTS, 300);

      const checkout = await evaluate('3.0.0');
      expect((await post(checkout.id, 'pin', lead)).status).toBe(200);
      const stored = (await get(checkout.id)).body as GateEvaluation;
      const pinnedAt = stored.pin!.pinnedAt;
      const decisionId = stored.decisionId;
      expect(decisionId).toEqual(expect.any(String));

      // Payments has the same gate, but nothing pinned: checkout's 100 is
      // not its baseline.
      const payments = await evaluateAll('7.0.0', PAYMENTS);
      const paymentsLatency = gateOf(payments, 'canary-latency');
      expect(paymentsLatency.criteria[0]).toMatchObject({
        state: 'no_data',
        observed: 300,
        baseline: { value: null, aggregate: 'pinned', from: 0 },
      });
      expect(paymentsLatency.criteria[0].message).toContain(
        `no data: no baseline is pinned for ${PAYMENTS} in canary yet`,
      );
      // The other gate's no-data rule counts the missing baseline as a warning.
      const paymentsBudget = gateOf(payments, 'canary-latency-budget');
      expect(paymentsBudget.criteria[0]).toMatchObject({
        state: 'warning',
        baseline: { value: null, aggregate: 'pinned', from: 0 },
      });
      expect(paymentsBudget.criteria[0].message).toContain(
        'counts as warning by its no-data rule',
      );

      // Another gate, or another environment, of checkout: not pinned either.
      latencyOf.set(CHECKOUT, 105);
      const again = await evaluateAll('3.1.0');
      expect(
        gateOf(again, 'canary-latency-budget').criteria[0].baseline,
      ).toEqual({ value: null, aggregate: 'pinned', from: 0 });
      const staging = await evaluateAll('3.1.0', CHECKOUT, 'staging');
      expect(
        gateOf(staging, 'canary-latency-budget').criteria[0].baseline,
      ).toEqual({ value: null, aggregate: 'pinned', from: 0 });

      // Checkout's own gate compares with the pinned evaluation and says
      // which it is: its version, when, who pinned it, and its decision.
      const compared = gateOf(again, 'canary-latency').criteria[0];
      expect(compared).toMatchObject({
        state: 'pass',
        observed: 105,
        baseline: {
          value: 100,
          aggregate: `pinned ${checkout.id}`,
          from: 1,
          pinned: {
            evaluationId: checkout.id,
            version: '3.0.0',
            evaluatedAt: stored.finishedAt,
            pinnedBy: LEAD,
            pinnedAt,
            decisionUrl: `https://backstage.example.com/gate-history/decisions/${decisionId}`,
          },
        },
      });
      expect(compared.summary).toEqual(
        expect.arrayContaining([
          { kind: 'version', version: '3.0.0' },
          { kind: 'time', at: pinnedAt },
          {
            kind: 'link',
            url: `https://backstage.example.com/gate-history/decisions/${decisionId}`,
            text: 'its decision',
          },
        ]),
      );
      expect(compared.message).toContain(
        'the baseline is version 3.0.0, evaluated ',
      );
      expect(compared.message).toContain(', pinned by lead ');
      // The same words everywhere: the API's message is the summary as text.
      expect(formatSentence(compared.summary!)).toContain(
        'the baseline is version 3.0.0, evaluated ',
      );

      // Pinning payments' own evaluation gives payments its own baseline.
      expect((await post(paymentsLatency.id, 'pin', lead)).status).toBe(200);
      latencyOf.set(PAYMENTS, 310);
      const paymentsPass = await evaluate('7.1.0', PAYMENTS);
      expect(paymentsPass.criteria[0]).toMatchObject({
        state: 'pass',
        baseline: { value: 300, aggregate: `pinned ${paymentsLatency.id}` },
      });
      latencyOf.set(PAYMENTS, 400);
      expect((await evaluate('7.2.0', PAYMENTS)).criteria[0].state).toBe(
        'fail',
      );
      // ... and leaves checkout's alone.
      latencyOf.set(CHECKOUT, 120);
      expect((await evaluate('3.2.0')).criteria[0]).toMatchObject({
        state: 'fail',
        baseline: { value: 100, aggregate: `pinned ${checkout.id}` },
      });
      expect(
        (await database.knex()('gate_baseline_pins').orderBy('entity_ref')).map(
          row => [row.entity_ref, row.gate_id, row.evaluation_id],
        ),
      ).toEqual([
        [CHECKOUT, 'canary-latency', checkout.id],
        [PAYMENTS, 'canary-latency', paymentsLatency.id],
      ]);
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
      // Without the permission, a visible evaluation is refused outright.
      expect((await post(evaluation.id, 'pin', developer)).status).toBe(403);
      expect(await database.knex()('gate_baseline_pins')).toEqual([]);
    });
  });
});
