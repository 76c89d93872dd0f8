import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import {
  closedPortUrl,
  delay,
  LocalServer,
  startLocalServer,
} from '../__testUtils__/localServers';
import { formatSentence } from '@can-i-deploy/plugin-quality-gates-common';
import {
  createHttpCheckCriterionSource,
  httpCheckEvidence,
} from './httpCheckCriterionSource';
import { HttpCheckSettings } from './httpCheckSettings';
import { UrlCheck } from './checkUrl';

// The http-check source against a real loopback HTTP server that answers
// with the status, latency and failures each path asks for: flaky then OK
// for retries and backoff, slow for the latency bound, and a closed port
// for a refused connection.

/** Per path, how many requests have arrived, so a path can fail first. */
const hits = new Map<string, number>();

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer(async (request, response) => {
    const url = new URL(request.url, 'http://local');
    const count = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, count);
    switch (url.pathname) {
      case '/ok':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(request.method === 'HEAD' ? undefined : 'status: ready');
        return;
      case '/created':
        response.writeHead(201).end();
        return;
      case '/flaky': {
        // Fails until the `failures` query parameter's count is reached.
        const failures = Number(url.searchParams.get('failures') ?? 2);
        response.writeHead(count <= failures ? 503 : 200).end('flaky');
        return;
      }
      case '/slow':
        await delay(Number(url.searchParams.get('ms') ?? 400));
        response.writeHead(200).end('late');
        return;
      case '/trickle':
        // Headers at once, the body late.
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('partial ');
        await delay(Number(url.searchParams.get('ms') ?? 400));
        response.end('rest');
        return;
      case '/redirect':
        response
          .writeHead(302, { location: url.searchParams.get('to') ?? '/ok' })
          .end();
        return;
      case '/echo':
        response.writeHead(200).end(JSON.stringify(request.headers));
        return;
      default:
        response.writeHead(404).end('not found');
    }
  });
});

afterAll(() => server.close());
beforeEach(() => {
  hits.clear();
  server.requests.length = 0;
});

const settings: HttpCheckSettings = {
  timeoutMs: 2_000,
  repositoryAllowedHosts: [],
};

function source(overrides: Partial<HttpCheckSettings> = {}): CriterionSource {
  return createHttpCheckCriterionSource({
    settings: { ...settings, ...overrides },
  });
}

function measure(
  definition: Record<string, unknown>,
  options: {
    signal?: AbortSignal;
    on?: CriterionSource;
    origin?: 'central' | 'component';
  } = {},
) {
  return (options.on ?? source()).measure({
    entityRef: 'component:default/checkout',
    environment: 'staging',
    version: '1.4.2',
    definition,
    window: {
      start: '2026-03-02T09:30:00.000Z',
      end: '2026-03-02T10:00:00.000Z',
    },
    signal: options.signal,
    origin: options.origin ?? 'central',
  });
}

function urlChecks(details: Record<string, unknown> | undefined): UrlCheck[] {
  return details!.urls as UrlCheck[];
}

