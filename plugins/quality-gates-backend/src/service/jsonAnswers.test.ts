import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { answerJsonAtOnce, MAX_AT_ONCE_BYTES } from './jsonAnswers';

const body = {
  verdict: 'pass',
  criteria: Array.from({ length: 100 }, (_, i) => ({ key: `criterion-${i}` })),
};
const large = {
  items: Array.from({ length: MAX_AT_ONCE_BYTES / 10 }, (_, i) => ({
    id: `item-${i}`,
  })),
};

/** Raw bytes and headers, as they crossed the wire. */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
) {
  return new Promise<{
    status: number;
    headers: http.IncomingHttpHeaders;
    bytes: Buffer;
  }>((resolve, reject) => {
    http
      .request({ port, path, method, headers }, res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            bytes: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject)
      .end();
  });
}

describe('answerJsonAtOnce', () => {
  // Behind the backend's own compression middleware, as in a real backend.
  const app = express();
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).compression(),
  );
  app.use(answerJsonAtOnce());
  app.get('/answer', (_req, res) => res.json(body));
  app.post('/answer', (_req, res) => res.status(201).json(body));
  app.get('/small', (_req, res) => res.json({ ok: true }));
  app.get('/large', (_req, res) => res.json(large));
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = http.createServer(app);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('gzips in one call when the client accepts gzip', async () => {
    const answer = await raw(port, '/answer', {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(answer.bytes).toString('utf8'))).toEqual(body);
  });

  it('answers as it is otherwise, and small answers always', async () => {
    const answer = await raw(port, '/answer', {
      'accept-encoding': 'identity',
    });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
    expect(JSON.parse(answer.bytes.toString('utf8'))).toEqual(body);

    const small = await fetch(`http://127.0.0.1:${port}/small`);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
  });

  it('keeps the ETag of a GET answer, and an unchanged one is a 304', async () => {
    const first = await raw(port, '/answer', { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"/);
    const again = await raw(port, '/answer', {
      'accept-encoding': 'gzip',
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    const changed = await raw(port, '/answer', {
      'accept-encoding': 'gzip',
      'if-none-match': 'W/"other"',
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe(etag);
  });

  it('keeps the status a route set, and answers HEAD without a body', async () => {
    const created = await raw(
      port,
      '/answer',
      { 'accept-encoding': 'gzip' },
      'POST',
    );
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBeUndefined();
    expect(JSON.parse(gunzipSync(created.bytes).toString('utf8'))).toEqual(
      body,
    );
    const head = await raw(
      port,
      '/answer',
      { 'accept-encoding': 'gzip' },
      'HEAD',
    );
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('leaves answers over the limit to the compression middleware', async () => {
    const answer = await raw(port, '/large', { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    // Streamed: chunked, no length known in advance.
    expect(answer.headers['transfer-encoding']).toBe('chunked');
    expect(JSON.parse(gunzipSync(answer.bytes).toString('utf8'))).toEqual(
      large,
    );
  });

  it("writes as Express would with the app's settings and a route's content type", async () => {
    const indented = express();
    indented.set('json spaces', 2);
    indented.use(answerJsonAtOnce());
    indented.get('/problem', (_req, res) =>
      res.type('application/problem+json').status(400).json({ title: 'no' }),
    );
    const other = http.createServer(indented);
    await new Promise<void>(resolve => other.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await raw(
        (other.address() as AddressInfo).port,
        '/problem',
        { 'accept-encoding': 'identity' },
      );
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(
        /^application\/problem\+json/,
      );
      expect(answer.bytes.toString('utf8')).toBe('{\n  "title": "no"\n}');
    } finally {
      await new Promise(resolve => other.close(resolve));
    }
  });
});
