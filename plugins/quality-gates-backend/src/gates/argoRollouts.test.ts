import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { JSONPath } from 'jsonpath-plus';
import { parseAllDocuments } from 'yaml';
import { TestBackend, TestDatabases } from '@backstage/backend-test-utils';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  STATIC_TOKEN,
  waitForCatalog,
} from '../__testUtils__/testBackend';

// The Argo Rollouts analysis templates in the docs, run the way the `web`
// metric provider runs them: the request they describe is sent to a real
// backend, the jsonPath is applied to the answer, and the template's
// conditions decide. A template and an endpoint that drift apart fail here.

jest.setTimeout(60_000);

const TEMPLATES = path.resolve(
  __dirname,
  '../../../../docs/examples/argo-rollouts-analysis-template.yaml',
);

interface WebMetric {
  method?: string;
  url: string;
  headers?: Array<{ key: string; value: string }>;
  jsonBody?: Record<string, string>;
  jsonPath: string;
}

interface AnalysisMetric {
  name: string;
  count?: number;
  inconclusiveLimit?: number;
  consecutiveErrorLimit?: number;
  failureLimit?: number;
  successCondition: string;
  failureCondition?: string;
  provider: { web?: WebMetric };
}

interface AnalysisTemplate {
  kind: string;
  metadata: { name: string };
  spec: { args: Array<{ name: string }>; metrics: AnalysisMetric[] };
}

function loadTemplates(): Map<string, AnalysisTemplate> {
  const documents = parseAllDocuments(fs.readFileSync(TEMPLATES, 'utf8'));
  const templates = documents.map(doc => {
    if (doc.errors.length > 0) throw doc.errors[0];
    return doc.toJS() as AnalysisTemplate;
  });
  return new Map(
    templates
      .filter(template => template.kind === 'AnalysisTemplate')
      .map(template => [template.metadata.name, template]),
  );
}

/** Argo fills `{{args.name}}` in every string of the metric. */
function substitute(text: string, args: Record<string, string>): string {
  return text.replace(/\{\{\s*args\.([\w-]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in args)) throw new Error(`No value for args.${name}`);
    return args[name];
  });
}

/** The `{$.path}` form Argo takes, read with a JSONPath library. */
function readJsonPath(jsonPath: string, body: unknown): unknown {
  const match = /^\{(\$.*)\}$/.exec(jsonPath);
  if (!match) throw new Error(`Not an Argo jsonPath: ${jsonPath}`);
  return JSONPath({ path: match[1], json: body as object, wrap: false });
}

/**
 * The conditions these templates use: `result == "…"`, joined by `||`.
 * Anything else throws, so a template using more must extend this first.
 */
function holds(condition: string, result: unknown): boolean {
  return condition.split('||').some(part => {
    const match = /^\s*result\s*==\s*"([^"]*)"\s*$/.exec(part);
    if (!match) throw new Error(`Unsupported condition: ${condition}`);
    return result === match[1];
  });
}

type Measurement = 'Successful' | 'Failed' | 'Inconclusive';

/** Argo's reading: success first, then failure, else inconclusive. */
function measurementOf(metric: AnalysisMetric, result: unknown): Measurement {
  if (holds(metric.successCondition, result)) return 'Successful';
  if (metric.failureCondition && holds(metric.failureCondition, result)) {
    return 'Failed';
  }
  return 'Inconclusive';
}

const ALWAYS_FROZEN = {
  cron: '0 0 * * *',
  duration: { hours: 24 },
  timeZone: 'UTC',
};

