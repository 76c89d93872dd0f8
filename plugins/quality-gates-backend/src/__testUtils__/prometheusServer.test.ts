import path from 'node:path';
import { startPrometheus } from './prometheusServer';

// The helper itself, against the real binaries: later tests (PromQL
// criteria) rely on backfilled data being queryable.

const RULES = path.resolve(
  __dirname,
  '../readiness/checks/__fixtures__/prometheus/live-rules.yaml',
);

describe('startPrometheus', () => {
  it('serves backfilled OpenMetrics data and the given rules, and stops', async () => {
    const end = Math.floor(Date.now() / 1000) - 3600;
    const samples = Array.from(
      { length: 10 },
      (_, i) =>
        `http_requests_total{service="checkout"} ${100 * (i + 1)} ${
          end - 60 * (9 - i)
        }`,
    );
    const prometheus = await startPrometheus({
      ruleFiles: [RULES],
      openMetrics: [
        '# HELP http_requests_total Requests served.',
        '# TYPE http_requests_total counter',
        ...samples,
        '# EOF',
      ].join('\n'),
    });
    try {
      const query = await fetch(
        `${prometheus.baseUrl}/api/v1/query?query=${encodeURIComponent(
          'http_requests_total{service="checkout"}',
        )}&time=${end}`,
      ).then(response => response.json());
      expect(query.status).toBe('success');
      expect(query.data.result).toEqual([
        {
          metric: { __name__: 'http_requests_total', service: 'checkout' },
          value: [end, '1000'],
        },
      ]);

      const rules = await fetch(`${prometheus.baseUrl}/api/v1/rules`).then(
        response => response.json(),
      );
      expect(
        rules.data.groups.map((group: { name: string }) => group.name),
      ).toEqual(['checkout', 'payments']);
    } finally {
      await prometheus.stop();
    }
    expect(() => process.kill(prometheus.pid, 0)).toThrow();
    await expect(fetch(`${prometheus.baseUrl}/-/ready`)).rejects.toThrow();
  }, 60_000);

  it('says how to install Prometheus when it is missing', async () => {
    const originalPath = process.env.PATH;
    process.env.PATH = path.join(__dirname, 'no-binaries-here');
    try {
      await expect(startPrometheus()).rejects.toThrow(
        'prometheus is not installed (not found on PATH); run ./scripts/install-system-packages.sh',
      );
    } finally {
      process.env.PATH = originalPath;
    }
  });

  it('says what is wrong with data promtool cannot backfill', async () => {
    await expect(
      startPrometheus({ openMetrics: 'not openmetrics at all' }),
    ).rejects.toThrow(/^promtool could not backfill the OpenMetrics data: /);
  }, 30_000);
});
