import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  CriterionMeasurementRequest,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import {
  PrometheusServer,
  startPrometheus,
} from '../../../__testUtils__/prometheusServer';
import {
  AWKWARD_VERSION,
  deployScenarios,
} from '../__fixtures__/deployScenarios';
import {
  closedPortUrl,
  startRecordingProxy,
  startSilentServer,
} from './__testUtils__/loopbackServers';
import { createPrometheusCriterionSource } from './prometheusCriterionSource';

// A real Prometheus, started on a free loopback port over a TSDB
// backfilled with four deploys (see deployScenarios): every value below is
// what Prometheus itself computed from those samples.

const logger = mockServices.rootLogger({ level: 'none' });

// The newest scrape, a minute ago and on a whole minute.
const END = Math.floor(Date.now() / 60_000) * 60 - 60;
const WINDOW = {
  start: new Date((END - 15 * 60) * 1000).toISOString(),
  end: new Date(END * 1000).toISOString(),
};

const MATCHERS =
  'service="{{entity.name}}",environment="{{environment}}",version="{{version}}"';
const ERROR_RATIO =
  `sum(rate(http_requests_total{${MATCHERS},code=~"5.."}[{{window}}]))` +
  ` / sum(rate(http_requests_total{${MATCHERS}}[{{window}}]))`;
const P95_LATENCY = `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${MATCHERS}}[{{window}}])))`;
const REQUEST_COUNT = `sum(increase(http_requests_total{${MATCHERS}}[{{window}}]))`;

function sourceFor(
  baseUrl: string,
  settings: Record<string, unknown> = {},
): CriterionSource {
  const source = createPrometheusCriterionSource({
    config: new ConfigReader({
      qualityGates: { gates: { prometheus: { baseUrl, ...settings } } },
    }),
    logger,
  });
  if (!source) throw new Error('expected a source');
  return source;
}

function request(
  service: string,
  definition: Record<string, unknown>,
  overrides: Partial<CriterionMeasurementRequest> = {},
): CriterionMeasurementRequest {
  return {
    entityRef: `component:default/${service}`,
    environment: 'production',
    version: 'v2',
    definition,
    window: WINDOW,
    origin: 'central',
    ...overrides,
  };
}

