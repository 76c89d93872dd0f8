import { AddressInfo } from 'node:net';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
// The plugin's own test backend (a real catalog, one database per plugin):
// test-only, so the plugin does not export it.
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import {
  startQualityGatesBackend,
  waitForCatalog,
} from '@can-i-deploy/plugin-quality-gates-backend/src/__testUtils__/testBackend';
import { LocalServer, startLocalServer } from './__testUtils__/localServers';
import { startMlflowFixtureServer } from './__testUtils__/mlflowFixtureServer';
import { RUN_V7, TOKEN } from './mlflow/__fixtures__/mlflowRestResponses';
import checksModule from './index';

// The plugin with this module on a real test backend: gates in config use
// http-check (against a local stand-in for a model server) and mlflow
// (against a local server answering with MLflow REST responses written to
// the API reference's shapes — no MLflow server can run here), and are
// asked through POST /api/quality-gates/gates/evaluate.

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout';

describe('quality-gates checks module', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  let mlflow: LocalServer;
  let modelServer: LocalServer;
  /** What the model server's /predict answers. */
  let predictStatus = 200;

  beforeAll(async () => {
    mlflow = await startMlflowFixtureServer();
    modelServer = await startLocalServer((request, response) => {
      const path = new URL(request.url, 'http://model').pathname;
      if (path === '/health') {
        response.writeHead(200).end('{"status":"ok"}');
      } else if (path === '/predict') {
        response.writeHead(predictStatus).end('{"fraud":0.02}');
      } else {
        response.writeHead(404).end();
      }
    });
  });

  afterAll(async () => {
    await mlflow?.close();
    await modelServer?.close();
  });

  const gatesConfig = () => ({
    qualityGates: {
      checks: {
        http: { allowedHosts: ['127.0.0.1'] },
        mlflow: { baseUrl: mlflow.url, token: TOKEN },
      },
      gates: {
        definitions: [
          {
            id: 'model-release',
            title: 'Model release',
            environments: ['production'],
            criteria: [
              {
                key: 'smoke',
                title: 'The model server answers',
                source: 'http-check',
                urls: [
                  `${modelServer.url}/health?model-version={{version}}`,
                  `${modelServer.url}/predict`,
                ],
                maxLatencyMs: 2_000,
                tries: 2,
                backoffMs: 50,
                keyCriterion: true,
              },
              {
                key: 'accuracy',
                source: 'mlflow',
                model: 'fraud-detector',
                metric: 'accuracy',
                pass: ['>= 0.9'],
              },
              {
                key: 'drift',
                source: 'mlflow',
                model: 'fraud-detector',
                metric: 'psi',
                pass: ['< 0.1'],
                warning: ['< 0.2'],
              },
            ],
          },
          {
            id: 'model-regression',
            title: 'No regression against the last passing version',
            environments: ['staging'],
            criteria: [
              {
                key: 'accuracy-vs-last',
                source: 'mlflow',
                model: 'fraud-detector',
                metric: 'accuracy',
                pass: ['>=-1%'],
                baseline: { from: 1 },
                // The first version has nothing to compare with.
                noData: 'pass',
              },
            ],
          },
        ],
      },
    },
  });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let baseUrl: string;
    const authorization = mockCredentials.user.header();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        config: gatesConfig(),
        features: [checksModule],
      });
      baseUrl = `http://127.0.0.1:${
        (backend.server.address() as AddressInfo).port
      }`;
      await waitForCatalog(backend, authorization, ['checkout']);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    beforeEach(() => {
      predictStatus = 200;
    });

    async function evaluate(environment: string, version: string) {
      const response = await fetch(
        `${baseUrl}/api/quality-gates/gates/evaluate`,
        {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ entityRef: CHECKOUT, environment, version }),
        },
      );
      expect(response.status).toBe(200);
      return (await response.json()) as {
        verdict: string;
        evaluations: Array<{
          gateId: string;
          verdict: string;
          criteria: Array<Record<string, any>>;
        }>;
      };
    }

    const criterion = (
      answer: Awaited<ReturnType<typeof evaluate>>,
      key: string,
    ) => answer.evaluations[0].criteria.find(c => c.key === key)!;

    it('passes a model whose server answers and whose metrics hold, with the evidence', async () => {
      const answer = await evaluate('production', '7');
      expect(answer.verdict).toBe('pass');
      expect(answer.evaluations).toHaveLength(1);
      expect(answer.evaluations[0]).toMatchObject({
        gateId: 'model-release',
        verdict: 'pass',
      });

      const smoke = criterion(answer, 'smoke');
      expect(smoke).toMatchObject({
        source: 'http-check',
        state: 'pass',
        observed: 1,
        sampleSize: 2,
        threshold: { pass: '>= 1' },
        details: { passed: 2, failed: [] },
      });
      expect(smoke.details.urls[0].url).toBe(
        `${modelServer.url}/health?model-version=7`,
      );

      expect(criterion(answer, 'accuracy')).toMatchObject({
        source: 'mlflow',
        state: 'pass',
        observed: 0.934,
        link: `${mlflow.url}/#/models/fraud-detector/versions/7`,
        details: {
          model: 'fraud-detector',
          version: '7',
          runId: RUN_V7,
          historyLength: 3,
        },
      });
      expect(criterion(answer, 'drift')).toMatchObject({
        state: 'pass',
        observed: 0.08,
        threshold: { pass: '< 0.1', warning: '< 0.2' },
      });
    });

    it('fails when an endpoint keeps failing, and keeps every try', async () => {
      predictStatus = 503;
      const answer = await evaluate('production', '7');
      expect(answer.verdict).toBe('fail');
      const smoke = criterion(answer, 'smoke');
      expect(smoke).toMatchObject({ state: 'fail', observed: 0.5 });
      expect(smoke.details.failed).toEqual([`${modelServer.url}/predict`]);
      expect(smoke.details.urls[1].attempts.map((a: any) => a.error)).toEqual([
        'status 503, expected 2xx',
        'status 503, expected 2xx',
      ]);
    });

    it('is an error when MLflow does not know the version', async () => {
      const answer = await evaluate('production', '42');
      expect(answer.verdict).toBe('error');
      expect(criterion(answer, 'accuracy')).toMatchObject({
        state: 'error',
        observed: null,
        message: expect.stringContaining(
          'Model Version (name=fraud-detector, version=42) not found',
        ),
      });
    });

    it('judges a relative threshold against the last passing evaluation', async () => {
      const first = await evaluate('staging', '6');
      expect(first.verdict).toBe('pass');
      expect(criterion(first, 'accuracy-vs-last')).toMatchObject({
        observed: 0.951,
        baseline: { value: null, from: 0 },
      });
      // 0.934 is 1.8 % below 0.951: more than the 1 % allowed.
      const second = await evaluate('staging', '7');
      expect(second.verdict).toBe('fail');
      expect(criterion(second, 'accuracy-vs-last')).toMatchObject({
        state: 'fail',
        observed: 0.934,
        baseline: { value: 0.951, from: 1 },
      });
    });
  });
});
