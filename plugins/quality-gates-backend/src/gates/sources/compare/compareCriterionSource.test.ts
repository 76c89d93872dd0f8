import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  CriterionMeasurementRequest,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { Knex } from 'knex';
import {
  PrometheusServer,
  startPrometheus,
} from '../../../__testUtils__/prometheusServer';
import { applyDatabaseMigrations } from '../../../database/migrations';
import { DatabaseDeploymentStore } from '../../../deployments/DatabaseDeploymentStore';
import { compareScenarios } from './__fixtures__/compareScenarios';
import { createCompareCriterionSource } from './compareCriterionSource';

// A real Prometheus over a TSDB backfilled with compareScenarios: canaries
// beside a stable version, a rolling deploy and a memory gauge. The
// deployments table (SQLite) says which version served before v2.

jest.setTimeout(90_000);

const logger = mockServices.rootLogger({ level: 'none' });
const END = Math.floor(Date.now() / 60_000) * 60 - 60;
const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();
const LAST_30M = { start: iso(END - 1800), end: iso(END) };
const SERVICE = {
  selector: '{service="{{entity.name}}",environment="{{environment}}"}',
};
const ERROR_RATIO = {
  type: 'errorRatio',
  counter: 'http_requests_total',
  ...SERVICE,
};

function request(
  service: string,
  definition: Record<string, unknown>,
): CriterionMeasurementRequest {
  return {
    entityRef: `component:default/${service}`,
    environment: 'production',
    version: 'v2',
    definition,
    window: LAST_30M,
    origin: 'central',
  };
}

