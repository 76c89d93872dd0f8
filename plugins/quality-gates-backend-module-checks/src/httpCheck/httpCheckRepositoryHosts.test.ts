import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CriterionMeasurementRequest } from '@can-i-deploy/plugin-quality-gates-node';
import { LocalServer, startLocalServer } from '../__testUtils__/localServers';
import { createHttpCheckCriterionSource } from './httpCheckCriterionSource';
import { HttpCheckSettings } from './httpCheckSettings';
import { canonicalHost } from './hostGuard';

// http-checks from a component's gate file (origin `component`) against
// real loopback servers — one on 127.0.0.1, one on [::1] where the machine
// has IPv6 — that record every request. A refused URL must not reach a
// server at all: each case asserts that no request arrived.

let v4: LocalServer;
let v6: { url?: string; paths: string[]; close(): Promise<void> };

beforeAll(async () => {
  v4 = await startLocalServer((request, response) => {
    const url = new URL(request.url, 'http://local');
    if (url.pathname === '/redirect') {
      response.writeHead(302, { location: url.searchParams.get('to')! }).end();
    } else {
      response.writeHead(200).end('ok');
    }
  });
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '/');
    res.writeHead(200).end('ok');
  });
  const url = await new Promise<string | undefined>(resolve => {
    server.once('error', () => resolve(undefined));
    server.listen(0, '::1', () =>
      resolve(`http://[::1]:${(server.address() as AddressInfo).port}`),
    );
  });
  v6 = {
    url,
    paths,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
});

afterAll(async () => {
  await v4?.close();
  await v6?.close();
});

beforeEach(() => {
  v4.requests.length = 0;
  v6.paths.length = 0;
});

const port = () => new URL(v4.url).port;
const received = () => [...v4.requests.map(r => r.url), ...v6.paths];

function measure(
  url: string,
  settings: Partial<HttpCheckSettings>,
  origin: CriterionMeasurementRequest['origin'] = 'component',
) {
  return createHttpCheckCriterionSource({
    settings: { timeoutMs: 2_000, repositoryAllowedHosts: [], ...settings },
  }).measure({
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: '1.0.0',
    definition: { url, tries: 1 },
    window: {
      start: '2026-03-02T09:30:00.000Z',
      end: '2026-03-02T10:00:00.000Z',
    },
    origin,
  });
}

describe('http-check from a component gate file', () => {
  it('is marked safe for repository config: it holds such criteria to their own host list', () => {
    expect(
      createHttpCheckCriterionSource({
        settings: { timeoutMs: 1_000, repositoryAllowedHosts: [] },
      }).safeForRepositoryConfig,
    ).toBe(true);
  });

  it.each([
    ['127.0.0.1', () => `http://127.0.0.1:${port()}/a`, '127.0.0.1'],
    ['localhost', () => `http://localhost:${port()}/b`, 'localhost'],
    ['127.1', () => `http://127.1:${port()}/c`, '127.0.0.1'],
    ['2130706433', () => `http://2130706433:${port()}/d`, '127.0.0.1'],
    ['0x7f000001', () => `http://0x7f000001:${port()}/e`, '127.0.0.1'],
    ['a trailing dot', () => `http://127.0.0.1.:${port()}/f`, '127.0.0.1'],
    [
      'IPv4-mapped IPv6',
      () => `http://[::ffff:127.0.0.1]:${port()}/g`,
      '::ffff:7f00:1',
    ],
    ['[::1]', () => `${v6.url ?? `http://[::1]:${port()}`}/h`, '::1'],
  ])('reaches no host by default: %s', async (_, url, host) => {
    await expect(measure(url(), {})).rejects.toThrow(
      `: host ${host} cannot be checked from a component's gate file: qualityGates.checks.http.repositoryAllowedHosts is empty; the platform team may list there the hosts repositories may check`,
    );
    expect(received()).toEqual([]);
  });

  it('is not granted the central allowedHosts, nor the central any-host default', async () => {
    const url = `${v4.url}/central`;
    await expect(measure(url, { allowedHosts: ['127.0.0.1'] })).rejects.toThrow(
      /repositoryAllowedHosts is empty/,
    );
    expect(received()).toEqual([]);
    // The same criterion from central config reaches the host.
    expect((await measure(url, {}, 'central')).value).toBe(1);
    expect(received()).toEqual(['/central']);
  });

  it.each([
    ['userinfo', () => `http://status.example.test@127.0.0.1:${port()}/a`],
    [
      'userinfo with a port',
      () => `http://status.example.test:80@127.0.0.1:${port()}/b`,
    ],
    ['a fragment', () => `http://127.0.0.1:${port()}/c#@status.example.test`],
    ['a query', () => `http://127.0.0.1:${port()}/d?status.example.test`],
    ['a path', () => `http://127.0.0.1:${port()}/status.example.test/e`],
    [
      'a look-alike name under localhost',
      () => `http://status.example.test.localhost:${port()}/f`,
    ],
  ])(
    'cannot pass a forbidden host off as an allowed one: %s',
    async (_, url) => {
      await expect(
        measure(url(), {
          repositoryAllowedHosts: ['status.example.test', '*.example.test'],
        }),
      ).rejects.toThrow(
        /is not in qualityGates\.checks\.http\.repositoryAllowedHosts/,
      );
      expect(received()).toEqual([]);
    },
  );

  it('reaches a listed host, however its address is spelt', async () => {
    const settings = { repositoryAllowedHosts: ['127.0.0.1'] };
    expect((await measure(`${v4.url}/listed`, settings)).value).toBe(1);
    expect(
      (await measure(`http://127.1:${port()}/short`, settings)).value,
    ).toBe(1);
    expect(received()).toEqual(['/listed', '/short']);
  });

  it('does not follow a redirect to a host not listed', async () => {
    const settings = { repositoryAllowedHosts: ['127.0.0.1'] };
    const targets = [
      `http://localhost:${port()}/secret`,
      `${v6.url ?? `http://[::1]:${port()}`}/secret`,
      'http://169.254.169.254/latest/meta-data',
    ];
    for (const target of targets) {
      const measured = await measure(
        `${v4.url}/redirect?to=${encodeURIComponent(target)}`,
        settings,
      );
      expect(measured.value).toBe(0);
      expect((measured.details!.urls as any)[0].attempts[0].error).toMatch(
        /^redirected to .*, which is not checked: host .* is not in qualityGates\.checks\.http\.repositoryAllowedHosts/,
      );
    }
    // Each redirect was asked for; no target was.
    expect(received()).toHaveLength(targets.length);
    expect(received().every(path => path.startsWith('/redirect?'))).toBe(true);
  });
});

describe('canonicalHost', () => {
  it('spells a host as the URL parser does, so lists and URLs compare alike', () => {
    expect(canonicalHost('LOCALHOST.')).toBe('localhost');
    expect(canonicalHost('2130706433')).toBe('127.0.0.1');
    expect(canonicalHost('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canonicalHost('[::1]')).toBe('::1');
    expect(canonicalHost('Status.Example.com')).toBe('status.example.com');
  });

  it('is not a host when it is more than one', () => {
    for (const text of [
      'a@b',
      'a/b',
      'a?b',
      'a#b',
      'a b',
      'example.com:8080',
      'http://example.com',
      '',
    ]) {
      expect(canonicalHost(text)).toBeUndefined();
    }
  });
});
