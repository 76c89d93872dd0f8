import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  startStaticFileServer,
  StaticFileServer,
  urlReaderAllowing,
} from '../../../__testUtils__/staticFileServer';
import { createAlertRulesCheck } from './alertRulesCheck';
import { DEFAULT_ALERT_RULE_PATHS } from './alertsSettings';
import {
  checkContext,
  componentIn,
  componentWith,
  FIXTURE_REPOSITORIES,
  silentLogger,
} from '../__testUtils__/checkSubjects';

// Rule files as code: fixture repositories served by a real HTTP server and
// read through the backend's real URL reader. Live rules are tested against
// a real Prometheus in liveAlertRules.test.ts.

/** `annotations` is indented one space too far: not valid YAML. */
const MALFORMED_RULES = [
  'groups:',
  '  - name: broken',
  '    rules:',
  '      - alert: Broken',
  '        expr: up == 0',
  '        labels:',
  '          severity: critical',
  '         annotations:',
  '          summary: the indentation above is wrong',
  '',
].join('\n');

describe('alerts check, rules as code', () => {
  let server: StaticFileServer;

  beforeAll(async () => {
    server = await startStaticFileServer(FIXTURE_REPOSITORIES, {
      failingPaths: { '/empty-service/prometheus/rules.yaml': 500 },
      // Served from memory: a formatter would refuse it as a file.
      files: { '/malformed-service/prometheus/alerts.yaml': MALFORMED_RULES },
    });
  });
  afterAll(() => server.close());

  function check(readiness: JsonObject = {}) {
    return createAlertRulesCheck({
      config: new ConfigReader({ qualityGates: { readiness } }),
      urlReader: urlReaderAllowing(server.host),
      logger: silentLogger,
    });
  }

  const at = (repository: string, annotations: Record<string, string> = {}) =>
    componentIn(server.baseUrl, repository, annotations);

  it('describes itself', () => {
    const alerts = check();
    expect(alerts).toMatchObject({
      id: 'alerts',
      level: 'silver',
      catalogOnly: false,
    });
    expect(alerts.description).toMatch(/runbook/);
    expect(alerts.howToFix).toContain('`quality-gates/alert-rules`');
    expect(alerts.howToFix).toContain('`prometheus/alerts.yaml`');
  });

  it('passes a PrometheusRule resource found by convention in a multi-document file', async () => {
    const outcome = await check().evaluate(at('crd-service'), checkContext());

    expect(outcome.state).toBe('passed');
    expect(outcome.message).toBe(
      "2 alerts, each with a severity, summary, description, runbook and 'for' duration.",
    );
    const file = `${server.baseUrl}/crd-service/deploy/prometheus-rules.yaml`;
    // The recording rule in the same resource is not an alert.
    expect(outcome.items).toEqual([
      {
        name: 'CheckoutHighErrorRate',
        state: 'passed',
        missing: [],
        source: 'deploy/prometheus-rules.yaml',
        url: file,
      },
      {
        name: 'CheckoutSlowResponses',
        state: 'passed',
        missing: [],
        source: 'deploy/prometheus-rules.yaml',
        url: file,
      },
    ]);
    expect(outcome.evidence).toEqual([
      { title: 'Alert rules in deploy/prometheus-rules.yaml', url: file },
    ]);
  });

  it('lists what each alert of a plain rule file lacks', async () => {
    const outcome = await check().evaluate(
      at('rulefile-service'),
      checkContext(),
    );

    expect(outcome.state).toBe('failed');
    expect(outcome.message).toBe('5 of 6 alerts lack something.');
    const lacking = Object.fromEntries(
      (outcome.items ?? []).map(item => [item.name, item.missing]),
    );
    expect(lacking).toEqual({
      PaymentsDown: [],
      PaymentsNoRunbook: ['runbook_url annotation'],
      PaymentsBadSeverity: [
        "severity label of critical, warning, info (is 'page')",
      ],
      PaymentsNoFor: ["'for' duration, so one bad evaluation does not page"],
      PaymentsRunbookNotUrl: [
        "runbook_url annotation as an http(s) URL (is 'see the payments wiki')",
      ],
      PaymentsBare: [
        'severity label',
        'summary annotation',
        'description annotation',
        'runbook_url annotation',
        "'for' duration, so one bad evaluation does not page",
      ],
    });
    expect(outcome.items?.find(i => i.name === 'PaymentsDown')?.state).toBe(
      'passed',
    );
    expect(outcome.missing).toContain(
      'PaymentsNoRunbook (prometheus/alerts.yaml): runbook_url annotation',
    );
    expect(outcome.missing).toHaveLength(5);
  });

  it('takes the allowed severities from config', async () => {
    const outcome = await check({
      alerts: { allowedSeverities: ['critical', 'warning', 'info', 'page'] },
    }).evaluate(at('rulefile-service'), checkContext());
    expect(
      outcome.items?.find(item => item.name === 'PaymentsBadSeverity'),
    ).toMatchObject({ state: 'passed', missing: [] });
  });

  it('reads the files named in the annotation, and fails when one is missing', async () => {
    const present = await check().evaluate(
      at('annotated-service', {
        'quality-gates/alert-rules':
          'observability/rules/api.yaml,observability/rules/worker.yml',
      }),
      checkContext(),
    );
    expect(present.state).toBe('passed');
    expect(present.items?.map(item => [item.name, item.source])).toEqual([
      ['InventoryApiErrors', 'observability/rules/api.yaml'],
      ['InventoryWorkerStuck', 'observability/rules/worker.yml'],
    ]);

    const missingFile = await check().evaluate(
      at('annotated-service', {
        'quality-gates/alert-rules':
          'observability/rules/api.yaml,observability/rules/missing.yaml',
      }),
      checkContext(),
    );
    expect(missingFile.state).toBe('failed');
    expect(missingFile.message).toBe(
      '1 problem with the rule files or annotations.',
    );
    expect(missingFile.missing).toEqual([
      `observability/rules/missing.yaml: named in quality-gates/alert-rules but not found at ${server.baseUrl}/annotated-service/observability/rules/missing.yaml`,
    ]);
    // The file that is there still counts.
    expect(missingFile.items?.map(item => item.name)).toEqual([
      'InventoryApiErrors',
    ]);
  });

  it('reads an absolute URL from the annotation without a source location', async () => {
    const outcome = await check().evaluate(
      componentWith({
        'quality-gates/alert-rules': `${server.baseUrl}/crd-service/deploy/prometheus-rules.yaml`,
      }),
      checkContext(),
    );
    expect(outcome.state).toBe('passed');
    expect(outcome.items).toHaveLength(2);
  });

  it('fails with where it looked when no rules are found', async () => {
    const outcome = await check({
      alerts: { conventionPaths: ['prometheus/alerts.yaml', 'alerts.yaml'] },
    }).evaluate(at('empty-service'), checkContext());

    expect(outcome.state).toBe('failed');
    const where = `prometheus/alerts.yaml, alerts.yaml in ${server.baseUrl}/empty-service/`;
    expect(outcome.message).toBe(`No alert rules found; looked in ${where}.`);
    expect(outcome.missing).toEqual([`alerting rules (looked in ${where})`]);
    expect(outcome.items).toEqual([]);
    // Both conventions were tried, nothing else.
    expect(
      server.requests.filter(p => p.startsWith('/empty-service/')),
    ).toEqual(
      expect.arrayContaining([
        '/empty-service/prometheus/alerts.yaml',
        '/empty-service/alerts.yaml',
      ]),
    );
  });

  it('is not reported when there is nowhere to look', async () => {
    const outcome = await check().evaluate(componentWith({}), checkContext());
    expect(outcome).toEqual({
      state: 'not_reported',
      message:
        'Nowhere to look for alert rules: the entity has no backstage.io/source-location annotation and no quality-gates/alert-rules annotation; no prometheus.io/alert or grafana/alert-label-selector annotation names live alerts.',
      missing: [
        'a backstage.io/source-location, a quality-gates/alert-rules annotation, or live alerts named in prometheus.io/alert / grafana/alert-label-selector',
      ],
    });

    const namesLiveAlerts = await check().evaluate(
      componentWith({ 'prometheus.io/alert': 'CheckoutDown' }),
      checkContext(),
    );
    expect(namesLiveAlerts.state).toBe('not_reported');
    expect(namesLiveAlerts.message).toContain(
      'it names live alerts, but no Prometheus is configured (qualityGates.readiness.alerts.prometheus.baseUrl)',
    );
  });

  it('says when named live alerts were not checked for want of a Prometheus', async () => {
    const outcome = await check().evaluate(
      at('crd-service', { 'prometheus.io/alert': 'CheckoutDown' }),
      checkContext(),
    );
    expect(outcome.state).toBe('passed');
    expect(outcome.message).toMatch(
      / Live alerts named by prometheus.io\/alert \/ grafana\/alert-label-selector were not checked: no Prometheus is configured\.$/,
    );
  });

  it('fails a malformed rule file, saying where it is broken', async () => {
    const outcome = await check().evaluate(
      at('malformed-service'),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.missing).toEqual([
      expect.stringMatching(
        /^prometheus\/alerts\.yaml: not valid YAML: .*line 8/,
      ),
    ]);
    expect(outcome.evidence).toEqual([
      {
        title: 'Alert rules in prometheus/alerts.yaml',
        url: `${server.baseUrl}/malformed-service/prometheus/alerts.yaml`,
      },
    ]);
  });

  it('fails a file that is not a rule file', async () => {
    const outcome = await check().evaluate(
      at('grafana-service', {
        'quality-gates/alert-rules': 'dashboards/dashboard.json',
      }),
      checkContext(),
    );
    expect(outcome.state).toBe('failed');
    expect(outcome.missing).toEqual([
      'dashboards/dashboard.json: holds no Prometheus rule groups (a rule file with `groups:` or a PrometheusRule resource)',
    ]);
  });

  it('errors, and neither passes nor fails, when a file cannot be read', async () => {
    const outcome = await check({
      alerts: {
        conventionPaths: ['prometheus/alerts.yaml', 'prometheus/rules.yaml'],
      },
    }).evaluate(at('empty-service'), checkContext());
    const url = `${server.baseUrl}/empty-service/prometheus/rules.yaml`;
    expect(outcome).toEqual({
      state: 'error',
      message: `Could not read ${url}: could not read ${url}, 500 Internal Server Error`,
      evidence: [{ title: 'Alert rules at prometheus/rules.yaml', url }],
    });
  });

  it('errors when the source host is not allowed for reading', async () => {
    const outcome = await createAlertRulesCheck({
      config: new ConfigReader({}),
      urlReader: urlReaderAllowing('127.0.0.1:1'),
      logger: silentLogger,
    }).evaluate(at('crd-service'), checkContext());
    expect(outcome.state).toBe('error');
    expect(outcome.message).toMatch(/is not allowed/);
  });

  it('uses the default convention paths', async () => {
    const before = server.requests.length;
    // One default path answers 500 here, so the outcome is an error.
    const outcome = await check().evaluate(at('empty-service'), checkContext());
    expect(outcome.state).toBe('error');
    const tried = server.requests.slice(before);
    expect(tried.sort()).toEqual(
      DEFAULT_ALERT_RULE_PATHS.map(p => `/empty-service/${p}`).sort(),
    );
  });

  it('refuses invalid settings at start-up', () => {
    expect(() => check({ alerts: { allowedSeverities: [] } })).toThrow(
      /allowedSeverities must name at least one severity/,
    );
    expect(() =>
      check({ alerts: { prometheus: { baseUrl: 'prometheus:9090' } } }),
    ).toThrow(/prometheus.baseUrl must be an http\(s\) URL/);
  });
});
