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
import { burnScenarios } from '../__fixtures__/burnScenarios';
import { createBurnRateCriterionSource } from './burnRateCriterionSource';

// A real Prometheus over a TSDB backfilled with three services' request
// counters (see burnScenarios): a fast burn, a healthy service and a young
// one. Burn rates below are error ratios Prometheus computed, over the
// error budget of a 99.9 % SLO.

const logger = mockServices.rootLogger({ level: 'none' });

const END = Math.floor(Date.now() / 60_000) * 60 - 60;
const WINDOW = {
  start: new Date((END - 3600) * 1000).toISOString(),
  end: new Date(END * 1000).toISOString(),
};
const MATCHERS = 'service="{{entity.name}}",environment="{{environment}}"';
const ERROR_RATIO =
  `sum(rate(http_requests_total{${MATCHERS},code=~"5.."}[{{window}}]))` +
  ` / sum(rate(http_requests_total{${MATCHERS}}[{{window}}]))`;

function sourceFor(
  baseUrl: string,
  options: { fetch?: typeof fetch } = {},
): CriterionSource {
  const source = createBurnRateCriterionSource({
    config: new ConfigReader({
      qualityGates: { gates: { prometheus: { baseUrl } } },
    }),
    logger,
    ...options,
  });
  if (!source) throw new Error('expected a source');
  return source;
}

function request(
  service: string,
  definition: Record<string, unknown> = {},
): CriterionMeasurementRequest {
  return {
    entityRef: `component:default/${service}`,
    environment: 'production',
    version: 'v1',
    definition: {
      sloTarget: 0.999,
      errorRatioQuery: ERROR_RATIO,
      ...definition,
    },
    window: WINDOW,
    origin: 'central',
  };
}

const NOT_BACK = (long: string, short: string) =>
  `the data does not reach back ${long}: nothing in the oldest ${short} of that window`;

