import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createCatalogClient } from './uncompressedCatalogClient';

describe('createCatalogClient', () => {
  it('asks a real HTTP server for uncompressed answers, and still reads a gzipped one', async () => {
    const seen: Array<string | undefined> = [];
    let gzip = false;
    const server = http.createServer((req, res) => {
      seen.push(req.headers['accept-encoding']);
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
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createCatalogClient({
        getBaseUrl: async () => `http://127.0.0.1:${port}/api/catalog`,
        getExternalBaseUrl: async () => `http://127.0.0.1:${port}/api/catalog`,
      });
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
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });
});
