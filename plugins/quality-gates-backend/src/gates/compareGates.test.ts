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
import { compareScenarios } from './sources/compare/__fixtures__/compareScenarios';

// A canary gate end to end: a real backend evaluates `source: compare`
// criteria (error ratio and latency histogram, v2 against the v1 serving
// beside it) over a real Prometheus backfilled with the compare scenarios,
// and keeps the statistical evidence with the stored evaluation.

jest.setTimeout(120_000);

const END = Math.floor(Date.now() / 60_000) * 60 - 60;
const SERVICES = ['canary-errors', 'canary-clean', 'canary-quiet'];
const SELECTOR = '{service="{{entity.name}}",environment="{{environment}}"}';

function gates(baseUrl: string) {
  return {
    qualityGates: {
      gates: {
        deadlineSeconds: 20,
        prometheus: { baseUrl, timeoutSeconds: 5 },
        definitions: [
          {
            id: 'canary-analysis',
            title: 'Canary analysis',
            environments: ['production'],
            window: { minutes: 30 },
            criteria: [
              {
                key: 'canary-errors',
                title: 'Error ratio against the baseline',
                source: 'compare',
                keyCriterion: true,
                metric: {
                  type: 'errorRatio',
                  counter: 'http_requests_total',
                  selector: SELECTOR,
                },
                // Stricter than the default ×3: a pass must show at most ×2,
                // which the clean canary's 33 errors cannot yet.
                passTolerance: { relative: 1 },
              },
              {
                key: 'canary-latency',
                title: 'Latency against the baseline',
                source: 'compare',
                metric: {
                  type: 'histogram',
                  histogram: 'http_request_duration_seconds',
                  selector: SELECTOR,
                },
              },
            ],
          },
        ],
      },
    },
  };
}

describe('gates comparing a canary with its baseline', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  const catalogFile = writeServiceCatalog('compare-gates', SERVICES);

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let prometheus: PrometheusServer;
    const auth = mockCredentials.user.header();

    beforeAll(async () => {
      prometheus = await startPrometheus({
        openMetrics: compareScenarios(END),
      });
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

    const criterion = (evaluation: any, key: string) =>
      evaluation.criteria.find((c: any) => c.key === key);

    it('stops a canary failing three times as often, with the evidence of both sides', async () => {
      const response = await evaluate('canary-errors');
      expect(response.status).toBe(200);
      expect(response.body.verdict).toBe('fail');
      const evaluation = response.body.evaluations[0];
      const errors = criterion(evaluation, 'canary-errors');
      expect(errors).toMatchObject({ state: 'fail', observed: 0 });
      expect(errors.sampleSize).toBeGreaterThan(5000);
      expect(errors.link).toBe(errors.details.links.candidate);
      expect(errors.query).toBe(errors.details.queries.candidate[0]);

      const details = errors.details;
      expect(details.state).toBe('fail');
      expect(details.baseline).toMatchObject({
        requested: 'auto',
        strategy: 'canary',
        version: 'v1',
        window: '30m',
        reason: expect.any(String),
      });
      expect(details.candidate).toMatchObject({ version: 'v2', window: '30m' });
      // v1 at 0.5 % and v2 at 1.5 % errors; v2 gets a quarter of v1's traffic.
      expect(details.figures.baseline.errorRatio).toBeCloseTo(0.005, 3);
      expect(details.figures.candidate.errorRatio).toBeCloseTo(0.015, 3);
      expect(details.figures.baseline.requests).toBeGreaterThan(
        3 * details.figures.candidate.requests,
      );
      expect(details.test).toBe('beta-binomial mixture confidence sequence');
      expect(details.pValue).toBeLessThan(0.001);
      expect(details.effect.estimate).toBeCloseTo(3, 1);
      expect(details.interval).toMatchObject({
        lower: expect.any(Number),
        upper: expect.any(Number),
      });
      expect(details.sampleSizes).toMatchObject({ minimum: 500 });
      expect(details.links.baseline).toMatch(
        new RegExp(`^${prometheus.baseUrl}/graph\\?g0\\.expr=`),
      );
      expect(details.links.baseline).toContain('version%3D%22v1%22');
      expect(details.links.candidate).toContain('version%3D%22v2%22');

      // The latency profiles of both versions are the same.
      const latency = criterion(evaluation, 'canary-latency');
      expect(latency.state).toBe('pass');
      expect(latency.details.test).toBe(
        'rank confidence sequence over buckets',
      );
      expect(latency.details.quantiles.map((q: any) => q.quantile)).toEqual([
        0.5, 0.9, 0.99,
      ]);

      // The stored evaluation keeps the same evidence.
      const stored = await request(backend.server)
        .get(`/api/quality-gates/gates/evaluations/${evaluation.id}`)
        .set('Authorization', auth);
      expect(stored.status).toBe(200);
      expect(criterion(stored.body, 'canary-errors').details).toEqual(details);
      expect(criterion(stored.body, 'canary-latency').details).toEqual(
        latency.details,
      );
    });

    it('answers not yet on a canary whose errors differ by noise only, until they show the change small', async () => {
      // Valid at every look, 33 errors in 6,000 requests cannot yet show the
      // change within +100 %: not a block, a time to ask again.
      const response = await evaluate('canary-clean');
      expect(response.body.verdict).toBe('fail');
      expect(response.body.answer).toBe('not_yet');
      const evaluation = response.body.evaluations[0];
      const errors = criterion(evaluation, 'canary-errors');
      expect(errors).toMatchObject({ state: 'no_data', observed: null });
      expect(errors.details.needed).toEqual(expect.any(Number));
      expect(errors.askAgainAt).toBe(response.body.askAgainAt);
      expect(
        Date.parse(response.body.askAgainAt) -
          Date.parse(response.body.decidedAt),
      ).toBeGreaterThan(60_000);
      expect(errors.message).toMatch(
        /about \d+ more candidate requests to decide .*; not yet, ask again at /,
      );
      expect(response.body.sentence).toMatch(
        /^Not yet: Canary analysis cannot decide yet — no data: error ratio .*more candidate requests to decide[^;]*; ask again after [^;]*\.$/,
      );
      expect(criterion(evaluation, 'canary-latency').state).toBe('pass');
    });

    it('does not pass a canary with too little traffic, and says how long to wait', async () => {
      const response = await evaluate('canary-quiet');
      expect(response.body.verdict).toBe('fail');
      expect(response.body.answer).toBe('not_yet');
      const errors = criterion(response.body.evaluations[0], 'canary-errors');
      expect(errors).toMatchObject({ state: 'no_data', observed: null });
      expect(errors.details.state).toBe('inconclusive');
      expect(errors.details.figures.candidate.requests).toBeLessThan(500);
      expect(errors.details.missing).toEqual([
        expect.objectContaining({
          side: 'candidate',
          missing: expect.any(Number),
          secondsToWait: expect.any(Number),
          description: expect.stringMatching(
            /^candidate needs \d+ more requests \(about .+ at the current rate\)$/,
          ),
        }),
      ]);
      expect(errors.details.noData).toMatch(/^inconclusive: /);
      const latency = criterion(response.body.evaluations[0], 'canary-latency');
      expect(latency.state).toBe('no_data');
      expect(latency.details.state).toBe('inconclusive');
    });
  });
});
