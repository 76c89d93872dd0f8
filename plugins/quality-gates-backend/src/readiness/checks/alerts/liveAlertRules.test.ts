import path from 'node:path';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import {
  PrometheusServer,
  startPrometheus,
} from '../../../__testUtils__/prometheusServer';
import {
  startStaticFileServer,
  StaticFileServer,
  urlReaderAllowing,
} from '../../../__testUtils__/staticFileServer';
import { createAlertRulesCheck } from './alertRulesCheck';
import {
  checkContext,
  componentWith,
  silentLogger,
} from '../__testUtils__/checkSubjects';

// Live rules from a real Prometheus server, started on a free loopback port
// with a rule file holding good and bad alerts of two services.

const FIXTURES = path.resolve(__dirname, '../__fixtures__');

function checkAgainst(
  baseUrl: string,
  options: {
    headers?: Record<string, string>;
    timeoutSeconds?: number;
    retries?: number;
  } = {},
) {
  return createAlertRulesCheck({
    config: new ConfigReader({
      qualityGates: {
        readiness: { alerts: { prometheus: { baseUrl, ...options } } },
      },
    }),
    urlReader: urlReaderAllowing(),
    logger: silentLogger,
  });
}

describe('alerts check, live rules from Prometheus', () => {
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    prometheus = await startPrometheus({
      ruleFiles: [path.join(FIXTURES, 'prometheus/live-rules.yaml')],
    });
  }, 60_000);
  afterAll(() => prometheus?.stop());

  it('selects the entity’s alerts by label selector and says what each lacks', async () => {
    const outcome = await checkAgainst(prometheus.baseUrl).evaluate(
      componentWith({
        'grafana/alert-label-selector': 'service=checkout,team=payments',
      }),
      checkContext(),
    );

    expect(outcome.state).toBe('failed');
    expect(outcome.message).toBe('1 of 2 alerts lack something.');
    expect(outcome.items).toEqual([
      {
        name: 'CheckoutHighErrorRate',
        state: 'passed',
        missing: [],
        source: 'prometheus',
        url: `${prometheus.baseUrl}/alerts`,
      },
      {
        name: 'CheckoutLatencyHigh',
        state: 'failed',
        missing: [
          "severity label of critical, warning, info (is 'urgent')",
          'description annotation',
          'runbook_url annotation',
          "'for' duration, so one bad evaluation does not page",
        ],
        source: 'prometheus',
        url: `${prometheus.baseUrl}/alerts`,
      },
    ]);
    expect(outcome.evidence).toEqual([
      {
        title: `Alerting rules in Prometheus at ${prometheus.baseUrl}`,
        url: `${prometheus.baseUrl}/alerts`,
      },
    ]);
  });

  it('selects alerts by name and fails names Prometheus has not loaded', async () => {
    const passing = await checkAgainst(prometheus.baseUrl).evaluate(
      componentWith({
        'prometheus.io/alert': 'PaymentsDown, CheckoutHighErrorRate',
      }),
      checkContext(),
    );
    expect(passing.state).toBe('passed');
    expect(passing.items?.map(item => item.name).sort()).toEqual([
      'CheckoutHighErrorRate',
      'PaymentsDown',
    ]);

    const withUnknown = await checkAgainst(prometheus.baseUrl).evaluate(
      componentWith({ 'prometheus.io/alert': 'PaymentsDown,CheckoutGone' }),
      checkContext(),
    );
    expect(withUnknown.state).toBe('failed');
    expect(withUnknown.items).toContainEqual({
      name: 'CheckoutGone',
      state: 'failed',
      missing: ['loaded in Prometheus (named in prometheus.io/alert)'],
      source: 'prometheus',
      url: `${prometheus.baseUrl}/alerts`,
    });
  });

  it('fails with where it looked when the selector matches nothing', async () => {
    const outcome = await checkAgainst(prometheus.baseUrl).evaluate(
      componentWith({ 'grafana/alert-label-selector': 'service=search' }),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toBe(
      `No alert rules found; looked in Prometheus at ${prometheus.baseUrl} (labels service=search).`,
    );
  });

  it('fails an annotation that is no label selector, without asking Prometheus', async () => {
    const outcome = await checkAgainst(prometheus.baseUrl).evaluate(
      componentWith({ 'grafana/alert-label-selector': 'service in (a b)' }),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.missing).toEqual([
      expect.stringMatching(
        /^grafana\/alert-label-selector as a label selector like service=checkout,team=payments/,
      ),
    ]);
  });

  it('combines rules as code with live rules', async () => {
    const files: StaticFileServer = await startStaticFileServer(
      path.join(FIXTURES, 'repositories'),
    );
    try {
      const outcome = await createAlertRulesCheck({
        config: new ConfigReader({
          qualityGates: {
            readiness: {
              alerts: { prometheus: { baseUrl: prometheus.baseUrl } },
            },
          },
        }),
        urlReader: urlReaderAllowing(files.host),
        logger: silentLogger,
      }).evaluate(
        componentWith({
          'backstage.io/source-location': `url:${files.baseUrl}/crd-service/`,
          'prometheus.io/alert': 'PaymentsDown',
        }),
        checkContext(),
      );
      expect(outcome.state).toBe('passed');
      expect(
        outcome.items?.map(item => `${item.source}: ${item.name}`),
      ).toEqual([
        'deploy/prometheus-rules.yaml: CheckoutHighErrorRate',
        'deploy/prometheus-rules.yaml: CheckoutSlowResponses',
        'prometheus: PaymentsDown',
      ]);
      expect(outcome.evidence?.map(e => e.url)).toEqual([
        `${files.baseUrl}/crd-service/deploy/prometheus-rules.yaml`,
        `${prometheus.baseUrl}/alerts`,
      ]);
    } finally {
      await files.close();
    }
  });

  it('sends the configured headers and asks once for many entities', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    // A pass-through in front of the real Prometheus, to see the request.
    const proxy = http.createServer((req, res) => {
      seen.push(req.headers);
      fetch(`${prometheus.baseUrl}${req.url}`)
        .then(async upstream => {
          res.writeHead(upstream.status, {
            'content-type': 'application/json',
          });
          res.end(await upstream.text());
        })
        .catch(() => res.writeHead(502).end());
    });
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      const check = checkAgainst(`http://127.0.0.1:${port}/`, {
        headers: { Authorization: 'Bearer prometheus-token' },
      });
      const entity = componentWith({ 'prometheus.io/alert': 'PaymentsDown' });
      const outcome = await check.evaluate(entity, checkContext());
      expect(outcome.state).toBe('passed');
      expect(seen[0].authorization).toBe('Bearer prometheus-token');

      // A run over many entities asks Prometheus once, not once per entity.
      await check.evaluate(entity, checkContext());
      expect(seen).toHaveLength(1);
    } finally {
      await new Promise(resolve => proxy.close(resolve));
    }
  });

  it('errors when Prometheus answers with a failure', async () => {
    const outcome = await checkAgainst(
      `${prometheus.baseUrl}/no-such-prefix`,
    ).evaluate(
      componentWith({ 'prometheus.io/alert': 'PaymentsDown' }),
      checkContext(),
    );
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(
      new RegExp(
        `^Prometheus at ${prometheus.baseUrl}/no-such-prefix answered 404 Not Found to /api/v1/rules`,
      ),
    );
  });

  it('stops asking when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await checkAgainst(prometheus.baseUrl).evaluate(
      componentWith({ 'prometheus.io/alert': 'PaymentsDown' }),
      checkContext(controller.signal),
    );
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(
      /^The rules request to Prometheus at .* was abandoned: .*abort/i,
    );
  });
});

