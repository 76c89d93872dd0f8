import http from 'node:http';
import { AddressInfo } from 'node:net';
import { answer, notYet } from './__testUtils__/answers';
import { ExitCode } from './evaluate/exitCodes';
import { runCli } from './cli';
import { CliIo } from './CliIo';

// The CLI against a small stand-in server, with a fake clock and sleep:
// arguments, HTTP failures, --json and the --wait loop. The real backend
// is asked in the backend package's CLI test.

const TOKEN = 'secret-token-value';

interface Captured {
  io: CliIo;
  stdout(): string;
  stderr(): string;
  sleeps: number[];
}

function fakeIo(env: Record<string, string> = {}): Captured {
  let out = '';
  let err = '';
  let clock = Date.parse('2026-03-02T10:00:10.000Z');
  const sleeps: number[] = [];
  return {
    io: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      env,
      now: () => clock,
      sleep: async ms => {
        sleeps.push(ms);
        clock += ms;
      },
    },
    stdout: () => out,
    stderr: () => err,
    sleeps,
  };
}

describe('can-i-deploy', () => {
  let server: http.Server;
  let url: string;
  /** What the server answers next: status and body, one per request. */
  let replies: Array<{ status: number; body: string }>;
  let requests: Array<{ path: string; auth?: string; body: any }>;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        requests.push({
          path: req.url!,
          auth: req.headers.authorization,
          body: JSON.parse(body || '{}'),
        });
        const reply = replies.shift() ?? { status: 500, body: '{}' };
        res.writeHead(reply.status, { 'Content-Type': 'application/json' });
        res.end(reply.body);
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    replies = [];
    requests = [];
  });

  const run = (args: string[], captured = fakeIo()) =>
    runCli(['node', 'can-i-deploy', ...args], captured.io);
  const question = [
    'evaluate',
    '--entity',
    'component:default/checkout',
    '--environment',
    'production',
    '--version',
    'abc123',
  ];
  const args = () => ['--url', `${url}/`, '--token', TOKEN, ...question];

  it('documents the exit codes in --help and exits 0', async () => {
    const captured = fakeIo();
    expect(await run(['evaluate', '--help'], captured)).toBe(0);
    expect(captured.stdout()).toContain('3  warn with --fail-on-warn');
    expect(captured.stdout()).toContain('--poll-interval <duration>');
  });

  it('exits 2 on bad or missing arguments, saying which', async () => {
    const missing = fakeIo();
    expect(await run(['evaluate', '--entity', 'x'], missing)).toBe(2);
    expect(missing.stderr()).toContain("required option '--environment");

    const badDuration = fakeIo();
    expect(await run([...args(), '--wait-timeout', 'soon'], badDuration)).toBe(
      2,
    );
    expect(badDuration.stderr()).toContain("'soon' is not a duration");

    const noUrl = fakeIo();
    expect(
      await run(
        ['evaluate', '--entity', 'x', '--environment', 'p', '--version', '1'],
        noUrl,
      ),
    ).toBe(2);
    expect(noUrl.stderr()).toContain('pass --url or set BACKSTAGE_URL');
  });

  it('asks the evaluate route with the token', async () => {
    replies.push({ status: 200, body: JSON.stringify(answer()) });
    expect(await run(args())).toBe(0);
    expect(requests).toEqual([
      {
        path: '/api/quality-gates/gates/evaluate',
        auth: `Bearer ${TOKEN}`,
        body: {
          entityRef: 'component:default/checkout',
          environment: 'production',
          version: 'abc123',
          trigger: 'ci',
        },
      },
    ]);
  });

  it('reads the URL and token from the environment', async () => {
    process.env.BACKSTAGE_URL = `${url}/api/quality-gates`;
    process.env.QUALITY_GATES_API_TOKEN = TOKEN;
    try {
      replies.push({ status: 200, body: JSON.stringify(answer()) });
      expect(await run(question)).toBe(0);
    } finally {
      delete process.env.BACKSTAGE_URL;
      delete process.env.QUALITY_GATES_API_TOKEN;
    }
    expect(requests[0]).toMatchObject({
      path: '/api/quality-gates/gates/evaluate',
      auth: `Bearer ${TOKEN}`,
    });
  });

  it("prints the server's message on an HTTP error, exits 2 and never prints the token", async () => {
    replies.push({
      status: 401,
      body: JSON.stringify({
        error: { name: 'AuthenticationError', message: 'Illegal token' },
      }),
    });
    const captured = fakeIo();
    expect(await run(args(), captured)).toBe(2);
    expect(captured.stderr()).toContain(
      'answered HTTP 401: AuthenticationError: Illegal token',
    );
    expect(captured.stderr()).toContain('QUALITY_GATES_API_TOKEN');
    expect(captured.stdout() + captured.stderr()).not.toContain(TOKEN);
  });

  it('exits 2 when the answer is not a decision', async () => {
    replies.push({ status: 200, body: '<html>login</html>' });
    const notJson = fakeIo();
    expect(await run(args(), notJson)).toBe(2);
    expect(notJson.stderr()).toContain('not JSON: <html>login</html>');

    replies.push({ status: 200, body: '{"items":[]}' });
    const wrongShape = fakeIo();
    expect(await run(args(), wrongShape)).toBe(2);
    expect(wrongShape.stderr()).toContain(
      'did not answer with a gate decision',
    );
  });

  it('prints the body exactly as answered with --json', async () => {
    const body = `${JSON.stringify(answer(), null, 1)}\n`;
    replies.push({ status: 200, body });
    const captured = fakeIo();
    expect(await run([...args(), '--json'], captured)).toBe(0);
    expect(captured.stdout()).toBe(body);
  });

  describe('--wait', () => {
    const waiting = (observed: number) => JSON.stringify(notYet(observed, 60));

    it('asks again when the answer says until it is decided, reporting progress on stderr', async () => {
      // Deployed at 10:00:00, due at 10:01:00; the clock starts at 10:00:10.
      replies.push({ status: 200, body: waiting(10) });
      replies.push({ status: 200, body: JSON.stringify(answer()) });
      const captured = fakeIo();
      expect(await run([...args(), '--wait'], captured)).toBe(0);
      expect(requests).toHaveLength(2);
      // Until the time to ask again, plus a second.
      expect(captured.sleeps).toEqual([51_000]);
      expect(captured.stderr()).toBe(
        'can-i-deploy: not yet - production-slo/soak: in staging 10s of the required 60s; may decide at 2026-03-02T10:01:00.000Z; asking again in 51s\n',
      );
      expect(captured.stdout()).toContain('Can I deploy? PASS');
    });

    it('asks at least every --poll-interval', async () => {
      replies.push({ status: 200, body: waiting(10) });
      replies.push({ status: 200, body: waiting(40) });
      replies.push({ status: 200, body: JSON.stringify(answer()) });
      const captured = fakeIo();
      expect(
        await run([...args(), '--wait', '--poll-interval', '30s'], captured),
      ).toBe(0);
      expect(captured.sleeps).toEqual([30_000, 21_000]);
      expect(captured.stderr()).toContain(
        'can-i-deploy: not yet after 30s - production-slo/soak: in staging 40s',
      );
    });

    it(`gives up at --max-wait with exit ${ExitCode.notYet}, showing the last answer`, async () => {
      for (let i = 0; i < 10; i++) {
        replies.push({ status: 200, body: JSON.stringify(notYet(10, 3600)) });
      }
      const captured = fakeIo();
      expect(
        await run([...args(), '--wait', '--max-wait', '25s'], captured),
      ).toBe(ExitCode.notYet);
      expect(captured.sleeps).toEqual([25_000]);
      expect(captured.stderr()).toContain(
        `still not yet after waiting 25s (--max-wait) for production-slo/soak; giving up (exit ${ExitCode.notYet})`,
      );
      expect(captured.stdout()).toContain('Not yet: Production SLOs');
    });

    it('still reads --wait-timeout, the former name of --max-wait', async () => {
      replies.push({ status: 200, body: JSON.stringify(notYet(10, 3600)) });
      replies.push({ status: 200, body: JSON.stringify(notYet(10, 3600)) });
      const captured = fakeIo();
      expect(
        await run([...args(), '--wait', '--wait-timeout', '5s'], captured),
      ).toBe(ExitCode.notYet);
      expect(captured.sleeps).toEqual([5_000]);
    });

    it('does not wait without --wait, nor for a final no', async () => {
      replies.push({ status: 200, body: waiting(10) });
      expect(await run(args())).toBe(1);
      expect(requests).toHaveLength(1);
      replies.push({
        status: 200,
        body: JSON.stringify({ ...notYet(10, 60), answer: 'no' }),
      });
      expect(await run([...args(), '--wait'])).toBe(1);
      expect(requests).toHaveLength(2);
    });
  });
});