describe('burn-rate criterion source', () => {
  let prometheus: PrometheusServer;
  let source: CriterionSource;

  beforeAll(async () => {
    prometheus = await startPrometheus({ openMetrics: burnScenarios(END) });
    source = sourceFor(prometheus.baseUrl);
  }, 60_000);
  afterAll(() => prometheus?.stop());

  it('is offered only when a Prometheus server is configured', () => {
    expect(source.id).toBe('burn-rate');
    expect(
      createBurnRateCriterionSource({ config: new ConfigReader({}), logger }),
    ).toBeUndefined();
  });

  it('flags a fast burn, with the pairs that alert', async () => {
    const measured = await source.measure(request('burning'));

    // 20 % errors is 200× a 0.1 % budget; 200 / 6 from the 6h/30m pair.
    expect(measured.value).toBeCloseTo(200 / 6, 6);
    expect(measured.value).toBeGreaterThanOrEqual(1);
    const details = measured.details!;
    expect(details).toMatchObject({
      sloTarget: 0.999,
      evaluatedAt: WINDOW.end,
      checkCoverage: true,
      alertingPairs: ['1h/5m', '6h/30m'],
      decidingPair: '6h/30m',
    });
    expect(details.errorBudget).toBeCloseTo(0.001, 12);
    const pairs = details.pairs as Array<Record<string, unknown>>;
    expect(pairs.map(p => [p.name, p.alerting, p.noData])).toEqual([
      ['1h/5m', true, undefined],
      ['6h/30m', true, undefined],
      ['1d/2h', false, NOT_BACK('1d', '2h')],
      ['3d/6h', false, NOT_BACK('3d', '6h')],
    ]);
    expect(pairs[0]).toMatchObject({ long: '1h', short: '5m', factor: 14.4 });
    expect(pairs[0].longBurn).toBeCloseTo(200, 6);
    expect(pairs[0].shortBurn).toBeCloseTo(200, 6);
    expect(pairs[0].longErrorRatio).toBeCloseTo(0.2, 10);
    expect(pairs[0].burnOverFactor).toBeCloseTo(200 / 14.4, 6);
    expect(pairs[2]).toMatchObject({
      longBurn: null,
      longErrorRatio: null,
      burnOverFactor: null,
    });
    // The short window of an uncovered pair still has its burn.
    expect(pairs[2].shortBurn).toBeCloseTo(200, 6);

    expect(Object.keys(details.errorRatioQueries as object)).toEqual([
      '5m',
      '30m',
      '1h',
      '2h',
      '6h',
      '1d',
      '3d',
    ]);
    const sixHours = (details.errorRatioQueries as Record<string, string>)[
      '6h'
    ];
    expect(sixHours).toBe(
      'sum(rate(http_requests_total{service="burning",environment="production",code=~"5.."}[6h]))' +
        ' / sum(rate(http_requests_total{service="burning",environment="production"}[6h]))',
    );
    expect(details.query).toBe(sixHours);
    expect(measured.link).toBe(
      `${prometheus.baseUrl}/graph?g0.expr=${encodeURIComponent(
        sixHours,
      )}&g0.tab=0&g0.stacked=0&g0.range_input=6h&g0.end_input=${encodeURIComponent(
        WINDOW.end.slice(0, 19).replace('T', ' '),
      )}&g0.moment_input=${encodeURIComponent(
        WINDOW.end.slice(0, 19).replace('T', ' '),
      )}`,
    );
  });

  it('stays below 1 for a service within its budget', async () => {
    const measured = await source.measure(request('healthy'));

    // 0.05 % errors is half the budget; the 1d/2h pair (factor 3) is
    // nearest to alerting, the 3 d window reaches past the data.
    expect(measured.value).toBeCloseTo(0.5 / 3, 6);
    expect(measured.details).toMatchObject({
      alertingPairs: [],
      decidingPair: '1d/2h',
    });
    const pairs = measured.details!.pairs as Array<Record<string, unknown>>;
    expect(pairs.map(p => p.burnOverFactor === null)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(pairs[2].longBurn).toBeCloseTo(0.5, 6);
  });

  it('has no long-window burn for a service with only short history', async () => {
    const measured = await source.measure(request('young'));

    // 1 % errors: 10× the budget, but only two hours of it.
    expect(measured.value).toBeCloseTo(10 / 14.4, 6);
    const pairs = measured.details!.pairs as Array<Record<string, unknown>>;
    expect(
      pairs.map(p => [p.name, p.burnOverFactor === null, p.noData]),
    ).toEqual([
      ['1h/5m', false, undefined],
      ['6h/30m', true, NOT_BACK('6h', '30m')],
      ['1d/2h', true, NOT_BACK('1d', '2h')],
      ['3d/6h', true, NOT_BACK('3d', '6h')],
    ]);

    // Without the coverage check, two hours count as three days.
    const unchecked = await source.measure(
      request('young', { checkCoverage: false }),
    );
    expect(unchecked.value).toBeCloseTo(10, 6);
    expect(unchecked.details).toMatchObject({
      alertingPairs: ['6h/30m', '1d/2h', '3d/6h'],
      decidingPair: '3d/6h',
    });
  });

  it('is null when no pair has data', async () => {
    const measured = await source.measure(request('retired'));
    expect(measured.value).toBeNull();
    expect(measured.details).toMatchObject({
      alertingPairs: [],
      noData: 'no pair had data in both of its windows',
    });
    const pairs = measured.details!.pairs as Array<Record<string, unknown>>;
    expect(pairs[0].noData).toBe(
      'no data over 1h: the query returned no series; no data over 5m: the query returned no series',
    );
  });

  it('uses the windows a criterion names', async () => {
    const measured = await source.measure(
      request('burning', {
        windows: [{ long: '2h', short: '10m', factor: 250 }],
      }),
    );
    expect(measured.value).toBeCloseTo(200 / 250, 6);
    expect(measured.details).toMatchObject({
      alertingPairs: [],
      errorRatioQueries: {
        '10m': expect.stringContaining('[10m]'),
        '2h': expect.stringContaining('[2h]'),
      },
    });
  });

  it('refuses a bad definition before asking Prometheus', async () => {
    await expect(
      source.measure(request('burning', { sloTarget: 99.9 })),
    ).rejects.toThrow(
      "A burn-rate criterion's 'sloTarget' must be a number between 0 and 1, e.g. 0.999 for 99.9 %; got 99.9",
    );
  });

  it('passes on what Prometheus says about bad PromQL', async () => {
    await expect(
      source.measure(
        request('burning', {
          errorRatioQuery: 'sum(rate(http_requests_total[{{window}}])',
        }),
      ),
    ).rejects.toThrow(/\(bad_data\): .*parse error: unclosed left parenthesis/);
  });

  it('refuses an error ratio that is not one series', async () => {
    await expect(
      source.measure(
        request('burning', {
          errorRatioQuery: `sum by (code) (rate(http_requests_total{${MATCHERS}}[{{window}}]))`,
        }),
      ),
    ).rejects.toThrow(
      /^The errorRatioQuery over 5m returned 2 series, but a criterion needs one/,
    );
  });
});

describe('burn-rate criterion source, failing closed', () => {
  it('throws when Prometheus stops in the middle of an evaluation', async () => {
    const prometheus = await startPrometheus();
    try {
      let queries = 0;
      // The real fetch to the real server; the third query first stops it,
      // and later ones wait for that.
      let stopped: Promise<void> | undefined;
      const stopsOnThirdQuery: typeof fetch = async (input, init) => {
        queries += 1;
        if (queries === 3) stopped = prometheus.stop();
        if (stopped) await stopped;
        return fetch(input, init);
      };
      const source = sourceFor(prometheus.baseUrl, {
        fetch: stopsOnThirdQuery,
      });
      // Queries already sent may be refused while Prometheus shuts down
      // (503) or have their connection reset or closed; later ones find
      // nothing listening. Either way the evaluation fails rather than
      // judging on part of the pairs.
      const url = prometheus.baseUrl.replace(/[.]/g, '\\.');
      await expect(source.measure(request('burning'))).rejects.toThrow(
        new RegExp(
          `^(Could not reach Prometheus at ${url}: fetch failed \\(((connect|read) (ECONNREFUSED|ECONNRESET)|other side closed)|Prometheus at ${url} answered 503 Service Unavailable)`,
        ),
      );
      expect(queries).toBeGreaterThanOrEqual(3);
    } finally {
      await prometheus.stop();
    }
  }, 60_000);
});