describe('alerts check, Prometheus down', () => {
  it('errors, never passes, when Prometheus has stopped', async () => {
    const prometheus = await startPrometheus({
      ruleFiles: [path.join(FIXTURES, 'prometheus/live-rules.yaml')],
    });
    const check = checkAgainst(prometheus.baseUrl);
    const entity = componentWith({ 'prometheus.io/alert': 'PaymentsDown' });
    expect((await check.evaluate(entity, checkContext())).state).toBe('passed');

    await prometheus.stop();
    // A fresh check, so nothing of the first answer is reused.
    const outcome = await checkAgainst(prometheus.baseUrl).evaluate(
      entity,
      checkContext(),
    );
    expect(outcome.state).toBe('error');
    expect(outcome.message).toBe(
      `Could not reach Prometheus at ${
        prometheus.baseUrl
      }: fetch failed (connect ECONNREFUSED ${prometheus.baseUrl.replace(
        'http://',
        '',
      )})`,
    );
    expect(outcome.items).toBeUndefined();
  }, 60_000);
});

describe('alerts check, Prometheus too slow', () => {
  it('errors within its timeoutSeconds, never passes', async () => {
    // Accepts the request and never answers: a stuck Prometheus.
    const silent = http.createServer(() => {});
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const outcome = await checkAgainst(url, {
        timeoutSeconds: 0.2,
      }).evaluate(
        componentWith({ 'prometheus.io/alert': 'PaymentsDown' }),
        checkContext(),
      );
      expect(outcome.state).toBe('error');
      expect(outcome.message).toBe(
        `Prometheus at ${url} did not answer within 0.2 s`,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.closeAllConnections();
      await new Promise(resolve => silent.close(resolve));
    }
  });
});
