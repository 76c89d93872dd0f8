import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  startStaticFileServer,
  StaticFileServer,
  urlReaderAllowing,
} from '../../../__testUtils__/staticFileServer';
import { createDashboardsCheck } from './dashboardsCheck';
import {
  checkContext,
  componentIn,
  componentWith,
  FIXTURE_REPOSITORIES,
  silentLogger,
} from '../__testUtils__/checkSubjects';

// Dashboards as code: fixture repositories served by a real HTTP server and
// read through the backend's real URL reader.

describe('dashboards check', () => {
  let server: StaticFileServer;

  beforeAll(async () => {
    server = await startStaticFileServer(FIXTURE_REPOSITORIES, {
      failingPaths: { '/empty-service/dashboards/perses.yaml': 403 },
      // Served from memory: a formatter would refuse it as a file.
      files: {
        '/malformed-service/dashboards/dashboard.json':
          '{ "title": "Broken", "panels": [ { "id": 1, "type": "timeseries" }, ]',
      },
    });
  });
  afterAll(() => server.close());

  function check(readiness: JsonObject = {}) {
    return createDashboardsCheck({
      config: new ConfigReader({ qualityGates: { readiness } }),
      urlReader: urlReaderAllowing(server.host),
      logger: silentLogger,
    });
  }

  const at = (repository: string, annotations: Record<string, string> = {}) =>
    componentIn(server.baseUrl, repository, annotations);

  it('describes itself', () => {
    const dashboards = check();
    expect(dashboards).toMatchObject({
      id: 'dashboards',
      level: 'silver',
      catalogOnly: false,
    });
    expect(dashboards.howToFix).toContain('`quality-gates/dashboards`');
    expect(dashboards.howToFix).toContain('`grafana/dashboard-selector`');
  });

  it('counts Grafana panels in rows, collapsed rows and the legacy wrapper', async () => {
    const outcome = await check().evaluate(
      at('grafana-service'),
      checkContext(),
    );

    expect(outcome.state).toBe('passed');
    expect(outcome.message).toBe('2 dashboards as code, each with panels.');
    expect(outcome.items).toEqual([
      {
        // Two panels after an expanded row, two inside a collapsed one.
        name: 'Checkout overview (Grafana, 4 panels)',
        state: 'passed',
        missing: [],
        source: 'dashboards/dashboard.json',
        url: `${server.baseUrl}/grafana-service/dashboards/dashboard.json`,
      },
      {
        name: 'Checkout (legacy) (Grafana, 3 panels)',
        state: 'passed',
        missing: [],
        source: 'monitoring/dashboard.json',
        url: `${server.baseUrl}/grafana-service/monitoring/dashboard.json`,
      },
    ]);
    expect(outcome.evidence).toEqual([
      {
        title: 'Grafana dashboard Checkout overview',
        url: `${server.baseUrl}/grafana-service/dashboards/dashboard.json`,
      },
      {
        title: 'Grafana dashboard Checkout (legacy)',
        url: `${server.baseUrl}/grafana-service/monitoring/dashboard.json`,
      },
    ]);
  });

  it('reads a Grafana 12 dashboard resource named in the annotation', async () => {
    const outcome = await check().evaluate(
      at('grafana-service', {
        'quality-gates/dashboards': 'observability/checkout-v2.yaml',
      }),
      checkContext(),
    );
    expect(outcome.state).toBe('passed');
    expect(outcome.items?.map(item => item.name)).toEqual([
      'Checkout (schema v2) (Grafana, 2 panels)',
    ]);
  });

  it('reads Perses dashboards of the operator (both versions) and of Perses itself', async () => {
    const outcome = await check().evaluate(
      at('perses-service'),
      checkContext(),
    );

    expect(outcome.state).toBe('passed');
    expect(outcome.message).toBe('3 dashboards as code, each with panels.');
    expect(outcome.items?.map(item => [item.name, item.source])).toEqual([
      ['Search overview (Perses, 2 panels)', 'dashboards/perses.yaml'],
      ['Search indexer (Perses, 1 panel)', 'dashboards/perses.yaml'],
      ['Search errors (Perses, 3 panels)', 'dashboards/perses.yaml'],
    ]);
  });

  it('fails a dashboard without panels', async () => {
    const outcome = await check().evaluate(
      at('empty-dashboard-service'),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toBe('1 dashboard without panels.');
    expect(outcome.missing).toEqual([
      "dashboards/dashboard.json: panels in dashboard 'Orders (to do)'",
    ]);
    expect(outcome.items).toEqual([
      {
        name: 'Orders (to do) (Grafana, 0 panels)',
        state: 'failed',
        missing: ['panels'],
        source: 'dashboards/dashboard.json',
        url: `${server.baseUrl}/empty-dashboard-service/dashboards/dashboard.json`,
      },
    ]);
  });

  it('passes on a Grafana selector, saying the panels are not verified', async () => {
    const selector = "tags @> 'checkout'";
    const outcome = await check({
      dashboards: { grafanaUrl: 'https://grafana.example.com/' },
    }).evaluate(
      componentWith({ 'grafana/dashboard-selector': selector }),
      checkContext(),
    );
    expect(outcome).toEqual({
      state: 'passed',
      message: `Dashboards in Grafana selected by grafana/dashboard-selector '${selector}' (panels not verified: no Grafana is configured in qualityGates.readiness.dashboards.grafana).`,
      items: [
        {
          name: `Grafana dashboards matching ${selector}`,
          state: 'passed',
          missing: [],
          source: 'grafana/dashboard-selector',
          url: 'https://grafana.example.com/dashboards',
        },
      ],
      evidence: [
        {
          title: `Grafana dashboards matching ${selector}`,
          url: 'https://grafana.example.com/dashboards',
        },
      ],
    });
  });

  it('fails a selector it cannot read, even without Grafana', async () => {
    const outcome = await check().evaluate(
      componentWith({ 'grafana/dashboard-selector': "tags @> 'a' &&" }),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.missing).toEqual([
      "grafana/dashboard-selector as a selector like tags @> 'checkout' (expected a field or a quoted string, found the end)",
    ]);
  });

  it('still fails dashboards as code without panels when a selector is set', async () => {
    const outcome = await check().evaluate(
      at('empty-dashboard-service', {
        'grafana/dashboard-selector': "tags @> 'orders'",
      }),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.items?.map(item => item.state)).toEqual([
      'failed',
      'passed',
    ]);
  });

  it('fails with where it looked when nothing is found', async () => {
    const outcome = await check({
      dashboards: { conventionPaths: ['dashboards/dashboard.json'] },
    }).evaluate(at('empty-service'), checkContext());
    const where = `dashboards/dashboard.json in ${server.baseUrl}/empty-service/`;
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toBe(`No dashboards found; looked in ${where}.`);
    expect(outcome.missing).toEqual([
      `a dashboard as code (looked in ${where})`,
    ]);
  });

  it('fails when an annotated file is missing', async () => {
    const outcome = await check().evaluate(
      at('perses-service', {
        'quality-gates/dashboards':
          'dashboards/perses.yaml,dashboards/gone.json',
      }),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toBe('1 problem with the dashboard files.');
    expect(outcome.missing).toEqual([
      `dashboards/gone.json: named in quality-gates/dashboards but not found at ${server.baseUrl}/perses-service/dashboards/gone.json`,
    ]);
    expect(outcome.items).toHaveLength(3);
  });

  it('fails malformed JSON, saying so', async () => {
    const outcome = await check().evaluate(
      at('malformed-service'),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.missing).toEqual([
      expect.stringMatching(/^dashboards\/dashboard\.json: not valid JSON: /),
    ]);
  });

  it('fails a file that holds no dashboard', async () => {
    const outcome = await check().evaluate(
      at('crd-service', {
        'quality-gates/dashboards': 'deploy/prometheus-rules.yaml',
      }),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.missing).toEqual([
      'deploy/prometheus-rules.yaml: holds no Grafana dashboard JSON or Perses dashboard',
    ]);
  });

  it('is not reported when there is nowhere to look', async () => {
    const outcome = await check().evaluate(componentWith({}), checkContext());
    expect(outcome.state).toBe('not_reported');
    expect(outcome.message).toBe(
      'Nowhere to look for dashboards: the entity has no backstage.io/source-location annotation and no quality-gates/dashboards annotation, and no grafana/dashboard-selector annotation.',
    );
  });

  it('errors when a file cannot be read, even with a selector', async () => {
    const outcome = await check().evaluate(
      at('empty-service', { 'grafana/dashboard-selector': "tags @> 'x'" }),
      checkContext(),
    );
    const url = `${server.baseUrl}/empty-service/dashboards/perses.yaml`;
    expect(outcome).toEqual({
      state: 'error',
      message: `Could not read ${url}: could not read ${url}, 403 Forbidden`,
      evidence: [{ title: 'Dashboard at dashboards/perses.yaml', url }],
    });
  });

  it('refuses a grafanaUrl that is no URL at start-up', () => {
    expect(() => check({ dashboards: { grafanaUrl: 'grafana' } })).toThrow(
      "qualityGates.readiness.dashboards.grafanaUrl must be an http(s) URL, got 'grafana'",
    );
  });
});
