import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
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
import { gateOverridePermission } from '@can-i-deploy/plugin-quality-gates-common';
import { qualityGatesCriterionSourcesExtensionPoint } from '@can-i-deploy/plugin-quality-gates-node';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  waitForCatalog,
} from '../__testUtils__/testBackend';
import {
  startStaticFileServer,
  StaticFileServer,
} from '../__testUtils__/staticFileServer';

// Gates over HTTP on a real backend with the real catalog. Criteria use the
// built-in sources (pipeline, rollout, freeze) on real rows, and a test
// source whose answers the test sets: it stands in for a telemetry provider
// so that errors, hangs and exact values can be staged (the Prometheus
// source is tested against a real Prometheus in its own folder). The
// component gate file is served over HTTP and read by the real URL reader.

jest.setTimeout(60_000);

const ADMIN = 'user:default/admin';
const CHECKOUT = 'component:default/checkout';
const PAYMENTS = 'component:default/payments';

/** What the test source answers per criterion key, or how it fails. */
const answers = new Map<
  string,
  | number
  | null
  | 'throw'
  | 'throw-once'
  | 'hang'
  | { value: number; sampleSize: number }
>();
const calls = new Map<string, number>();

const testSignals = createBackendModule({
  pluginId: 'quality-gates',
  moduleId: 'test-signals',
  register(reg) {
    reg.registerInit({
      deps: { sources: qualityGatesCriterionSourcesExtensionPoint },
      async init({ sources }) {
        sources.addCriterionSource({
          id: 'test-signal',
          // Component files in these tests add criteria of it.
          safeForRepositoryConfig: true,
          async measure({ definition, signal }) {
            const signalName = String(definition.signal);
            calls.set(signalName, (calls.get(signalName) ?? 0) + 1);
            const answer = answers.get(signalName);
            if (answer === 'throw') throw new Error('provider is down');
            if (answer === 'throw-once') {
              answers.set(signalName, 0.001);
              throw new Error('connection reset');
            }
            if (answer === 'hang') {
              await new Promise((_, reject) =>
                signal?.addEventListener('abort', () =>
                  reject(new Error('aborted')),
                ),
              );
            }
            if (answer && typeof answer === 'object') return answer;
            return {
              value: (answer as number | null | undefined) ?? null,
              details: { query: `signal ${signalName}` },
            };
          },
        });
      },
    });
  },
});

/** Only the admin may override verdicts. */
const permissionsPolicy = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests, { credentials }) {
      const user = (credentials.principal as BackstageUserPrincipal)
        .userEntityRef;
      return requests.map(({ permission }) => ({
        result:
          isPermission(permission, gateOverridePermission) && user !== ADMIN
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW } as const));
    },
  }),
});

function gateConfig() {
  return {
    qualityGates: {
      gates: {
        deadlineSeconds: 2,
        definitions: [
          {
            id: 'production-slo',
            title: 'Production SLOs',
            appliesTo: { kind: 'Component' },
            environments: ['production'],
            passPercent: 90,
            warningPercent: 60,
            criteria: [
              {
                key: 'error-ratio',
                source: 'test-signal',
                signal: 'error-ratio',
                pass: ['<= 0.01'],
                warning: ['<= 0.02'],
                weight: 2,
              },
              {
                key: 'latency',
                source: 'test-signal',
                signal: 'latency',
                pass: ['<=+10%'],
                baseline: { from: 3, aggregate: 'avg' },
                noData: 'ignore',
              },
              {
                key: 'ci',
                source: 'pipeline',
                keyCriterion: true,
              },
            ],
          },
          {
            id: 'watch-only',
            title: 'New gate being watched',
            mode: 'dry-run',
            environments: ['production'],
            criteria: [
              {
                key: 'saturation',
                source: 'test-signal',
                signal: 'saturation',
                degraded: 0.7,
                critical: 0.9,
                better: 'lower',
              },
            ],
          },
          {
            id: 'canary-checks',
            title: 'Canary checks',
            environments: ['canary'],
            criteria: [
              {
                key: 'flaky',
                source: 'test-signal',
                signal: 'flaky',
                pass: ['<= 0.01'],
                flakyTolerance: 1,
                retries: 1,
              },
              {
                key: 'pinned',
                source: 'test-signal',
                signal: 'pinned',
                pass: ['<=+5%'],
                baseline: { pinnedEvaluationId: 'pinned-baseline' },
                noData: 'ignore',
              },
            ],
          },
          {
            id: 'no-friday',
            title: 'No deploys in the freeze',
            environments: ['staging'],
            criteria: [
              {
                key: 'freeze',
                source: 'freeze',
                windows: [
                  {
                    cron: '0 0 * * *',
                    duration: { hours: 24 },
                    timeZone: 'UTC',
                  },
                ],
              },
            ],
          },
        ],
      },
    },
  };
}

