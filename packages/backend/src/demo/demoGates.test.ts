import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { StaticConfigSource } from '@backstage/config-loader';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import qualityGatesPlugin from '@can-i-deploy/plugin-quality-gates-backend';
import { exampleRepositoriesReader } from '../examples/exampleRepositoriesReader';
import { DateTime } from 'luxon';
import { DemoConfig } from './config/demoRootConfig';
import { demoHistoryFor } from './history/demoHistory';
import { createDemoModule } from './demoModule';

// The demo as the example backend runs it: the example catalog, the gates
// of app-config.yaml, the demo module writing its history through the
// plugin's endpoints and starting a real Prometheus (with promtool's
// backfill) whose address the root config takes at start-up. Each story
// must read as its scenario says.

jest.setTimeout(90_000);

const user = mockCredentials.user.header();
const REPO = path.resolve(__dirname, '../../../..');
const appConfig = YAML.parse(
  fs.readFileSync(path.join(REPO, 'app-config.yaml'), 'utf8'),
);
const DEMO_ENTITIES: string[] = appConfig.qualityGates.demoData.entities;
// The smoke test calls the backend on its fixed port, which a test backend
// does not listen on.
const GATES = appConfig.qualityGates.gates.definitions.filter(
  (gate: { id: string }) => gate.id !== 'smoke-test',
);