describe('Argo Rollouts analysis templates', () => {
  const templates = loadTemplates();
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it('use the web provider against the evaluate endpoint', () => {
    expect([...templates.keys()]).toEqual([
      'quality-gates',
      'quality-gates-allow-warn',
      'quality-gates-wait',
    ]);
    for (const template of templates.values()) {
      const [metric] = template.spec.metrics;
      expect(metric.provider.web).toMatchObject({
        method: 'POST',
        url: '{{args.backstage-url}}/api/quality-gates/gates/evaluate',
        jsonPath:
          template.metadata.name === 'quality-gates-wait'
            ? '{$.answer}'
            : '{$.verdict}',
      });
    }
    // Not yet measures again, up to the last measurement, and a run of
    // inconclusive and errored measurements never ends successful.
    const [wait] = templates.get('quality-gates-wait')!.spec.metrics;
    expect(wait).toMatchObject({
      count: 30,
      inconclusiveLimit: 29,
      consecutiveErrorLimit: 0,
      failureLimit: 0,
    });
  });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const database = capturePluginDatabase();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        realAuth: true,
        features: [database.feature],
        config: {
          qualityGates: {
            gates: {
              definitions: [
                {
                  id: 'release-window',
                  title: 'Release window',
                  environments: ['production'],
                  criteria: [
                    {
                      key: 'freeze',
                      source: 'freeze',
                      // Only on 29 February at midnight, for a minute.
                      windows: [
                        {
                          cron: '0 0 29 2 *',
                          duration: { minutes: 1 },
                          timeZone: 'UTC',
                        },
                      ],
                    },
                  ],
                },
                {
                  id: 'change-freeze',
                  title: 'Change freeze',
                  environments: ['frozen'],
                  criteria: [
                    {
                      key: 'freeze',
                      source: 'freeze',
                      windows: [ALWAYS_FROZEN],
                    },
                  ],
                },
                {
                  id: 'soak',
                  title: 'Soak in staging',
                  environments: ['soaking'],
                  criteria: [
                    {
                      key: 'soak',
                      source: 'wait-timer',
                      environment: 'staging',
                      pass: ['>= 3600'],
                    },
                  ],
                },
                {
                  id: 'canary-watch',
                  title: 'Canary watch',
                  environments: ['canary'],
                  mode: 'warn-only',
                  criteria: [
                    {
                      key: 'freeze',
                      source: 'freeze',
                      windows: [ALWAYS_FROZEN],
                    },
                  ],
                },
              ],
            },
          },
        },
      });
      await waitForCatalog(backend, `Bearer ${STATIC_TOKEN}`, ['checkout']);
      // 1.4.2 has just reached staging: its hour of soak has begun.
      const now = new Date();
      await database.knex()('deployments').insert({
        id: 'deploy-1.4.2',
        source: 'test',
        external_id: 'deploy-1.4.2',
        entity_ref: 'component:default/checkout',
        environment: 'staging',
        version: '1.4.2',
        artifact: null,
        actor: 'ci',
        status: 'succeeded',
        started_at: now,
        finished_at: now,
        created_at: now,
        updated_at: now,
      });
    });

    afterAll(async () => {
      await backend?.stop();
    });

    /** One measurement of the template's metric, as Argo takes it. */
    async function measure(templateName: string, environment: string) {
      const template = templates.get(templateName)!;
      const [metric] = template.spec.metrics;
      const web = metric.provider.web!;
      const args: Record<string, string> = {
        'backstage-url': 'https://backstage.example.com',
        'entity-ref': 'component:default/checkout',
        environment,
        version: '1.4.2',
        'quality-gates-token': STATIC_TOKEN,
      };
      expect(template.spec.args.map(arg => arg.name).sort()).toEqual(
        Object.keys(args).sort(),
      );

      const url = new URL(substitute(web.url, args));
      let call = request(backend.server).post(url.pathname);
      expect(web.method).toBe('POST');
      for (const header of web.headers ?? []) {
        call = call.set(header.key, substitute(header.value, args));
      }
      const body = Object.fromEntries(
        Object.entries(web.jsonBody ?? {}).map(([key, value]) => [
          key,
          substitute(value, args),
        ]),
      );
      const response = await call.send(JSON.stringify(body));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        entityRef: 'component:default/checkout',
        environment,
        version: '1.4.2',
      });
      const result = readJsonPath(web.jsonPath, response.body);
      return { result, measurement: measurementOf(metric, result) };
    }

    it('succeeds on pass', async () => {
      for (const name of ['quality-gates', 'quality-gates-allow-warn']) {
        expect(await measure(name, 'production')).toEqual({
          result: 'pass',
          measurement: 'Successful',
        });
      }
    });

    it('fails on fail and on error, never succeeds', async () => {
      for (const name of ['quality-gates', 'quality-gates-allow-warn']) {
        expect(await measure(name, 'frozen')).toEqual({
          result: 'fail',
          measurement: 'Failed',
        });
        // No gate applies to staging: nothing decided, which is an error.
        expect(await measure(name, 'staging')).toEqual({
          result: 'error',
          measurement: 'Failed',
        });
      }
    });

    it('leaves a warning to a person, or lets it through with allow-warn', async () => {
      expect(await measure('quality-gates', 'canary')).toEqual({
        result: 'warn',
        measurement: 'Inconclusive',
      });
      expect(await measure('quality-gates-allow-warn', 'canary')).toEqual({
        result: 'warn',
        measurement: 'Successful',
      });
    });

    it('measures again while the answer is not yet, reading the answer', async () => {
      expect(await measure('quality-gates-wait', 'soaking')).toEqual({
        result: 'not_yet',
        measurement: 'Inconclusive',
      });
      // The verdict alone cannot tell waiting from failing: read the answer.
      expect(await measure('quality-gates', 'soaking')).toEqual({
        result: 'fail',
        measurement: 'Failed',
      });
      expect(await measure('quality-gates-wait', 'production')).toEqual({
        result: 'yes',
        measurement: 'Successful',
      });
      expect(await measure('quality-gates-wait', 'frozen')).toEqual({
        result: 'no',
        measurement: 'Failed',
      });
      expect(await measure('quality-gates-wait', 'staging')).toEqual({
        result: 'error',
        measurement: 'Failed',
      });
    });

    it('stores each measurement in the gate history', async () => {
      const history = await request(backend.server)
        .get('/api/quality-gates/gates/evaluations')
        .query({
          entityRef: 'component:default/checkout',
          gateId: 'release-window',
        })
        .set('Authorization', `Bearer ${STATIC_TOKEN}`);
      expect(history.status).toBe(200);
      // Two production measurements of the verdict templates, one of the answer's.
      expect(history.body.totalCount).toBe(3);
      expect(history.body.items[0]).toMatchObject({
        environment: 'production',
        version: '1.4.2',
        verdict: 'pass',
      });
    });

    it('passes a frozen version once an override applies to it', async () => {
      const override = await request(backend.server)
        .post('/api/quality-gates/gates/overrides')
        .set('Authorization', `Bearer ${STATIC_TOKEN}`)
        .send({
          entityRef: 'component:default/checkout',
          environment: 'frozen',
          version: '1.4.2',
          gateId: 'change-freeze',
          reason: 'Security fix approved during the freeze',
          expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        });
      expect(override.status).toBe(201);
      expect(await measure('quality-gates', 'frozen')).toEqual({
        result: 'pass',
        measurement: 'Successful',
      });
    });
  });
});