describe('quality gates', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  let files: StaticFileServer;
  let catalogFile: string;

  beforeAll(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gate-files-'));
    fs.mkdirSync(path.join(root, 'payments'));
    fs.writeFileSync(
      path.join(root, 'payments', '.quality-gates.yaml'),
      [
        'gates:',
        '  - id: production-slo',
        '    passPercent: 95',
        '    criteria:',
        '      - key: error-ratio',
        '        source: test-signal',
        "        pass: ['<= 0.005']",
        '      - key: queue-depth',
        '        source: test-signal',
        '        signal: queue-depth',
        "        pass: ['<= 100']",
      ].join('\n'),
    );
    fs.mkdirSync(path.join(root, 'loosener'));
    fs.writeFileSync(
      path.join(root, 'loosener', '.quality-gates.yaml'),
      'gates:\n  - id: production-slo\n    passPercent: 10\n    mode: dry-run\n',
    );
    files = await startStaticFileServer(root);
    catalogFile = path.join(root, 'catalog.yaml');
    const component = (name: string, repo?: string) =>
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        `  name: ${name}`,
        ...(repo
          ? [
              '  annotations:',
              `    backstage.io/source-location: url:${files.baseUrl}/${repo}/`,
            ]
          : []),
        'spec:',
        '  type: service',
        '  lifecycle: production',
        '  owner: group:default/team-a',
      ].join('\n');
    fs.writeFileSync(
      catalogFile,
      [
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []',
        component('checkout'),
        component('payments', 'payments'),
        component('loosener', 'loosener'),
      ].join('\n---\n'),
    );
  });
  afterAll(() => files?.close());

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const database = capturePluginDatabase();
    const user = mockCredentials.user.header();
    const admin = mockCredentials.user.header(ADMIN);

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        catalogFixture: catalogFile,
        config: {
          ...gateConfig(),
          backend: {
            reading: { allow: [{ host: files.host }] },
          },
        },
        features: [database.feature, testSignals, permissionsPolicy],
      });
      await waitForCatalog(backend, user, ['checkout', 'payments', 'loosener']);
      const now = new Date();
      await database
        .knex()('pipeline_runs')
        .insert(
          ['checkout', 'payments', 'loosener'].map(name => ({
            id: `run-${name}-${databaseId}`,
            source: 'test',
            external_id: `run-${name}`,
            entity_ref: `component:default/${name}`,
            pipeline_name: 'ci',
            sha: 'abc123',
            result: 'success',
            started_at: now,
            finished_at: now,
            created_at: now,
            updated_at: now,
          })),
        );
    });

    beforeAll(async () => {
      // A reviewed evaluation the team pinned as the baseline.
      const at = new Date('2026-01-01T00:00:00Z');
      await database.knex()('gate_evaluations').insert({
        id: 'pinned-baseline',
        gate_id: 'canary-checks',
        gate_title: 'Canary checks',
        entity_ref: CHECKOUT,
        environment: 'canary',
        version: 'v0',
        trigger: 'manual',
        mode: 'enforce',
        verdict: 'pass',
        score: 100,
        pass_percent: 90,
        warning_percent: 75,
        started_at: at,
        finished_at: at,
      });
      await database.knex()('gate_criterion_results').insert({
        evaluation_id: 'pinned-baseline',
        key: 'pinned',
        position: 0,
        source: 'test-signal',
        state: 'pass',
        weight: 1,
        key_criterion: false,
        score: 1,
        observed: 100,
        evidence: '{}',
      });
    });

    beforeEach(() => {
      answers.clear();
      calls.clear();
    });

    const evaluate = (body: Record<string, string>) =>
      request(backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', user)
        .send({ environment: 'production', version: 'abc123', ...body });

    it('passes a clean version, keeps the evidence, and says what it did', async () => {
      answers.set('error-ratio', 0.004);
      answers.set('saturation', 0.5);
      const response = await evaluate({ entityRef: CHECKOUT });
      expect(response.status).toBe(200);
      expect(response.body.verdict).toBe('pass');
      const slo = response.body.evaluations.find(
        (e: any) => e.gateId === 'production-slo',
      );
      // error-ratio 2 + ci 1 of 3 (latency has no data and is ignored).
      expect(slo).toMatchObject({ verdict: 'pass', score: 100 });
      const errorRatio = slo.criteria.find((c: any) => c.key === 'error-ratio');
      expect(errorRatio).toMatchObject({
        state: 'pass',
        observed: 0.004,
        threshold: { pass: '<= 0.01', warning: '<= 0.02' },
        query: 'signal error-ratio',
      });
      const stored = await request(backend.server)
        .get(`/api/quality-gates/gates/evaluations/${slo.id}`)
        .set('Authorization', user);
      expect(stored.body.criteria).toEqual(slo.criteria);
    });

    it('answers a decision gzipped once when asked for gzip, and as it is otherwise', async () => {
      answers.set('error-ratio', 0.004);
      answers.set('saturation', 0.5);
      const gzipped = await evaluate({ entityRef: CHECKOUT }).set(
        'Accept-Encoding',
        'gzip',
      );
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toMatch(/Accept-Encoding/i);
      // Decoded once by the client: encoded once by the backend.
      expect(gzipped.body.verdict).toBe('pass');
      const plain = await evaluate({ entityRef: CHECKOUT }).set(
        'Accept-Encoding',
        'identity',
      );
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      expect(plain.body.verdict).toBe('pass');
    });

    it('fails closed when a provider is down or too slow', async () => {
      answers.set('error-ratio', 'throw');
      const down = await evaluate({ entityRef: CHECKOUT });
      expect(down.body.verdict).toBe('error');
      const criterion = down.body.evaluations[0].criteria.find(
        (c: any) => c.key === 'error-ratio',
      );
      expect(criterion).toMatchObject({
        state: 'error',
        message: 'The source failed: provider is down',
      });
      answers.set('error-ratio', 'hang');
      const started = Date.now();
      const slow = await evaluate({ entityRef: CHECKOUT });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(slow.body.verdict).toBe('error');
      expect(
        slow.body.evaluations[0].criteria.find(
          (c: any) => c.key === 'error-ratio',
        ).message,
      ).toMatch(/deadline/);
    });

    it('counts no data as a failure unless told otherwise', async () => {
      answers.set('error-ratio', null);
      const response = await evaluate({ entityRef: CHECKOUT });
      const slo = response.body.evaluations.find(
        (e: any) => e.gateId === 'production-slo',
      );
      // 0 + 1 of 3 = 33 %.
      expect(slo).toMatchObject({ verdict: 'fail', score: 33.33 });
    });

    it('judges relative criteria against earlier passing evaluations', async () => {
      answers.set('error-ratio', 0.001);
      for (const latency of [100, 110, 120]) {
        answers.set('latency', latency);
        await evaluate({ entityRef: CHECKOUT });
      }
      // Average of the first passes; the very first had no baseline.
      answers.set('latency', 200);
      const response = await evaluate({ entityRef: CHECKOUT });
      const latency = response.body.evaluations
        .find((e: any) => e.gateId === 'production-slo')
        .criteria.find((c: any) => c.key === 'latency');
      expect(latency.state).toBe('fail');
      expect(latency.baseline.aggregate).toBe('avg');
      expect(latency.baseline.from).toBeGreaterThanOrEqual(2);
    });

    it('records a dry-run gate without letting it decide', async () => {
      answers.set('error-ratio', 0.001);
      answers.set('saturation', 0.95);
      const response = await evaluate({ entityRef: CHECKOUT });
      const watch = response.body.evaluations.find(
        (e: any) => e.gateId === 'watch-only',
      );
      expect(watch).toMatchObject({
        mode: 'dry-run',
        verdict: 'fail',
        effectiveVerdict: 'pass',
      });
      expect(response.body.verdict).toBe('pass');
    });

    it('lets a component file tighten a gate, and adds its own criteria', async () => {
      answers.set('error-ratio', 0.008);
      answers.set('queue-depth', 50);
      const response = await evaluate({ entityRef: PAYMENTS });
      const slo = response.body.evaluations.find(
        (e: any) => e.gateId === 'production-slo',
      );
      // 0.008 meets the central <= 0.01 but not the added <= 0.005: a warning.
      expect(
        slo.criteria.find((c: any) => c.key === 'error-ratio'),
      ).toMatchObject({
        state: 'warning',
        threshold: { pass: '<= 0.01 and <= 0.005' },
      });
      expect(slo.passPercent).toBe(95);
      expect(
        slo.criteria.find((c: any) => c.key === 'queue-depth'),
      ).toMatchObject({ state: 'pass', weight: 0, keyCriterion: true });
    });

    it('refuses a component file that loosens a gate: error, with why', async () => {
      const response = await evaluate({
        entityRef: 'component:default/loosener',
      });
      expect(response.body.verdict).toBe('error');
      expect(response.body.problems.join(' ')).toMatch(
        /mode dry-run is looser than the central enforce.*passPercent 10 is lower/,
      );
      expect(response.body.evaluations[0]).toMatchObject({
        gateId: 'production-slo',
        verdict: 'error',
      });
    });

    it('answers error when no gate applies, and 404 for unknown entities', async () => {
      const none = await evaluate({
        entityRef: CHECKOUT,
        environment: 'development',
      });
      expect(none.body).toMatchObject({ verdict: 'error', evaluations: [] });
      expect(none.body.problems[0]).toMatch(/No gate applies/);
      const unknown = await evaluate({ entityRef: 'component:default/nope' });
      expect(unknown.status).toBe(404);
      const bad = await request(backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', user)
        .send({ entityRef: CHECKOUT });
      expect(bad.status).toBe(400);
    });

    it('retries a provider error, and tolerates one failure in a row', async () => {
      const canary = (body: Record<string, string> = {}) =>
        evaluate({ entityRef: CHECKOUT, environment: 'canary', ...body });
      answers.set('flaky', 'throw-once');
      const retried = await canary();
      expect(calls.get('flaky')).toBe(2);
      expect(retried.body.evaluations[0].criteria[0]).toMatchObject({
        key: 'flaky',
        state: 'pass',
      });
      answers.set('flaky', 0.5);
      const first = await canary();
      expect(first.body.evaluations[0].criteria[0]).toMatchObject({
        state: 'warning',
        message: expect.stringMatching(/tolerated/),
      });
      const second = await canary();
      expect(second.body.evaluations[0].criteria[0].state).toBe('fail');
      expect(second.body.verdict).toBe('fail');
    });

    it('judges against a pinned baseline evaluation', async () => {
      answers.set('flaky', 0.001);
      answers.set('pinned', 104);
      const within = await evaluate({
        entityRef: CHECKOUT,
        environment: 'canary',
      });
      expect(
        within.body.evaluations[0].criteria.find(
          (c: any) => c.key === 'pinned',
        ),
      ).toMatchObject({
        state: 'pass',
        baseline: { value: 100, aggregate: 'pinned pinned-baseline', from: 1 },
      });
      answers.set('pinned', 106);
      const beyond = await evaluate({
        entityRef: CHECKOUT,
        environment: 'canary',
      });
      expect(
        beyond.body.evaluations[0].criteria.find((c: any) => c.key === 'pinned')
          .state,
      ).toBe('fail');

      // The pin is checkout's: payments, under the same gate, has no
      // baseline from it (its policy here ignores a missing one).
      const other = await evaluate({
        entityRef: PAYMENTS,
        environment: 'canary',
      });
      expect(
        other.body.evaluations[0].criteria.find((c: any) => c.key === 'pinned'),
      ).toMatchObject({
        baseline: { value: null, aggregate: 'pinned pinned-baseline', from: 0 },
      });
    });

    it('freezes deploys inside a freeze window', async () => {
      const response = await evaluate({
        entityRef: CHECKOUT,
        environment: 'staging',
      });
      expect(response.body.verdict).toBe('fail');
      expect(
        response.body.evaluations[0].criteria[0].details.frozenUntil,
      ).toBeDefined();
    });

    it('overrides only with the permission; the verdict stays on record', async () => {
      answers.set('error-ratio', 0.5);
      const failed = await evaluate({ entityRef: CHECKOUT });
      const slo = failed.body.evaluations.find(
        (e: any) => e.gateId === 'production-slo',
      );
      expect(slo.verdict).toBe('fail');
      const body = {
        verdict: 'pass',
        reason: 'Known noisy dependency, fix rolling out (INC-7)',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      };
      const denied = await request(backend.server)
        .post(`/api/quality-gates/gates/evaluations/${slo.id}/override`)
        .set('Authorization', user)
        .send(body);
      expect(denied.status).toBe(403);
      const granted = await request(backend.server)
        .post(`/api/quality-gates/gates/evaluations/${slo.id}/override`)
        .set('Authorization', admin)
        .send(body);
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({
        verdict: 'fail',
        effectiveVerdict: 'pass',
        override: { createdBy: ADMIN, active: true },
      });
      const overridden = await request(backend.server)
        .get('/api/quality-gates/gates/evaluations')
        .query({ entityRef: CHECKOUT, overridden: true })
        .set('Authorization', user);
      expect(overridden.body.items.map((e: any) => e.id)).toEqual([slo.id]);
      const status = await request(backend.server)
        .get('/api/quality-gates/gates/status')
        .query({ entityRef: CHECKOUT })
        .set('Authorization', user);
      const latest = status.body.latest.find(
        (e: any) => e.gateId === 'production-slo',
      );
      expect(latest.id).toBe(slo.id);
      expect(latest.override.reason).toBe(body.reason);
    });

    it('filters the history by verdict, gate and owner', async () => {
      const failed = await request(backend.server)
        .get('/api/quality-gates/gates/evaluations')
        .query({ verdict: 'error', gateId: 'production-slo' })
        .set('Authorization', user);
      expect(failed.body.totalCount).toBeGreaterThan(0);
      expect(
        failed.body.items.every(
          (e: any) => e.verdict === 'error' && e.gateId === 'production-slo',
        ),
      ).toBe(true);
      const owned = await request(backend.server)
        .get('/api/quality-gates/gates/evaluations')
        .query({ owner: 'team-a', limit: 500 })
        .set('Authorization', user);
      expect(owned.body.totalCount).toBeGreaterThan(0);
      const csv = await request(backend.server)
        .get('/api/quality-gates/gates/evaluations/export')
        .query({ verdict: 'error', gateId: 'production-slo' })
        .set('Authorization', user);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parse(csv.text, { columns: true }) as Array<
        Record<string, string>
      >;
      expect(rows).toHaveLength(failed.body.totalCount);
      expect(rows[0]).toMatchObject({
        gateId: 'production-slo',
        verdict: 'error',
      });
    });
  });
});
