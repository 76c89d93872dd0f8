import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { urlReaderAllowing } from '../../../__testUtils__/staticFileServer';
import {
  FakeGrafana,
  FakeGrafanaDashboard,
  startFakeGrafana,
} from '../__testUtils__/fakeGrafana';
import {
  checkContext,
  componentWith,
  silentLogger,
} from '../__testUtils__/checkSubjects';
import { createDashboardsCheck } from './dashboardsCheck';

// Grafana cannot run on the machines these tests run on, so the check talks
// over real HTTP to a stand-in on a free loopback port that answers
// /api/search and /api/dashboards/uid/<uid> the way Grafana's API does
// (see fakeGrafana). Everything on this side of the socket is real.

const TOKEN = 'glsa_test-token-0123456789';

const timeseries = (id: number) => ({
  id,
  type: 'timeseries',
  title: `p${id}`,
});

const DASHBOARDS: FakeGrafanaDashboard[] = [
  {
    uid: 'checkout-overview',
    title: 'Checkout overview',
    tags: ['checkout', 'generated'],
    folderTitle: 'Checkout',
    panels: [timeseries(1), timeseries(2)],
  },
  {
    uid: 'checkout-slo',
    title: 'Checkout SLO',
    tags: ['checkout', 'slo'],
    folderTitle: 'Checkout',
    // A collapsed row keeps its panels inside it.
    panels: [
      {
        id: 10,
        type: 'row',
        collapsed: true,
        panels: [timeseries(11), timeseries(12), timeseries(13)],
      },
    ],
  },
  {
    uid: 'orders-todo',
    title: 'Orders (to do)',
    tags: ['orders'],
    panels: [],
  },
  {
    uid: 'orders-rows',
    title: 'Orders rows',
    tags: ['orders'],
    // Rows alone show nothing.
    panels: [{ id: 1, type: 'row', collapsed: false, panels: [] }],
  },
  {
    uid: 'payments',
    title: 'Payments',
    tags: ['payments'],
    panels: [timeseries(1)],
  },
  {
    uid: 'payments-sandbox',
    title: 'Payments',
    tags: ['payments'],
    folderTitle: 'Sandbox',
    panels: [],
  },
  ...Array.from({ length: 25 }, (_, i) => ({
    uid: `many-${i}`,
    title: `Many ${i}`,
    tags: ['many'],
    panels: [timeseries(1)],
  })),
];

