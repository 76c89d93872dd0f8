import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  CriterionMeasurementRequest,
  qualityGatesCriterionSourcesExtensionPoint,
} from '@can-i-deploy/plugin-quality-gates-node';
import {
  startQualityGatesBackend,
  waitForCatalog,
} from '../__testUtils__/testBackend';
import {
  startStaticFileServer,
  StaticFileServer,
} from '../__testUtils__/staticFileServer';

// Components' own gate files against a real backend, through
// POST /gates/evaluate: each component's `.quality-gates.yaml` is served
// over HTTP and read by the real URL reader, as in gates.test.ts. Signals
// come from test sources whose answers the test sets (they stand in for a
// telemetry provider); one is safe for repository config, two are not (as
// a PromQL source is not), and the config allows one of those.

jest.setTimeout(60_000);

const answers = new Map<string, number>();
/** Which test source measured which signal, to show a refused one never ran. */
const measured: string[] = [];

function testSource(id: string, safeForRepositoryConfig?: boolean) {
  return {
    id,
    ...(safeForRepositoryConfig ? { safeForRepositoryConfig } : {}),
    async measure({ definition, origin }: CriterionMeasurementRequest) {
      const signal = String(definition.signal);
      measured.push(`${id}:${signal}:${origin}`);
      return { value: answers.get(signal) ?? null };
    },
  };
}

const testSources = createBackendModule({
  pluginId: 'quality-gates',
  moduleId: 'test-sources',
  register(reg) {
    reg.registerInit({
      deps: { sources: qualityGatesCriterionSourcesExtensionPoint },
      async init({ sources }) {
        sources.addCriterionSource(
          testSource('test-signal', true),
          testSource('test-query'),
          testSource('test-allowed-query'),
        );
      },
    });
  },
});

/** Each component's gate file; `plain` has none. */
const GATE_FILES: Record<string, string[]> = {
  // The reported attack: a warning band on a failing key criterion.
  warner: [
    'gates:',
    '  - id: release',
    '    criteria:',
    '      - key: errors',
    '        source: test-signal',
    "        warning: ['<= 0.05']",
  ],
  tightener: [
    'gates:',
    '  - id: release',
    '    passPercent: 95',
    '    criteria:',
    '      - key: errors',
    '        source: test-signal',
    "        pass: ['<= 0.001']",
    '        noData: fail',
  ],
  prober: [
    'gates:',
    '  - id: release',
    '    criteria:',
    '      - key: internal',
    '        source: test-query',
    '        signal: internal',
  ],
  allowed: [
    'gates:',
    '  - id: release',
    '    criteria:',
    '      - key: queue',
    '        source: test-allowed-query',
    '        signal: queue',
    "        pass: ['<= 100']",
  ],
};