describe('the demo gates over the demo telemetry', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: TestBackend;

  beforeAll(async () => {
    const demoConfig = new DemoConfig();
    const base = StaticConfigSource.create({
      data: {
        catalog: {
          rules: [{ allow: ['Component', 'System', 'API', 'Group', 'User'] }],
          locations: ['org.yaml', 'entities.yaml'].map(file => ({
            type: 'file',
            target: path.join(REPO, 'examples', file),
          })),
        },
        exampleRepositories: {
          baseUrl: appConfig.exampleRepositories.baseUrl,
          directory: path.join(REPO, 'examples/repositories'),
        },
        qualityGates: {
          github: { webhookSecret: 'demo-test-secret' },
          readiness: appConfig.qualityGates.readiness,
          gates: { definitions: GATES },
          demoData: { enabled: true, entities: DEMO_ENTITIES },
        },
      },
    });
    backend = await startTestBackend({
      features: [
        createServiceFactory({
          service: coreServices.database,
          deps: {},
          async factory() {
            return mockServices.database({
              knex: await databases.init('SQLITE_3'),
            });
          },
        }),
        demoConfig.rootConfigFactory({ base }),
        mockServices.rootLogger.factory({ level: 'warn' }),
        exampleRepositoriesReader,
        catalogPlugin,
        qualityGatesPlugin,
        createDemoModule(demoConfig),
      ],
    });
    // The demo asks the gates last, for each entity in turn.
    await waitFor(async () => {
      const response = await request(backend.server)
        .get('/api/quality-gates/gates/decisions')
        .set('Authorization', user)
        .query({ entityRef: DEMO_ENTITIES[DEMO_ENTITIES.length - 1] });
      return response.body.total >= 3 ? true : undefined;
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function waitFor<T>(read: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('demo data did not land');
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  /** Asks about the newest version of the entity, as the demo's CI does. */
  async function ask(name: string, environment: string) {
    const entityRef = `component:default/${name}`;
    const { releases } = demoHistoryFor(entityRef, '', DateTime.utc());
    const version = releases[releases.length - 1].version;
    const response = await request(backend.server)
      .post('/api/quality-gates/gates/evaluate')
      .set('Authorization', user)
      .send({ entityRef, environment, version, trigger: 'manual' });
    expect([response.status, response.body.error]).toEqual([200, undefined]);
    const decision = response.body;
    const criterion = (gateId: string, key: string) =>
      decision.evaluations
        .find((evaluation: any) => evaluation.gateId === gateId)
        ?.criteria.find((c: any) => c.key === key);
    return { decision, criterion };
  }

  it('writes weeks of linked history through the ingest endpoints', async () => {
    const get = (route: string, query: Record<string, string | number>) =>
      request(backend.server)
        .get(`/api/quality-gates${route}`)
        .set('Authorization', user)
        .query(query);
    const entityRef = 'component:default/checkout';
    const { body } = await get('/deployments', { entityRef, limit: 500 });
    const items: any[] = body.items;
    expect(new Set(items.map(item => item.environment))).toEqual(
      new Set(['development', 'staging', 'production']),
    );
    const days =
      (Date.parse(items[0].startedAt) -
        Date.parse(items[items.length - 1].startedAt)) /
      86_400_000;
    expect(days).toBeGreaterThan(21);
    // Deployments carry their commits (from the signed GitHub webhooks) and
    // their CI run (from the OTLP trace), whose spans the waterfall reads.
    const deployment = items.find(item => item.environment === 'production');
    expect(deployment.changes.some((change: any) => change.committedAt)).toBe(
      true,
    );
    expect(deployment.pipelineRun).toMatchObject({
      source: 'otlp',
      result: 'success',
    });
    const trace = await get(`/traces/${deployment.pipelineRun.traceId}`, {});
    expect(trace.body.spans.length).toBeGreaterThan(100);
    const incidents = await get('/incidents', { entityRef, limit: 100 });
    expect(incidents.body.items.length).toBeGreaterThan(0);
    const readiness = await get('/readiness/entity/history', { entityRef });
    expect(readiness.body.items.length).toBeGreaterThanOrEqual(4);
  });

  it('lets the clean rollout through, in staging and in production', async () => {
    expect((await ask('checkout', 'development')).decision.answer).toBe('yes');
    const staging = await ask('checkout', 'staging');
    expect(staging.decision.answer).toBe('yes');
    expect(staging.criterion('staging-health', 'error-ratio')).toMatchObject({
      state: 'pass',
    });
    const production = await ask('checkout', 'production');
    expect(production.decision.answer).toBe('yes');
    // After a full rollout the version before is the baseline.
    const errors = production.criterion('canary-analysis', 'errors');
    expect(errors.state).toBe('pass');
    expect(errors.details.baseline.strategy).toBe('previous');
    expect(production.criterion('staging-soak', 'soak').state).toBe('pass');
  });

  it('blocks the canary that fails three times as often as the stable version', async () => {
    const { decision, criterion } = await ask('payments', 'production');
    expect(decision.answer).toBe('no');
    expect(decision.sentence).toMatch(
      /^No: As good as the version before fails/,
    );
    const errors = criterion('canary-analysis', 'errors');
    expect(errors.state).toBe('fail');
    expect(errors.details.baseline.strategy).toBe('canary');
    expect(errors.message).toMatch(/error ratio 0\.[23]\d* % → 0\.[89]\d* %/);
    expect((await ask('payments', 'staging')).decision.answer).toBe('yes');
  });

  it('holds the next version while the production SLO burns its budget', async () => {
    const { decision, criterion } = await ask('inventory', 'production');
    expect(decision.answer).toBe('no');
    expect(decision.sentence).toMatch(/^No: Production error budget fails/);
    const burn = criterion('production-slo', 'burn-rate');
    expect(burn.state).toBe('fail');
    expect(burn.observed).toBeGreaterThan(1);
    expect((await ask('inventory', 'staging')).decision.answer).toBe('yes');
  });

  it('waits for more traffic on the quiet canary', async () => {
    const { decision, criterion } = await ask('recommendations', 'production');
    expect(decision.answer).toBe('not_yet');
    const errors = criterion('canary-analysis', 'errors');
    expect(errors.state).toBe('no_data');
    expect(Date.parse(errors.askAgainAt)).toBeGreaterThan(Date.now());
  });

  it('says not yet while the version soaks in staging', async () => {
    const { decision, criterion } = await ask('storefront', 'production');
    expect(decision.answer).toBe('not_yet');
    const soak = criterion('staging-soak', 'soak');
    expect(soak.state).toBe('fail');
    // Forty minutes of the hour are left.
    const left = Date.parse(soak.askAgainAt) - Date.now();
    expect(left).toBeGreaterThan(35 * 60_000);
    expect(left).toBeLessThan(45 * 60_000);
    expect((await ask('storefront', 'staging')).decision.answer).toBe('yes');
  });
});
