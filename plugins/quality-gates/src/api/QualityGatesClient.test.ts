/**
 * @jest-environment node
 */
import { MockFetchApi } from '@backstage/test-utils';
import { QualityGatesClient } from './QualityGatesClient';
import { startRecordingServer } from './__testUtils__/startRecordingServer';

// The client talks to a real HTTP server here; the backend's own contract is
// tested in the backend package and end to end in the browser test.
describe('QualityGatesClient', () => {
  let server: Awaited<ReturnType<typeof startRecordingServer>>;

  beforeAll(async () => {
    server = await startRecordingServer();
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  const client = () =>
    new QualityGatesClient({
      discoveryApi: { getBaseUrl: async () => server.baseUrl },
      fetchApi: new MockFetchApi({
        injectIdentityAuth: { token: 'user-token' },
      }),
    });

  it('asks for one entity with its filters and the caller identity', async () => {
    server.setReply({
      status: 200,
      body: {
        entityRef: 'component:default/checkout',
        items: [],
        totalCount: 0,
        currentVersions: [],
      },
    });

    const result = await client().listDeployments({
      entityRef: 'component:default/checkout',
      environment: 'production',
      limit: 20,
      offset: 40,
    });

    expect(result.entityRef).toBe('component:default/checkout');
    const [request] = server.requests;
    expect(request.url.pathname).toBe('/api/quality-gates/deployments');
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      entityRef: 'component:default/checkout',
      environment: 'production',
      limit: '20',
      offset: '40',
    });
    expect(request.headers.authorization).toBe('Bearer user-token');
  });

  it('turns an error response into an error carrying the backend message', async () => {
    server.setReply({
      status: 404,
      body: {
        error: {
          name: 'NotFoundError',
          message: 'Entity component:default/nope was not found in the catalog',
        },
        request: { method: 'GET', url: '/deployments' },
        response: { statusCode: 404 },
      },
    });

    await expect(
      client().listDeployments({ entityRef: 'component:default/nope' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
  });
});