describe('compare criterion source', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let prometheus: PrometheusServer;
  let knex: Knex;
  let source: CriterionSource;

  beforeAll(async () => {
    [prometheus, knex] = await Promise.all([
      startPrometheus({ openMetrics: compareScenarios(END) }),
      databases.init('SQLITE_3'),
    ]);
    await applyDatabaseMigrations(knex);
    await new DatabaseDeploymentStore(knex).upsertDeployments(
      ['v1', 'v2'].map((version, i) => ({
        source: 'test',
        externalId: `rolling-slow-${version}`,
        entityRef: 'component:default/rolling-slow',
        environment: 'production',
        version,
        status: 'succeeded',
        startedAt: iso(END - (3 - 2 * i) * 3600),
        finishedAt: iso(END - (3 - 2 * i) * 3600 + 60),
      })),
    );
    source = createCompareCriterionSource({
      config: new ConfigReader({
        qualityGates: {
          gates: { prometheus: { baseUrl: prometheus.baseUrl } },
        },
      }),
      logger,
      knex,
    })!;
  });
  afterAll(() => prometheus?.stop());

  it('is offered only when a Prometheus server is configured', () => {
    expect(source.id).toBe('compare');
    expect(
      createCompareCriterionSource({
        config: new ConfigReader({}),
        logger,
        knex,
      }),
    ).toBeUndefined();
  });

  it('fails a canary whose error ratio is three times the stable one', async () => {
    const measured = await source.measure(
      request('canary-errors', { metric: ERROR_RATIO }),
    );
    expect(measured.value).toBe(0);
    const details = measured.details as any;
    expect(details.state).toBe('fail');
    expect(details.baseline).toMatchObject({
      requested: 'auto',
      strategy: 'canary',
      version: 'v1',
      start: LAST_30M.start,
      end: LAST_30M.end,
    });
    expect(details.figures.baseline).toEqual({
      requests: 24000,
      errors: 120,
      errorRatio: 0.005,
    });
    expect(details.figures.candidate).toEqual({
      requests: 6000,
      errors: 90,
      errorRatio: 0.015,
    });
    expect(details.test).toBe('beta-binomial mixture confidence sequence');
    expect(details.pValue).toBeLessThan(0.001);
    expect(details.effect.estimate).toBeCloseTo(3, 5);
    expect(measured.sampleSize).toBe(6000);
    // Series there at the window's start by increase(), new ones by what they counted.
    const errors =
      'http_requests_total{service="canary-errors",environment="production",version="v2",code=~"5.."}';
    expect(details.queries.candidate[1]).toBe(
      `sum ((increase(${errors}[30m]) and ${errors} offset 30m) or (last_over_time(${errors}[30m]) unless ${errors} offset 30m))`,
    );
    expect(details.links.baseline).toContain('version%3D%22v1%22');
    expect(measured.link).toBe(details.links.candidate);
  });

  it('counts a version deployed two minutes ago exactly: its buckets, requests and errors agree', async () => {
    // v2 of canary-clean started an hour before END; ask two minutes later
    // over a window that reaches back before it. increase() would
    // extrapolate each bucket's series by its own amount (fractions, and
    // buckets out of step); what v2 counted is whole requests.
    const started = END - 3600;
    const window = { start: iso(started - 28 * 60), end: iso(started + 120) };
    const [errors, latency] = await Promise.all(
      [
        ERROR_RATIO,
        {
          type: 'histogram',
          histogram: 'http_request_duration_seconds',
          ...SERVICE,
        },
      ].map(metric =>
        source.measure({ ...request('canary-clean', { metric }), window }),
      ),
    );
    const counted = (errors.details as any).figures.candidate;
    expect(Number.isInteger(counted.requests)).toBe(true);
    expect(Number.isInteger(counted.errors)).toBe(true);
    expect(counted.requests % 50).toBe(0);
    expect(counted.requests).toBeGreaterThanOrEqual(350);
    expect(counted.requests).toBeLessThanOrEqual(450);
    const buckets = (latency.details as any).figures.candidate.buckets as {
      count: number;
    }[];
    for (const bucket of buckets) {
      expect(Number.isInteger(bucket.count)).toBe(true);
    }
    expect(buckets[buckets.length - 1].count).toBe(counted.requests);
    expect((latency.details as any).state).not.toBe('fail');
  });

  it('waits on a clean canary until its errors show the change within a strict pass tolerance, and passes it within the default', async () => {
    // 33 errors in 6,000 requests against 120 in 24,000 cannot yet show the
    // change within +100 % at 99 % under repeated looks (ratio ×0.4–×2.5):
    // not yet, with the time the rest of the traffic takes.
    const measured = await source.measure(
      request('canary-clean', {
        metric: ERROR_RATIO,
        passTolerance: { relative: 1 },
      }),
    );
    expect(measured.value).toBeNull();
    const details = measured.details as any;
    expect(details.state).toBe('inconclusive');
    expect(details.needed).toBeGreaterThan(1000);
    expect(details.secondsToDecision).toBeGreaterThan(60);
    const asked = Date.parse(measured.notYet!.askAgainAt!);
    expect(asked - Date.parse(LAST_30M.end)).toBe(
      details.secondsToDecision * 1000,
    );
    expect(measured.notYet!.reason).toMatch(
      /^about \d+ more candidate requests to decide/,
    );

    // The default pass tolerance, +200 % (×3), it shows.
    const wider = await source.measure(
      request('canary-clean', { metric: ERROR_RATIO }),
    );
    expect(wider.value).toBe(1);
    expect(wider.notYet).toBeUndefined();
    expect((wider.details as any).pValue).toBeGreaterThan(0.05);
  });

  it('is inconclusive — no value, never a pass — for a canary with little traffic', async () => {
    const measured = await source.measure(
      request('canary-quiet', { metric: ERROR_RATIO }),
    );
    const details = measured.details as any;
    expect(measured.value).toBeNull();
    expect(details.state).toBe('inconclusive');
    expect(details.figures.candidate.requests).toBe(120);
    // 380 more at 120 per 30 minutes.
    expect(details.missing).toEqual([
      expect.objectContaining({
        side: 'candidate',
        missing: 380,
        secondsToWait: 5700,
      }),
    ]);
    expect(details.noData).toMatch(/candidate needs 380 more requests/);
  });

  it('fails a decisive regression below the minimum sample at once: the minimum is a floor for passing only', async () => {
    const measured = await source.measure(
      request('canary-quiet-broken', { metric: ERROR_RATIO }),
    );
    const details = measured.details as any;
    expect(details.figures.candidate.requests).toBe(120);
    expect(details.sampleSizes.minimum).toBe(500);
    expect(details.state).toBe('fail');
    expect(measured.value).toBe(0);
    expect(measured.notYet).toBeUndefined();
  });

  it('fails a rolling deploy whose latency rose by half against the version before', async () => {
    const measured = await source.measure(
      request('rolling-slow', {
        metric: {
          type: 'histogram',
          histogram: 'http_request_duration_seconds',
          ...SERVICE,
        },
      }),
    );
    const details = measured.details as any;
    expect(details.baseline).toMatchObject({
      strategy: 'previous',
      version: 'v1',
      start: iso(END - 3600 - 1800),
      end: iso(END - 3600),
    });
    expect(details.state).toBe('fail');
    expect(measured.value).toBe(0);
    expect(details.test).toBe('rank confidence sequence over buckets');
    expect(details.figures.candidate.count).toBe(24000);
    expect(details.quantiles.map((q: any) => q.quantile)).toEqual([
      0.5, 0.9, 0.99,
    ]);
    // The sequential judge keeps each quantile's estimates, not their ratio.
    const median = details.quantiles[0];
    expect(median.candidate / median.baseline).toBeCloseTo(1.5, 1);
  });

  it('is inconclusive when the same window a day earlier has no data', async () => {
    // Nothing was scraped a day earlier: inconclusive, not pass.
    const measured = await source.measure(
      request('rolling-slow', {
        metric: {
          type: 'histogram',
          histogram: 'http_request_duration_seconds',
          ...SERVICE,
        },
        compareWith: { strategy: 'previous', offset: '1d' },
      }),
    );
    expect(measured.value).toBeNull();
    expect((measured.details as any).baseline).toMatchObject({
      offset: '1d',
      end: iso(END - 86400),
    });
  });

  it('fails a gauge that grew by half', async () => {
    const measured = await source.measure(
      request('memory', {
        metric: {
          type: 'gauge',
          metric: 'process_resident_memory_bytes',
          ...SERVICE,
        },
      }),
    );
    const details = measured.details as any;
    expect(details.baseline.strategy).toBe('canary');
    expect(details.figures.candidate.samples).toBeGreaterThanOrEqual(60);
    expect(details.figures.baseline.median).toBeGreaterThan(95e6);
    expect(details.figures.candidate.median).toBeGreaterThan(145e6);
    expect(details.state).toBe('fail');
    expect(details.effect.estimate).toBeGreaterThan(40e6);
  });

  it('is inconclusive when no baseline can be found', async () => {
    const measured = await source.measure(
      request('rolling-slow', {
        metric: ERROR_RATIO,
        compareWith: { strategy: 'canary' },
      }),
    );
    expect(measured.value).toBeNull();
    expect((measured.details as any).noData).toMatch(
      /no other value of 'version' served beside v2/,
    );
  });

  it('throws naming the field of a bad definition', async () => {
    await expect(
      source.measure(
        request('canary-errors', { metric: { type: 'errorRatio' } }),
      ),
    ).rejects.toThrow(/metric\.counter: Required/);
    await expect(
      source.measure(
        request('canary-errors', {
          metric: ERROR_RATIO,
          versionLabel: 'service.version',
        }),
      ),
    ).rejects.toThrow(/versionLabel: .*service_version/);
    await expect(
      source.measure(
        request('canary-errors', {
          metric: { ...ERROR_RATIO, selector: 'service=checkout' },
        }),
      ),
    ).rejects.toThrow(/metric\.selector: must be label matchers/);
    await expect(
      source.measure(
        request('canary-errors', { metric: ERROR_RATIO, confidenceLevel: 2 }),
      ),
    ).rejects.toThrow(/confidenceLevel/);
  });

  it('escapes placeholders in the selector', async () => {
    const measured = await source.measure({
      ...request('canary-errors', { metric: ERROR_RATIO }),
      environment: 'prod"uction',
    });
    // Nothing serves there: no baseline, and the query that looked says so.
    expect(measured.value).toBeNull();
    expect((measured.details as any).baseline.canaryQuery).toBe(
      'sum by (version) (increase(http_requests_total{service="canary-errors",environment="prod\\"uction"}[5m]))',
    );
  });

  it('fails closed when Prometheus does not answer', async () => {
    const down = createCompareCriterionSource({
      config: new ConfigReader({
        qualityGates: {
          gates: {
            prometheus: { baseUrl: 'http://127.0.0.1:9', timeoutSeconds: 2 },
          },
        },
      }),
      logger,
      knex,
    })!;
    await expect(
      down.measure(request('canary-errors', { metric: ERROR_RATIO })),
    ).rejects.toThrow(/Could not reach Prometheus/);
  });
});