describe('http-check criterion source', () => {
  it('passes a URL that answers as expected on the first try', async () => {
    const measurement = await measure({
      url: `${server.url}/ok`,
      bodyContains: 'ready',
      maxLatencyMs: 1_000,
    });
    expect(measurement.value).toBe(1);
    expect(measurement.sampleSize).toBe(1);
    expect(measurement.link).toBe(`${server.url}/ok`);
    const [check] = urlChecks(measurement.details);
    expect(check).toMatchObject({ url: `${server.url}/ok`, passed: true });
    expect(check.attempts).toHaveLength(1);
    expect(check.attempts[0]).toMatchObject({
      attempt: 1,
      passed: true,
      status: 200,
    });
    expect(check.attempts[0].latencyMs).toBeGreaterThanOrEqual(0);
    expect(measurement.details).toMatchObject({
      request: {
        method: 'GET',
        expectStatus: '2xx',
        maxLatencyMs: 1_000,
        tries: 3,
        backoffMs: 500,
        bodyContains: 'ready',
      },
      passed: 1,
      failed: [],
    });
  });

  it('retries a flaky URL with doubling backoff until it answers', async () => {
    const measurement = await measure({
      url: `${server.url}/flaky?failures=2`,
      tries: 3,
      backoffMs: 60,
    });
    expect(measurement.value).toBe(1);
    const [check] = urlChecks(measurement.details);
    expect(
      check.attempts.map(attempt => [attempt.status, attempt.passed]),
    ).toEqual([
      [503, false],
      [503, false],
      [200, true],
    ]);
    expect(check.attempts[0].error).toBe('status 503, expected 2xx');
    // 60 ms before the second try, 120 ms before the third.
    const [first, second, third] = server.requests.map(request => request.at);
    expect(second - first).toBeGreaterThanOrEqual(55);
    expect(third - second).toBeGreaterThanOrEqual(115);
  });

  it('fails a URL that is still failing after its tries', async () => {
    const measurement = await measure({
      url: `${server.url}/flaky?failures=5`,
      tries: 2,
      backoffMs: 10,
    });
    expect(measurement.value).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(measurement.details).toMatchObject({
      passed: 0,
      failed: [`${server.url}/flaky?failures=5`],
    });
  });

  it('fails a slow answer at the latency bound without waiting for it', async () => {
    const started = Date.now();
    const measurement = await measure({
      url: `${server.url}/slow?ms=600`,
      maxLatencyMs: 100,
      tries: 2,
      backoffMs: 10,
    });
    expect(Date.now() - started).toBeLessThan(600);
    expect(measurement.value).toBe(0);
    const [check] = urlChecks(measurement.details);
    expect(check.attempts).toHaveLength(2);
    expect(check.attempts[0]).toMatchObject({
      passed: false,
      error: 'no answer within 100 ms',
    });
    expect(check.attempts[0].latencyMs).toBeGreaterThanOrEqual(95);
  });

  it('counts the whole body in the latency, and waits the configured time without a bound', async () => {
    const trickle = await measure({
      url: `${server.url}/trickle?ms=400`,
      maxLatencyMs: 100,
      tries: 1,
    });
    expect(trickle.value).toBe(0);
    expect(urlChecks(trickle.details)[0].attempts[0]).toMatchObject({
      status: 200,
      error: 'no complete answer within 100 ms',
    });
    const unbounded = source({ timeoutMs: 150 });
    const slow = await measure(
      { url: `${server.url}/slow?ms=600`, tries: 1 },
      { on: unbounded },
    );
    expect(urlChecks(slow.details)[0].attempts[0].error).toBe(
      'no answer within 150 ms',
    );
    const inTime = await measure(
      { url: `${server.url}/slow?ms=50`, tries: 1 },
      { on: unbounded },
    );
    expect(inTime.value).toBe(1);
    expect(
      urlChecks(inTime.details)[0].attempts[0].latencyMs,
    ).toBeGreaterThanOrEqual(45);
  });

  it('fails a refused connection, saying so', async () => {
    const closed = await closedPortUrl();
    const measurement = await measure({
      url: `${closed}/health`,
      tries: 2,
      backoffMs: 10,
    });
    expect(measurement.value).toBe(0);
    const [check] = urlChecks(measurement.details);
    expect(check.attempts).toHaveLength(2);
    expect(check.attempts[0].error).toMatch(/ECONNREFUSED/);
    expect(check.attempts[0].status).toBeUndefined();
  });

  it('reports the share of URLs that passed', async () => {
    const measurement = await measure({
      urls: [
        `${server.url}/ok`,
        `${server.url}/created`,
        `${server.url}/missing`,
      ],
      expectStatus: [200, 201],
      tries: 1,
    });
    expect(measurement.value).toBeCloseTo(2 / 3);
    expect(measurement.sampleSize).toBe(3);
    expect(measurement.link).toBeUndefined();
    expect(measurement.details).toMatchObject({
      passed: 2,
      failed: [`${server.url}/missing`],
      request: { expectStatus: '200 or 201' },
    });
    expect(urlChecks(measurement.details)[2].attempts[0].error).toBe(
      'status 404, expected 200 or 201',
    );
  });

  it('checks status classes, HEAD requests and the body', async () => {
    expect(
      (await measure({ url: `${server.url}/missing`, expectStatus: '4xx' }))
        .value,
    ).toBe(1);
    const head = await measure({ url: `${server.url}/ok`, method: 'HEAD' });
    expect(head.value).toBe(1);
    expect(server.requests.at(-1)!.method).toBe('HEAD');
    const body = await measure({
      url: `${server.url}/ok`,
      bodyContains: 'degraded',
      tries: 1,
    });
    expect(body.value).toBe(0);
    expect(urlChecks(body.details)[0].attempts[0].error).toBe(
      'the body does not contain "degraded"',
    );
  });

  it('fills in placeholders, encoded, and sends the headers without keeping their values', async () => {
    const measurement = await measure({
      url: `${server.url}/echo?service={{entity.name}}&v={{version}}&env={{environment}}`,
      headers: { authorization: 'Bearer synthetic-secret' },
    });
    expect(measurement.value).toBe(1);
    expect(server.requests[0].url).toBe(
      '/echo?service=checkout&v=1.4.2&env=staging',
    );
    expect(server.requests[0].headers.authorization).toBe(
      'Bearer synthetic-secret',
    );
    expect(JSON.stringify(measurement.details)).not.toContain(
      'synthetic-secret',
    );
    expect(measurement.details).toMatchObject({
      request: { headerNames: ['authorization'] },
    });
  });

  it('follows redirects, and can judge the redirect itself', async () => {
    const followed = await measure({ url: `${server.url}/redirect?to=/ok` });
    expect(followed.value).toBe(1);
    expect(urlChecks(followed.details)[0].attempts[0]).toMatchObject({
      status: 200,
      redirects: [`${server.url}/ok`],
    });
    const asIs = await measure({
      url: `${server.url}/redirect?to=/ok`,
      followRedirects: false,
      expectStatus: 302,
    });
    expect(asIs.value).toBe(1);
  });

  it('only calls allowed hosts, also after a redirect', async () => {
    const guarded = source({ allowedHosts: ['127.0.0.1'] });
    expect(
      (await measure({ url: `${server.url}/ok` }, { on: guarded })).value,
    ).toBe(1);
    await expect(
      measure({ url: 'http://metadata.internal/latest' }, { on: guarded }),
    ).rejects.toThrow(
      'http-check criterion: url http://metadata.internal/latest: host metadata.internal is not in qualityGates.checks.http.allowedHosts',
    );
    const redirected = await measure(
      {
        url: `${server.url}/redirect?to=http://localhost:1/secret`,
        tries: 1,
      },
      { on: guarded },
    );
    expect(redirected.value).toBe(0);
    expect(urlChecks(redirected.details)[0].attempts[0].error).toMatch(
      /^redirected to http:\/\/localhost:1\/secret, which is not checked: host localhost is not in/,
    );
    const wildcard = source({ allowedHosts: ['*.example.com'] });
    await expect(
      measure({ url: 'https://example.com.evil.test/' }, { on: wildcard }),
    ).rejects.toThrow(/not in qualityGates.checks.http.allowedHosts/);
  });

  it('refuses other protocols and wrong definitions with the field', async () => {
    await expect(measure({ url: 'file:///etc/passwd' })).rejects.toThrow(
      'only http and https URLs can be checked, not file:',
    );
    await expect(measure({ urls: [] })).rejects.toThrow(
      /^http-check criterion: urls: Array must contain at least 1 element/,
    );
    await expect(measure({})).rejects.toThrow("give either 'url' or 'urls'");
    await expect(
      measure({ url: `${server.url}/ok`, tries: 0 }),
    ).rejects.toThrow(/tries: Number must be greater than or equal to 1/);
    await expect(
      measure({ url: `${server.url}/ok`, expectStatus: '2XY' }),
    ).rejects.toThrow(/expectStatus/);
    await expect(
      measure({ url: `${server.url}/ok`, method: 'HEAD', bodyContains: 'x' }),
    ).rejects.toThrow('bodyContains: a HEAD request has no body to look in');
    await expect(
      measure({ url: `${server.url}/ok`, timeout: 5 }),
    ).rejects.toThrow(/Unrecognized key\(s\) in object: 'timeout'/);
    await expect(measure({ url: `${server.url}/{{commit}}` })).rejects.toThrow(
      'Unknown placeholder {{commit}} in url',
    );
  });

  it('stops when the evaluation is abandoned, during a try or a backoff', async () => {
    const duringTry = AbortSignal.timeout(100);
    const started = Date.now();
    await expect(
      measure({ url: `${server.url}/slow?ms=1500` }, { signal: duringTry }),
    ).rejects.toThrow(/^The check was abandoned/);
    const duringBackoff = AbortSignal.timeout(150);
    await expect(
      measure(
        {
          url: `${server.url}/flaky?failures=5`,
          tries: 3,
          backoffMs: 5_000,
        },
        { signal: duringBackoff },
      ),
    ).rejects.toThrow(/^The check was abandoned/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('the http-check sentence', () => {
  const attempt = (status: number, latencyMs: number, passed: boolean) => ({
    attempt: 1,
    passed,
    status,
    latencyMs,
    ...(passed ? {} : { error: `expected 2xx, got ${status}` }),
  });
  const sentence = (checks: UrlCheck[]) =>
    formatSentence(httpCheckEvidence('GET', checks).summary!);

  it('says what each URL answered', () => {
    expect({
      pass: sentence([
        {
          url: 'https://shop.example.com/health',
          passed: true,
          attempts: [attempt(200, 120, true)],
        },
      ]),
      fail: sentence([
        {
          url: 'https://shop.example.com/health',
          passed: false,
          attempts: [attempt(503, 40, false), attempt(503, 35, false)],
        },
      ]),
      some: sentence([
        {
          url: 'https://eu.example.com/health',
          passed: true,
          attempts: [attempt(200, 80, true)],
        },
        {
          url: 'https://us.example.com/health',
          passed: false,
          attempts: [
            {
              attempt: 1,
              passed: false,
              latencyMs: 5000,
              error: 'timed out after 5 s',
            },
          ],
        },
      ]),
    }).toMatchInlineSnapshot(`
      {
        "fail": "GET https://shop.example.com/health failed: expected 2xx, got 503 after 2 tries",
        "pass": "GET https://shop.example.com/health answered 200 in 120 ms",
        "some": "1 of 2 URLs answered as expected; https://us.example.com/health timed out after 5 s",
      }
    `);
  });
});