describe('dashboards check, selectors verified in Grafana', () => {
  let grafana: FakeGrafana;

  beforeAll(async () => {
    grafana = await startFakeGrafana({ token: TOKEN, dashboards: DASHBOARDS });
  });
  afterAll(() => grafana.close());
  beforeEach(() => {
    grafana.requests.length = 0;
    grafana.failWith(undefined);
  });

  function check(grafanaConfig: JsonObject = {}) {
    return createDashboardsCheck({
      config: new ConfigReader({
        qualityGates: {
          readiness: {
            dashboards: {
              grafana: {
                baseUrl: grafana.baseUrl,
                token: TOKEN,
                ...grafanaConfig,
              },
            },
          },
        },
      }),
      urlReader: urlReaderAllowing(),
      logger: silentLogger,
    });
  }

  const selecting = (selector: string) =>
    componentWith({ 'grafana/dashboard-selector': selector });

  it('selects by a single tag, counting panels inside rows, and sends the token as Bearer', async () => {
    const outcome = await check().evaluate(
      selecting('checkout'),
      checkContext(),
    );

    expect(outcome).toEqual({
      state: 'passed',
      message:
        "2 Grafana dashboards selected by grafana/dashboard-selector 'checkout', each with panels.",
      items: [
        {
          name: 'Checkout overview (Grafana, 2 panels)',
          state: 'passed',
          missing: [],
          source: 'grafana/dashboard-selector',
          url: `${grafana.baseUrl}/d/checkout-overview`,
        },
        {
          name: 'Checkout SLO (Grafana, 3 panels)',
          state: 'passed',
          missing: [],
          source: 'grafana/dashboard-selector',
          url: `${grafana.baseUrl}/d/checkout-slo`,
        },
      ],
      evidence: [
        {
          title: 'Grafana dashboard Checkout overview',
          url: `${grafana.baseUrl}/d/checkout-overview`,
        },
        {
          title: 'Grafana dashboard Checkout SLO',
          url: `${grafana.baseUrl}/d/checkout-slo`,
        },
      ],
    });
    expect(grafana.requests.map(request => request.path)).toEqual([
      '/api/search',
      '/api/dashboards/uid/checkout-overview',
      '/api/dashboards/uid/checkout-slo',
    ]);
    const [search] = grafana.requests;
    expect(search.query.get('type')).toBe('dash-db');
    expect(search.query.getAll('tag')).toEqual(['checkout']);
    for (const request of grafana.requests) {
      expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  it('tells how to satisfy it against Grafana', () => {
    expect(check().howToFix).toContain(
      'The selector must match at least one dashboard in Grafana with panels (the first 20 matches are read)',
    );
  });

  it('asks Grafana for the tags an expression requires and evaluates the rest', async () => {
    const outcome = await check().evaluate(
      selecting("tags @> 'checkout' && (tags @> 'slo' || title == 'Nope')"),
      checkContext(),
    );
    expect(outcome.state).toBe('passed');
    expect(outcome.items?.map(item => item.name)).toEqual([
      'Checkout SLO (Grafana, 3 panels)',
    ]);
    expect(grafana.requests[0].query.getAll('tag')).toEqual(['checkout']);
  });

  it('selects by title and folder, searching without a tag', async () => {
    const outcome = await check().evaluate(
      selecting("title == 'Payments' && folderTitle != 'Sandbox'"),
      checkContext(),
    );
    expect(outcome.state).toBe('passed');
    expect(outcome.items).toEqual([
      expect.objectContaining({
        name: 'Payments (Grafana, 1 panel)',
        url: `${grafana.baseUrl}/d/payments`,
      }),
    ]);
    expect(grafana.requests[0].query.getAll('tag')).toEqual([]);
    expect(grafana.requests).toHaveLength(2);
  });

  it('fails a selector that matches nothing, linking to the search', async () => {
    const selector = "tags @> 'nothing' && tags @> 'else'";
    const outcome = await check().evaluate(selecting(selector), checkContext());
    expect(outcome).toEqual({
      state: 'failed',
      message: `grafana/dashboard-selector '${selector}' matches no dashboard in Grafana.`,
      missing: [
        `a Grafana dashboard matching grafana/dashboard-selector '${selector}' (none in Grafana at ${grafana.baseUrl})`,
      ],
      items: [],
      evidence: [
        {
          title: 'Dashboards in Grafana',
          url: `${grafana.baseUrl}/dashboards?tag=nothing&tag=else`,
        },
      ],
    });
  });

  it('fails when every matched dashboard is empty, naming them', async () => {
    const outcome = await check().evaluate(selecting('orders'), checkContext());
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toBe(
      "No Grafana dashboard selected by grafana/dashboard-selector 'orders' has panels: 'Orders (to do)', 'Orders rows' are empty.",
    );
    expect(outcome.missing).toEqual([
      "panels in Grafana dashboard 'Orders (to do)'",
      "panels in Grafana dashboard 'Orders rows'",
    ]);
    expect(outcome.items?.map(item => [item.name, item.state])).toEqual([
      ['Orders (to do) (Grafana, 0 panels)', 'failed'],
      ['Orders rows (Grafana, 0 panels)', 'failed'],
    ]);
  });

  it('warns about empty dashboards when another one has panels', async () => {
    const outcome = await check().evaluate(
      selecting("tags @> 'payments'"),
      checkContext(),
    );
    expect(outcome.state).toBe('warning');
    expect(outcome.message).toBe(
      "1 of 2 Grafana dashboards selected by grafana/dashboard-selector 'tags @> 'payments'' have panels; 'Payments' is empty.",
    );
    expect(outcome.missing).toEqual(["panels in Grafana dashboard 'Payments'"]);
    expect(outcome.items?.map(item => [item.url, item.state])).toEqual([
      [`${grafana.baseUrl}/d/payments`, 'passed'],
      [`${grafana.baseUrl}/d/payments-sandbox`, 'failed'],
    ]);
  });

  it('reads at most 20 dashboards per entity and says so', async () => {
    const outcome = await check().evaluate(selecting('many'), checkContext());
    expect(outcome.state).toBe('passed');
    expect(outcome.message).toBe(
      "20 Grafana dashboards selected by grafana/dashboard-selector 'many', each with panels. Read the first 20 of 25 matches.",
    );
    expect(
      grafana.requests.filter(r => r.path.startsWith('/api/dashboards/')),
    ).toHaveLength(20);
  });

  it('lists dashboards once for the entities of one run, but never keeps a failure', async () => {
    const dashboards = check();
    grafana.failWith(500);
    const failed = await dashboards.evaluate(
      selecting("title == 'Payments'"),
      checkContext(),
    );
    expect(failed.state).toBe('error');

    grafana.failWith(undefined);
    const first = await dashboards.evaluate(
      selecting("title == 'Payments'"),
      checkContext(),
    );
    const second = await dashboards.evaluate(
      selecting("uid == 'checkout-slo'"),
      checkContext(),
    );
    expect([first.state, second.state]).toEqual(['warning', 'passed']);
    expect(
      grafana.requests.filter(request => request.path === '/api/search'),
    ).toHaveLength(2);
  });

  it('links dashboards at the external address when one is set', async () => {
    const outcome = await check({
      externalUrl: 'https://grafana.example.com/',
    }).evaluate(selecting("uid == 'payments'"), checkContext());
    expect(outcome.evidence).toEqual([
      {
        title: 'Grafana dashboard Payments',
        url: 'https://grafana.example.com/d/payments',
      },
    ]);
  });

  it('fails a selector it cannot read without asking Grafana', async () => {
    const outcome = await check().evaluate(
      selecting("tags @> 'checkout"),
      checkContext(),
    );
    expect(outcome).toEqual({
      state: 'failed',
      message:
        "grafana/dashboard-selector 'tags @> 'checkout' is not a valid selector: unclosed quote opened at column 9.",
      missing: [
        "grafana/dashboard-selector as a selector like tags @> 'checkout' (unclosed quote opened at column 9)",
      ],
      items: [],
      evidence: [],
    });
    expect(grafana.requests).toEqual([]);
  });

  it('is an error, never a pass, when Grafana answers 500', async () => {
    grafana.failWith(500);
    const outcome = await check().evaluate(
      selecting('checkout'),
      checkContext(),
    );
    expect(outcome).toEqual({
      state: 'error',
      message: `Could not verify grafana/dashboard-selector 'checkout': Grafana at ${grafana.baseUrl} answered 500 Internal Server Error to /api/search: {"message":"Internal Server Error","traceID":"abc"}`,
      evidence: [{ title: 'Grafana', url: grafana.baseUrl }],
    });
  });

  it('is an error naming the token setting when Grafana refuses the token, without showing it', async () => {
    const outcome = await check({ token: 'glsa_wrong-token' }).evaluate(
      selecting('checkout'),
      checkContext(),
    );
    expect(outcome.state).toBe('error');
    expect(outcome.message).toContain(
      'answered 401 Unauthorized to /api/search (is qualityGates.readiness.dashboards.grafana.token a service account token with the Viewer role?)',
    );
    expect(outcome.message).not.toContain('glsa_wrong-token');
  });

  it('is an error when Grafana is unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise(resolve => closed.close(resolve));

    const outcome = await check({
      baseUrl: `http://127.0.0.1:${port}`,
    }).evaluate(selecting('checkout'), checkContext());
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(
      new RegExp(
        `^Could not verify grafana/dashboard-selector 'checkout': Could not reach Grafana at http://127\\.0\\.0\\.1:${port}: fetch failed \\(.*ECONNREFUSED`,
      ),
    );
    expect(outcome.message).not.toContain(TOKEN);
  });

  describe('against a Grafana that never answers', () => {
    let silent: http.Server;
    let silentUrl: string;
    const hanging: http.ServerResponse[] = [];

    beforeAll(async () => {
      silent = http.createServer((_req, res) => {
        hanging.push(res);
      });
      await new Promise<void>(resolve =>
        silent.listen(0, '127.0.0.1', resolve),
      );
      silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      hanging.forEach(res => res.destroy());
      await new Promise(resolve => silent.close(resolve));
    });

    it('gives up after timeoutSeconds', async () => {
      const outcome = await check({
        baseUrl: silentUrl,
        timeoutSeconds: 0.2,
      }).evaluate(selecting('checkout'), checkContext());
      expect(outcome).toMatchObject({
        state: 'error',
        message: `Could not verify grafana/dashboard-selector 'checkout': Grafana at ${silentUrl} did not answer /api/search within 0.2 s`,
      });
    });

    it('stops when the run is abandoned', async () => {
      const run = new AbortController();
      const evaluation = check({ baseUrl: silentUrl }).evaluate(
        selecting('checkout'),
        checkContext(run.signal),
      );
      setTimeout(() => run.abort(new Error('run cancelled')), 50);
      const outcome = await evaluation;
      expect(outcome).toMatchObject({
        state: 'error',
        message: `Could not verify grafana/dashboard-selector 'checkout': The request to Grafana at ${silentUrl}/api/search was abandoned: run cancelled`,
      });
    });
  });
});

describe('dashboards check, Grafana settings', () => {
  const build = (dashboards: JsonObject) => () =>
    createDashboardsCheck({
      config: new ConfigReader({ qualityGates: { readiness: { dashboards } } }),
      urlReader: urlReaderAllowing(),
      logger: silentLogger,
    });

  it('requires a token', () => {
    expect(
      build({ grafana: { baseUrl: 'https://grafana.example.com' } }),
    ).toThrow('qualityGates.readiness.dashboards.grafana.token is required');
  });

  it('refuses grafanaUrl next to the grafana block, naming its replacement', () => {
    expect(
      build({
        grafanaUrl: 'https://grafana.example.com',
        grafana: { baseUrl: 'https://grafana.example.com', token: TOKEN },
      }),
    ).toThrow(
      'qualityGates.readiness.dashboards.grafanaUrl is replaced by qualityGates.readiness.dashboards.grafana.baseUrl',
    );
  });

  it('refuses a baseUrl that is no URL, without showing credentials', () => {
    expect(
      build({
        grafana: { baseUrl: 'ftp://admin:secret@grafana', token: TOKEN },
      }),
    ).toThrow(
      "qualityGates.readiness.dashboards.grafana.baseUrl must be an http(s) URL, got 'ftp://grafana'",
    );
  });
});
