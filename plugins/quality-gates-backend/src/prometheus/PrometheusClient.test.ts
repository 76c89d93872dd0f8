import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigReader } from '@backstage/config';
import { PrometheusClient } from './PrometheusClient';
import { PrometheusQueryError } from './PrometheusQueryError';
import { readPrometheusSettings } from './prometheusSettings';

// A small real HTTP server answers as the test says, one answer per request
// in turn, and keeps what each request sent.

type Answer =
  | { status: number; body: unknown }
  | 'hang-up' // closes the connection without an answer
  | 'silent'; // never answers

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
}

async function serve(answers: Answer[]) {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
    if (answer === 'hang-up') {
      request.socket.destroy();
      return;
    }
    if (answer === 'silent') return;
    response
      .writeHead(answer.status, { 'content-type': 'application/json' })
      .end(
        typeof answer.body === 'string'
          ? answer.body
          : JSON.stringify(answer.body),
      );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let server: Awaited<ReturnType<typeof serve>> | undefined;
afterEach(() => server?.close());

const vector = {
  status: 'success',
  data: {
    resultType: 'vector',
    result: [{ metric: { job: 'api' }, value: [1, '0.5'] }],
  },
};
const at = new Date('2026-12-06T12:00:00Z');

function clientFor(
  url: string,
  options: Partial<ConstructorParameters<typeof PrometheusClient>[0]> = {},
) {
  return new PrometheusClient({
    baseUrl: url,
    timeoutMs: 2_000,
    backoffMs: 10,
    ...options,
  });
}

describe('PrometheusClient', () => {
  it('asks instant queries with the headers and reads the vector', async () => {
    server = await serve([{ status: 200, body: vector }]);
    const result = await clientFor(server.url, {
      headers: { Authorization: 'Bearer secret-token' },
    }).instantQuery('sum(up)', at);
    expect(result).toEqual({
      resultType: 'vector',
      samples: [{ labels: { job: 'api' }, value: 0.5 }],
    });
    const url = new URL(server.seen[0].url, server.url);
    expect(url.pathname).toBe('/api/v1/query');
    expect(url.searchParams.get('query')).toBe('sum(up)');
    expect(url.searchParams.get('time')).toBe(String(at.getTime() / 1000));
    expect(url.searchParams.get('timeout')).toMatch(/^\d+ms$/);
    expect(server.seen[0].headers.authorization).toBe('Bearer secret-token');
    // Small answers are asked for uncompressed.
    expect(server.seen[0].headers['accept-encoding']).toBe('identity');
  });

  it('lets configured headers choose the encoding of answers', async () => {
    server = await serve([{ status: 200, body: vector }]);
    await clientFor(server.url, {
      headers: { 'Accept-Encoding': 'gzip' },
    }).instantQuery('sum(up)', at);
    expect(server.seen[0].headers['accept-encoding']).toBe('gzip');
  });

  it('reads range queries and rules', async () => {
    server = await serve([
      {
        status: 200,
        body: {
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [
              {
                metric: { v: '1' },
                values: [
                  [1, '1'],
                  [2, '+Inf'],
                ],
              },
              { metric: { v: '2' }, values: [[1, 'NaN']] },
            ],
          },
        },
      },
    ]);
    const series = await clientFor(server.url).rangeQuery(
      'up',
      { start: new Date(0), end: new Date(60_000) },
      15,
    );
    expect(series).toHaveLength(2);
    expect(series[0]).toEqual({ labels: { v: '1' }, values: [1, Infinity] });
    expect(series[1].values[0]).toBeNaN();
    expect(
      new URL(server.seen[0].url, server.url).searchParams.get('step'),
    ).toBe('15');
    await server.close();

    server = await serve([
      {
        status: 200,
        body: {
          status: 'success',
          data: {
            groups: [
              {
                rules: [
                  {
                    type: 'alerting',
                    name: 'Down',
                    duration: 300,
                    labels: { severity: 'critical' },
                    annotations: { summary: 's' },
                  },
                  { type: 'recording', name: 'job:up:sum' },
                ],
              },
            ],
          },
        },
      },
    ]);
    const rules = await clientFor(server.url).rules('alert');
    expect(rules).toEqual([
      {
        name: 'Down',
        type: 'alerting',
        labels: { severity: 'critical' },
        annotations: { summary: 's' },
        forSeconds: 300,
      },
      {
        name: 'job:up:sum',
        type: 'recording',
        labels: {},
        annotations: {},
      },
    ]);
    expect(server.seen[0].url).toBe('/api/v1/rules?type=alert');
  });

  it('retries 5xx answers and network failures, then succeeds', async () => {
    server = await serve([
      { status: 503, body: 'overloaded' },
      'hang-up',
      { status: 200, body: vector },
    ]);
    const result = await clientFor(server.url).instantQuery('up', at);
    expect(result.resultType).toBe('vector');
    expect(server.seen).toHaveLength(3);
  });

  it('gives up after the retries with the last failure', async () => {
    server = await serve([{ status: 502, body: 'bad gateway' }]);
    const error = await clientFor(server.url, { retries: 1 })
      .instantQuery('up', at)
      .catch(e => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect(error.message).toBe(
      `Prometheus at ${server.url} answered 502 Bad Gateway: bad gateway`,
    );
    expect(server.seen).toHaveLength(2);
  });

  it('surfaces Prometheus’ error JSON and does not retry a refused query', async () => {
    server = await serve([
      {
        status: 400,
        body: {
          status: 'error',
          errorType: 'bad_data',
          error: 'parse error: unexpected end of input',
        },
      },
    ]);
    const error = await clientFor(server.url)
      .instantQuery('sum(', at)
      .catch(e => e);
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect(error.errorType).toBe('bad_data');
    expect(error.message).toBe(
      `Prometheus at ${server.url} answered 400 Bad Request (bad_data): parse error: unexpected end of input — query: sum(`,
    );
    expect(server.seen).toHaveLength(1);
  });

  it('does not retry 4xx answers', async () => {
    server = await serve([{ status: 401, body: 'unauthorized' }]);
    await expect(clientFor(server.url).rules('alert')).rejects.toThrow(
      `Prometheus at ${server.url} answered 401 Unauthorized to /api/v1/rules: unauthorized`,
    );
    expect(server.seen).toHaveLength(1);
  });

  it('stops at the time limit, retries included', async () => {
    server = await serve(['silent']);
    const started = Date.now();
    const error = await clientFor(server.url, { timeoutMs: 200 })
      .instantQuery('up', at)
      .catch(e => e);
    expect(error.message).toBe(
      `Prometheus at ${server.url} did not answer within 0.2 s — query: up`,
    );
    expect(error.errorType).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1_500);
    // Never a retry past the limit (on a busy machine the one request may not
    // even have reached the server by then).
    expect(server.seen.length).toBeLessThanOrEqual(1);
  });

  it('stops at once when the caller aborts, and does not retry', async () => {
    server = await serve(['silent']);
    const controller = new AbortController();
    const asked = clientFor(server.url, { timeoutMs: 10_000 }).instantQuery(
      'up',
      at,
      controller.signal,
    );
    setTimeout(() => controller.abort(new Error('the deadline passed')), 50);
    const error = await asked.catch(e => e);
    expect(error.message).toBe(
      `The query to Prometheus at ${server.url} was abandoned: the deadline passed`,
    );
    expect(error.errorType).toBe('canceled');
    expect(server.seen).toHaveLength(1);
  });

  it('fails closed on an answer that is not a result', async () => {
    server = await serve([{ status: 200, body: '<html>login</html>' }]);
    await expect(clientFor(server.url).instantQuery('up', at)).rejects.toThrow(
      `Prometheus at ${server.url} answered with something that is not JSON: <html>login</html>`,
    );
  });
});

