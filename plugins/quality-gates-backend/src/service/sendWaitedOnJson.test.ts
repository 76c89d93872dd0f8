import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { sendWaitedOnJson } from './sendWaitedOnJson';

const body = {
  verdict: 'pass',
  criteria: Array.from({ length: 100 }, (_, i) => ({ key: `criterion-${i}` })),
};

/** Raw bytes and headers, as they crossed the wire. */
function getRaw(port: number, acceptEncoding: string) {
  return new Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }>(
    (resolve, reject) => {
      http
        .get(
          {
            port,
            path: '/answer',
            headers: { 'accept-encoding': acceptEncoding },
          },
          res => {
            const chunks: Buffer[] = [];
            res.on('data', chunk => chunks.push(chunk));
            res.on('end', () =>
              resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }),
            );
          },
        )
        .on('error', reject);
    },
  );
}

describe('sendWaitedOnJson', () => {
  // Behind the backend's own compression middleware, as in a real backend.
  const app = express();
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).compression(),
  );
  app.get('/answer', (req, res) => sendWaitedOnJson(req, res, body));
  app.get('/small', (req, res) => sendWaitedOnJson(req, res, { ok: true }));
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = http.createServer(app);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('gzips once when the client accepts gzip', async () => {
    const { headers, bytes } = await getRaw(port, 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(body);
  });

  it('answers as it is otherwise, and small answers always', async () => {
    const { headers, bytes } = await getRaw(port, 'identity');
    expect(headers['content-encoding']).toBeUndefined();
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(headers['content-length'])).toBe(bytes.length);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(body);

    const small = await fetch(`http://127.0.0.1:${port}/small`);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
  });
});
