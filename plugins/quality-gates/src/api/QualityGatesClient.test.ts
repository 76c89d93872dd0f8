/**
 * @jest-environment node
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { MockFetchApi } from '@backstage/test-utils';
import { QualityGatesClient } from './QualityGatesClient';

// The client talks to a real HTTP server here; the backend's own contract is
// tested in the backend package and end to end in the browser test.
describe('QualityGatesClient', () => {
  let server: Server;
  let baseUrl: string;
  const requests: IncomingMessage[] = [];
  let reply: { status: number; body: unknown };

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/quality-gates`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  beforeEach(() => {
    requests.length = 0;
  });

  const client = () =>
    new QualityGatesClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: new MockFetchApi({
        injectIdentityAuth: { token: 'user-token' },
      }),
    });

  it('asks for one entity with its filters and the caller identity', async () => {
    reply = {
      status: 200,
      body: {
        entityRef: 'component:default/checkout',
        items: [],
        totalCount: 0,
        currentVersions: [],
      },
    };

    const result = await client().listDeployments({
      entityRef: 'component:default/checkout',
      environment: 'production',
      limit: 20,
      offset: 40,
    });

    expect(result.entityRef).toBe('component:default/checkout');
    const url = new URL(requests[0].url!, baseUrl);
    expect(url.pathname).toBe('/api/quality-gates/deployments');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/checkout',
      environment: 'production',
      limit: '20',
      offset: '40',
    });
    expect(requests[0].headers.authorization).toBe('Bearer user-token');
  });

  it('turns an error response into an error carrying the backend message', async () => {
    reply = {
      status: 404,
      body: {
        error: {
          name: 'NotFoundError',
          message: 'Entity component:default/nope was not found in the catalog',
        },
        request: { method: 'GET', url: '/deployments' },
        response: { statusCode: 404 },
      },
    };

    await expect(
      client().listDeployments({ entityRef: 'component:default/nope' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
  });
});