describe('readPrometheusSettings', () => {
  it('turns credentials in the URL into Basic auth and keeps them out of messages', async () => {
    server = await serve([{ status: 500, body: 'boom' }]);
    const settings = readPrometheusSettings(
      new ConfigReader({
        qualityGates: {
          gates: {
            prometheus: {
              baseUrl: server.url.replace('//', '//reader:s3cret@'),
              retries: 0,
            },
          },
        },
      }),
    )!;
    expect(settings.baseUrl).toBe(server.url);
    const error = await new PrometheusClient(settings)
      .instantQuery('up', at)
      .catch(e => e);
    expect(server.seen[0].headers.authorization).toBe(
      `Basic ${Buffer.from('reader:s3cret').toString('base64')}`,
    );
    expect(error.message).not.toContain('s3cret');
    expect(error.message).toBe(
      `Prometheus at ${server.url} answered 500 Internal Server Error: boom`,
    );
  });

  it('reads the same keys under any provider and rejects bad values', () => {
    const read = (prometheus: object) =>
      readPrometheusSettings(
        new ConfigReader({
          qualityGates: { readiness: { alerts: { prometheus } } },
        }),
        'qualityGates.readiness.alerts.prometheus',
      );
    expect(
      read({
        baseUrl: 'http://prom:9090/',
        timeoutSeconds: 3,
        retries: 0,
        headers: { 'X-Scope-OrgID': 'a' },
      }),
    ).toEqual({
      baseUrl: 'http://prom:9090',
      externalUrl: 'http://prom:9090',
      headers: { 'X-Scope-OrgID': 'a' },
      timeoutMs: 3_000,
      retries: 0,
    });
    expect(() => read({ baseUrl: 'http://prom', retries: -1 })).toThrow(
      'qualityGates.readiness.alerts.prometheus.retries must be a whole number from 0 to 10, got -1',
    );
    expect(() => read({ baseUrl: 'prom://u:pw@x' })).toThrow(
      "qualityGates.readiness.alerts.prometheus.baseUrl must be an http(s) URL, got 'prom://x'",
    );
  });
});
