import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import {
  Agent,
  Dispatcher,
  getGlobalDispatcher,
  setGlobalDispatcher,
} from 'undici';
import { createCatalogClient } from './uncompressedCatalogClient';

/** A client of the plugin's kind for the catalog at `server`. */
function clientOf(server: http.Server) {
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/catalog`;
  return createCatalogClient({
    getBaseUrl: async () => baseUrl,
    getExternalBaseUrl: async () => baseUrl,
  });
}

describe('createCatalogClient', () => {
  it('asks a real HTTP server for uncompressed answers, and still reads a gzipped one, a missing entity and a POST', async () => {
    const seen: Array<string | undefined> = [];
    const bodies: string[] = [];
    let gzip = false;
    const server = http.createServer(async (req, res) => {
      seen.push(req.headers['accept-encoding']);
      let received = '';
      for await (const chunk of req) received += chunk;
      if (received) bodies.push(received);
      if (req.url?.includes('/broken')) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { name: 'Error', message: 'database is down' },
            response: { statusCode: 500 },
          }),
        );
        return;
      }
      if (req.url?.includes('/missing')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { name: 'NotFoundError' } }));
        return;
      }
      if (req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ items: [null] }));
        return;
      }
      const body = JSON.stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'a', namespace: 'default' },
      });
      if (gzip) {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        });
        res.end(gzipSync(body));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      }
    });
    let connections = 0;
    server.on('connection', () => connections++);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = clientOf(server);
      const entity = await client.getEntityByRef('component:default/a', {
        token: 'token',
      });
      expect(entity?.metadata.name).toBe('a');
      expect(seen).toEqual(['identity']);

      gzip = true;
      const again = await client.getEntityByRef('component:default/a', {
        token: 'token',
      });
      expect(again?.metadata.name).toBe('a');

      // A missing entity is no entity; a POST carries its JSON body.
      await expect(
        client.getEntityByRef('component:default/missing', { token: 'token' }),
      ).resolves.toBeUndefined();
      const { items } = await client.getEntitiesByRefs(
        { entityRefs: ['component:default/b'] },
        { token: 'token' },
      );
      expect(items).toEqual([undefined]);
      expect(JSON.parse(bodies[0]).entityRefs).toEqual(['component:default/b']);

      // A failing catalog is an error that says what the catalog said.
      await expect(
        client.getEntityByRef('component:default/broken', { token: 'token' }),
      ).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: 500,
        message: 'Request failed with 500 Internal Server Error',
        cause: { message: 'database is down' },
      });
      // Five reads, one after another, over connections kept alive.
      expect(connections).toBeLessThanOrEqual(2);
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });

  it('goes through the dispatcher the backend installed globally, as fetch does (a proxy, say)', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Component', metadata: { name: 'a' } }));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const dispatched: string[] = [];
    class RecordingAgent extends Agent {
      dispatch(
        options: Dispatcher.DispatchOptions,
        handler: Dispatcher.DispatchHandler,
      ) {
        dispatched.push(`${options.method} ${options.path}`);
        return super.dispatch(options, handler);
      }
    }
    const previous = getGlobalDispatcher();
    const installed = new RecordingAgent();
    setGlobalDispatcher(installed);
    try {
      const client = clientOf(server);
      const entity = await client.getEntityByRef('component:default/a', {
        token: 'token',
      });
      expect(entity?.metadata.name).toBe('a');
      expect(dispatched).toEqual([
        'GET /api/catalog/entities/by-name/component/default/a',
      ]);
    } finally {
      setGlobalDispatcher(previous);
      await installed.close();
      await new Promise(resolve => server.close(resolve));
    }
  });
});