describe('prometheus criterion source', () => {
  let prometheus: PrometheusServer;
  let source: CriterionSource;

  beforeAll(async () => {
    prometheus = await startPrometheus({ openMetrics: deployScenarios(END) });
    source = sourceFor(prometheus.baseUrl);
  }, 60_000);
  afterAll(() => prometheus?.stop());

  it('is offered only when a Prometheus server is configured', () => {
    expect(
      createPrometheusCriterionSource({
        config: new ConfigReader({}),
        logger,
      }),
    ).toBeUndefined();
    expect(source.id).toBe('prometheus');
    expect(() =>
      sourceFor('prometheus.internal:9090', { timeoutSeconds: 5 }),
    ).toThrow(
      "qualityGates.gates.prometheus.baseUrl must be an http(s) URL, got 'prometheus.internal:9090'",
    );
    expect(() =>
      sourceFor('http://prometheus.internal:9090', { timeoutSeconds: 0 }),
    ).toThrow(
      'qualityGates.gates.prometheus.timeoutSeconds must be a positive number of seconds, got 0',
    );
  });

  it('tells a clean deploy from an error-rate regression', async () => {
    const clean = await source.measure(
      request('clean', { query: ERROR_RATIO }),
    );
    const regressed = await source.measure(
      request('errors', { query: ERROR_RATIO }),
    );
    const before = await source.measure(
      request(
        'errors',
        { query: ERROR_RATIO },
        {
          version: 'v1',
          window: {
            start: new Date((END - 90 * 60) * 1000).toISOString(),
            end: new Date((END - 75 * 60) * 1000).toISOString(),
          },
        },
      ),
    );

    expect(clean.value).toBeCloseTo(0.005, 10);
    expect(regressed.value).toBeCloseTo(0.08, 10);
    expect(before.value).toBeCloseTo(0.005, 10);
    expect(regressed.details).toEqual({
      query:
        'sum(rate(http_requests_total{service="errors",environment="production",version="v2",code=~"5.."}[15m]))' +
        ' / sum(rate(http_requests_total{service="errors",environment="production",version="v2"}[15m]))',
      evaluatedAt: WINDOW.end,
      window: '15m',
      resultType: 'vector',
      labels: {},
    });
  });

  it('selects by environment, and escapes values inside label matchers', async () => {
    const staging = await source.measure(
      request('clean', { query: ERROR_RATIO }, { environment: 'staging' }),
    );
    expect(staging.value).toBeCloseTo(0.03, 10);

    const awkward = await source.measure(
      request('escaping', { query: ERROR_RATIO }, { version: AWKWARD_VERSION }),
    );
    expect(awkward.value).toBeCloseTo(0.01, 10);
    expect(awkward.details?.query).toContain('version="2.0.0\\"rc\\\\1"');
  });

  it('sees a latency regression in the histogram', async () => {
    const clean = await source.measure(
      request('clean', { query: P95_LATENCY }),
    );
    const regressed = await source.measure(
      request('latency', { query: P95_LATENCY }),
    );
    // Linear interpolation inside the bucket holding the 95th percentile.
    expect(clean.value).toBeCloseTo(0.1 + 0.15 * (10 / 16), 10);
    expect(regressed.value).toBeCloseTo(0.5 + 0.5 * (20 / 24), 10);
  });

  it('reports no data as null and says why', async () => {
    const outage = await source.measure(
      request(
        'outage',
        { query: ERROR_RATIO, sampleCountQuery: REQUEST_COUNT },
        { version: 'v1' },
      ),
    );
    expect(outage.value).toBeNull();
    expect(outage.sampleSize).toBe(0);
    expect(outage.details).toMatchObject({
      noData: 'the query returned no series',
      sampleCount: null,
      sampleCountNoData: 'the query returned no series',
    });

    const nothingHappened = await source.measure(
      request('clean', { query: '0 / 0' }),
    );
    expect(nothingHappened.value).toBeNull();
    expect(nothingHappened.details).toMatchObject({
      resultType: 'scalar',
      noData:
        'the query returned NaN (e.g. 0/0: nothing happened in the window)',
    });
  });

  it('takes scalars, with the window in seconds', async () => {
    const measured = await source.measure(
      request('clean', { query: '{{windowSeconds}} / 60' }),
    );
    expect(measured.value).toBe(15);
    expect(measured.details).toMatchObject({ resultType: 'scalar' });
  });

  it('counts the samples a value rests on', async () => {
    const measured = await source.measure(
      request('errors', {
        query: ERROR_RATIO,
        sampleCountQuery: REQUEST_COUNT,
      }),
    );
    // 200 requests per 15 s scrape over 15 minutes.
    expect(measured.sampleSize).toBe(12_000);
    expect(measured.details).toMatchObject({
      sampleCountQuery:
        'sum(increase(http_requests_total{service="errors",environment="production",version="v2"}[15m]))',
      sampleCount: 12_000,
    });
  });

  it('refuses several series, naming them', async () => {
    await expect(
      source.measure(
        request('errors', {
          query: `sum by (code) (rate(http_requests_total{${MATCHERS}}[{{window}}]))`,
        }),
      ),
    ).rejects.toThrow(
      /^The query returned 2 series, but a criterion needs one: aggregate them, e\.g\. with sum\(\) or max\(\)\. Series: (\{code="200"\}, \{code="500"\}|\{code="500"\}, \{code="200"\}) — query: sum by \(code\)/,
    );
  });

  it('refuses a range vector and an unknown placeholder', async () => {
    await expect(
      source.measure(
        request('clean', { query: 'http_requests_total[{{window}}]' }),
      ),
    ).rejects.toThrow(
      'The query returned a matrix, but a criterion needs one number: wrap the range selector in a function such as rate() or avg_over_time()',
    );
    await expect(
      source.measure(
        request('clean', {
          query: ERROR_RATIO,
          sampleCountQuery: 'sum(up{team="{{entity.owner}}"})',
        }),
      ),
    ).rejects.toThrow(
      'Unknown placeholder {{entity.owner}} in sampleCountQuery',
    );
    await expect(source.measure(request('clean', {}))).rejects.toThrow(
      "A prometheus criterion needs a 'query': PromQL text returning one series",
    );
  });

  it('passes on what Prometheus says about bad PromQL', async () => {
    await expect(
      source.measure(
        request('clean', {
          query: 'sum(rate(http_requests_total[{{window}}])',
        }),
      ),
    ).rejects.toThrow(
      new RegExp(
        `^Prometheus at ${prometheus.baseUrl} answered 400 Bad Request \\(bad_data\\): .*parse error: unclosed left parenthesis — query: sum\\(rate\\(http_requests_total\\[15m\\]\\)$`,
      ),
    );
  });

  it('gives up when the evaluation is abandoned', async () => {
    const controller = new AbortController();
    controller.abort(new Error('the evaluation deadline passed'));
    await expect(
      source.measure(
        request('clean', { query: ERROR_RATIO }, { signal: controller.signal }),
      ),
    ).rejects.toThrow(
      `The query to Prometheus at ${prometheus.baseUrl} was abandoned: the evaluation deadline passed`,
    );
  });

  it('links to the same query in Prometheus’ graph page', async () => {
    const measured = await sourceFor(prometheus.baseUrl, {
      externalUrl: 'https://prometheus.example.com/',
    }).measure(request('clean', { query: ERROR_RATIO }));
    const end = WINDOW.end.slice(0, 19).replace('T', ' ');
    expect(measured.link).toBe(
      `https://prometheus.example.com/graph?g0.expr=${encodeURIComponent(
        String(measured.details?.query),
      )}&g0.tab=0&g0.stacked=0&g0.range_input=15m&g0.end_input=${encodeURIComponent(
        end,
      )}&g0.moment_input=${encodeURIComponent(end)}`,
    );

    // Read back the way Prometheus' UI reads its panel parameters.
    const params = Object.fromEntries(
      new URL(measured.link!).search
        .slice(1)
        .split('&')
        .map(param => {
          const [name, value] = param.split('=');
          return [name, decodeURIComponent(value.replace(/\+/g, ' '))];
        }),
    );
    expect(params['g0.expr']).toBe(measured.details?.query);
    expect(params['g0.end_input']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:00$/);

    const page = await fetch(
      (
        await source.measure(request('clean', { query: ERROR_RATIO }))
      ).link!,
    );
    expect(page.status).toBe(200);
  });

  it('sends the configured headers with each query', async () => {
    const proxy = await startRecordingProxy(prometheus.baseUrl);
    try {
      const measured = await sourceFor(proxy.url, {
        headers: { Authorization: 'Bearer gate-reader' },
      }).measure(
        request('clean', {
          query: ERROR_RATIO,
          sampleCountQuery: REQUEST_COUNT,
        }),
      );
      expect(measured.value).toBeCloseTo(0.005, 10);
      expect(proxy.requests).toHaveLength(2);
      for (const seen of proxy.requests) {
        expect(seen.headers.authorization).toBe('Bearer gate-reader');
        const params = new URL(seen.path, proxy.url).searchParams;
        expect(params.get('time')).toBe(String(END));
        // The server is told what is left of our own deadline, never more.
        const forwardedMs = Number(
          /^(\d+)ms$/.exec(params.get('timeout')!)![1],
        );
        expect(forwardedMs).toBeLessThanOrEqual(10_000);
        expect(forwardedMs).toBeGreaterThan(9_000);
      }
    } finally {
      await proxy.close();
    }
  });
});

describe('prometheus criterion source, failing closed', () => {
  const query = { query: 'vector(1)' };

  it('throws when Prometheus stops answering', async () => {
    const prometheus = await startPrometheus();
    try {
      const source = sourceFor(prometheus.baseUrl);
      expect((await source.measure(request('clean', query))).value).toBe(1);
      await prometheus.stop();
      await expect(source.measure(request('clean', query))).rejects.toThrow(
        `Could not reach Prometheus at ${prometheus.baseUrl}: fetch failed (connect ECONNREFUSED`,
      );
    } finally {
      await prometheus.stop();
    }
  }, 60_000);

  it('throws when nothing listens on the port', async () => {
    const url = await closedPortUrl();
    await expect(
      sourceFor(url).measure(request('clean', query)),
    ).rejects.toThrow(
      `Could not reach Prometheus at ${url}: fetch failed (connect ECONNREFUSED`,
    );
  });

  it('throws when Prometheus does not answer in time', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      await expect(
        sourceFor(silent.url, { timeoutSeconds: 0.2 }).measure(
          request('clean', query),
        ),
      ).rejects.toThrow(
        `Prometheus at ${silent.url} did not answer within 0.2 s`,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await silent.close();
    }
  });
});