describe('component gate files', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  let files: StaticFileServer;
  let catalogFile: string;

  beforeAll(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'component-gates-'));
    for (const [name, lines] of Object.entries(GATE_FILES)) {
      fs.mkdirSync(path.join(root, name));
      fs.writeFileSync(
        path.join(root, name, '.quality-gates.yaml'),
        lines.join('\n'),
      );
    }
    fs.mkdirSync(path.join(root, 'plain'));
    files = await startStaticFileServer(root);
    catalogFile = path.join(root, 'catalog.yaml');
    fs.writeFileSync(
      catalogFile,
      ['plain', ...Object.keys(GATE_FILES)]
        .map(name =>
          [
            'apiVersion: backstage.io/v1alpha1',
            'kind: Component',
            'metadata:',
            `  name: ${name}`,
            '  annotations:',
            `    backstage.io/source-location: url:${files.baseUrl}/${name}/`,
            'spec:',
            '  type: service',
            '  lifecycle: production',
            '  owner: group:default/team-a',
          ].join('\n'),
        )
        .join('\n---\n'),
    );
  });
  afterAll(() => files?.close());

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const user = mockCredentials.user.header();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        catalogFixture: catalogFile,
        config: {
          backend: { reading: { allow: [{ host: files.host }] } },
          qualityGates: {
            gates: {
              repositoryConfig: { allowedSources: ['test-allowed-query'] },
              definitions: [
                {
                  id: 'release',
                  title: 'Release',
                  environments: ['production'],
                  passPercent: 90,
                  warningPercent: 75,
                  criteria: [
                    {
                      key: 'errors',
                      source: 'test-signal',
                      signal: 'errors',
                      pass: ['<= 0.01'],
                      keyCriterion: true,
                    },
                    {
                      key: 'rest',
                      source: 'test-signal',
                      signal: 'rest',
                      pass: ['>= 1'],
                      weight: 3,
                    },
                  ],
                },
              ],
            },
          },
        },
        features: [testSources],
      });
      await waitForCatalog(backend, user, [
        'plain',
        ...Object.keys(GATE_FILES),
      ]);
    });
    afterAll(() => backend?.stop());

    beforeEach(() => {
      answers.clear();
      measured.length = 0;
    });

    const evaluate = (name: string) =>
      request(backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', user)
        .send({
          entityRef: `component:default/${name}`,
          environment: 'production',
          version: '1.0.0',
        });

    it('fails closed on a warning band the central key criterion does not have', async () => {
      // errors (key, weight 1) fails at 0.03, rest (weight 3) passes: 3/4 =
      // 75 and a failing key criterion, `fail`. With the band the score
      // would have been (0.5 + 3)/4 = 87.5, `warn`.
      answers.set('errors', 0.03);
      answers.set('rest', 1);
      const plain = await evaluate('plain');
      expect(plain.status).toBe(200);
      expect(plain.body).toMatchObject({
        verdict: 'fail',
        evaluations: [{ gateId: 'release', verdict: 'fail', score: 75 }],
      });

      const warner = await evaluate('warner');
      expect(warner.status).toBe(200);
      expect(warner.body.verdict).toBe('error');
      expect(warner.body.problems).toEqual([
        "gate 'release' criterion 'errors': warning: the central criterion has no warning band; adding one would turn a failure into a warning",
      ]);
      expect(warner.body.evaluations).toEqual([
        expect.objectContaining({
          gateId: 'release',
          verdict: 'error',
          score: null,
        }),
      ]);
      // Central criteria start measuring before the file is read (for
      // plain and for warner); what warner's file refused was never used.
      expect(measured).toEqual([
        'test-signal:errors:central',
        'test-signal:rest:central',
        'test-signal:errors:central',
        'test-signal:rest:central',
      ]);
      expect(warner.body.evaluations[0].criteria ?? []).toEqual([]);
      const stored = await request(backend.server)
        .get(
          `/api/quality-gates/gates/evaluations/${warner.body.evaluations[0].id}`,
        )
        .set('Authorization', user);
      expect(stored.body).toMatchObject({ verdict: 'error' });
    });

    it('evaluates what a file tightens as before, only stricter', async () => {
      answers.set('errors', 0.005);
      answers.set('rest', 1);
      expect((await evaluate('plain')).body).toMatchObject({
        verdict: 'pass',
        evaluations: [{ score: 100 }],
      });
      const tightened = await evaluate('tightener');
      expect(tightened.body).toMatchObject({
        verdict: 'fail',
        evaluations: [{ passPercent: 95, score: 75 }],
      });
      expect(tightened.body.evaluations[0].criteria[0]).toMatchObject({
        key: 'errors',
        state: 'fail',
        threshold: { pass: '<= 0.01 and <= 0.001' },
      });
    });

    it('refuses a criterion whose source is not safe for repository config, without measuring it', async () => {
      answers.set('errors', 0.005);
      answers.set('rest', 1);
      const prober = await evaluate('prober');
      expect(prober.body.verdict).toBe('error');
      expect(prober.body.problems).toHaveLength(1);
      expect(prober.body.problems[0]).toMatch(
        /^gate 'release' criterion 'internal': source 'test-query' cannot be used in a component's gate file, as it could reach hosts or run queries the platform team did not configure \(usable there: .*test-allowed-query.*; the platform team may add it to qualityGates\.gates\.repositoryConfig\.allowedSources\)$/,
      );
      const usable = /usable there: ([^;]*);/
        .exec(prober.body.problems[0])![1]
        .split(', ');
      expect(usable).toEqual(
        expect.arrayContaining(['pipeline', 'test-signal', 'trace']),
      );
      expect(usable).not.toContain('test-query');
      // The central criteria started while the file was read; the refused
      // one never ran.
      expect(measured).toEqual([
        'test-signal:errors:central',
        'test-signal:rest:central',
      ]);
    });

    it('lets a file use a source the platform team allowed for repositories', async () => {
      answers.set('errors', 0.005);
      answers.set('rest', 1);
      answers.set('queue', 500);
      const allowed = await evaluate('allowed');
      expect(allowed.body.verdict).toBe('fail');
      // Each source hears where its criterion came from.
      expect(measured.sort()).toEqual([
        'test-allowed-query:queue:component',
        'test-signal:errors:central',
        'test-signal:rest:central',
      ]);
      expect(allowed.body.evaluations[0].criteria).toContainEqual(
        expect.objectContaining({
          key: 'queue',
          source: 'test-allowed-query',
          state: 'fail',
          weight: 0,
          keyCriterion: true,
        }),
      );
    });
  });
});
