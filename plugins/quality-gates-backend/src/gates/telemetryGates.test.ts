import request from 'supertest';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  PrometheusServer,
  startPrometheus,
} from '../__testUtils__/prometheusServer';
import {
  startQualityGatesBackend,
  waitForCatalog,
} from '../__testUtils__/testBackend';
import { writeServiceCatalog } from '../__testUtils__/catalogFile';
import { deployScenarios } from './sources/__fixtures__/deployScenarios';

// "Can I deploy?" end to end: a real backend evaluates a gate whose criteria
// query a real Prometheus, started over a TSDB backfilled with promtool from
// the deploy scenarios (a clean deploy, an error-rate regression, a latency
// regression, an outage with no data). Prometheus is then stopped to show
// the gate fails closed.

jest.setTimeout(90_000);

const END = Math.floor(Date.now() / 60_000) * 60 - 60;
const MATCHERS =
  'service="{{entity.name}}",environment="{{environment}}",version="{{version}}"';
const SERVICES = ['clean', 'errors', 'latency', 'outage'];

function gates(baseUrl: string) {
  return {
    qualityGates: {
      gates: {
        deadlineSeconds: 10,
        prometheus: { baseUrl, timeoutSeconds: 5 },
        definitions: [
          {
            id: 'production-slo',
            title: 'Production SLOs',
            environments: ['production'],
            window: { minutes: 15 },
            criteria: [
              {
                key: 'error-ratio',
                title: 'Share of requests failing',
                source: 'prometheus',
                query:
                  `sum(rate(http_requests_total{${MATCHERS},code=~"5.."}[{{window}}]))` +
                  ` / sum(rate(http_requests_total{${MATCHERS}}[{{window}}]))`,
                sampleCountQuery: `sum(increase(http_requests_total{${MATCHERS}}[{{window}}]))`,
                minSampleSize: 100,
                pass: ['<= 0.01'],
                warning: ['<= 0.02'],
                weight: 2,
                keyCriterion: true,
              },
              {
                key: 'p95-latency',
                title: 'p95 latency (s)',
                source: 'prometheus',
                query: `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${MATCHERS}}[{{window}}])))`,
                degraded: 0.5,
                critical: 0.8,
                better: 'lower',
              },
            ],
          },
        ],
      },
    },
  };
}

describe('gates on production telemetry', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  const catalogFile = writeServiceCatalog('telemetry-gates', SERVICES);

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let prometheus: PrometheusServer;
    const auth = mockCredentials.user.header();

    beforeAll(async () => {
      prometheus = await startPrometheus({ openMetrics: deployScenarios(END) });
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        catalogFixture: catalogFile,
        config: gates(prometheus.baseUrl),
      });
      await waitForCatalog(backend, auth, SERVICES);
    });
    afterAll(() => prometheus?.stop());

    const evaluate = (service: string) =>
      request(backend.server)
        .post('/api/quality-gates/gates/evaluate')
        .set('Authorization', auth)
        .send({
          entityRef: `component:default/${service}`,
          environment: 'production',
          version: 'v2',
        });

    const criterion = (response: request.Response, key: string) =>
      response.body.evaluations[0].criteria.find((c: any) => c.key === key);

    it('lets a clean deploy through, with the evidence and a link to the query', async () => {
      const response = await evaluate('clean');
      expect(response.status).toBe(200);
      expect(response.body.verdict).toBe('pass');
      const errorRatio = criterion(response, 'error-ratio');
      expect(errorRatio.state).toBe('pass');
      expect(errorRatio.observed).toBeCloseTo(0.005, 3);
      expect(errorRatio.sampleSize).toBeGreaterThan(100);
      expect(errorRatio.query).toContain('service="clean"');
      expect(errorRatio.link).toMatch(
        new RegExp(`^${prometheus.baseUrl}/graph\\?g0\\.expr=`),
      );
    });

    it('stops an error-rate regression', async () => {
      const response = await evaluate('errors');
      expect(response.body.verdict).toBe('fail');
      expect(criterion(response, 'error-ratio')).toMatchObject({
        state: 'fail',
        message: expect.stringMatching(
          /0\.08 over the last 15 min; needs at most 0\.01/,
        ),
      });
      // The sentence and its facts come with it, typed.
      expect(criterion(response, 'error-ratio')).toMatchObject({
        summary: expect.arrayContaining([
          'query result ',
          { kind: 'number', value: expect.closeTo(0.08, 6) },
        ]),
        facts: expect.arrayContaining([
          { kind: 'duration', ms: 900_000, label: 'Window' },
        ]),
      });
    });

    it('stops a latency regression past critical', async () => {
      const response = await evaluate('latency');
      const latency = criterion(response, 'p95-latency');
      expect(latency.state).toBe('fail');
      expect(latency.observed).toBeGreaterThan(0.8);
      // The error ratio is fine: 2 of 3 weight = 66.67 %, below 75 %.
      expect(response.body.evaluations[0].score).toBeCloseTo(66.67, 2);
      expect(response.body.verdict).toBe('fail');
    });

    it('does not pass a service that went silent', async () => {
      const response = await evaluate('outage');
      expect(criterion(response, 'error-ratio').state).toBe('no_data');
      expect(response.body.verdict).toBe('fail');
    });

    it('fails closed when Prometheus is down', async () => {
      await prometheus.stop();
      const response = await evaluate('clean');
      expect(response.body.verdict).toBe('error');
      expect(criterion(response, 'error-ratio')).toMatchObject({
        state: 'error',
        message: expect.stringMatching(/source failed/),
      });
    });
  });
});
