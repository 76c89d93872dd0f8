/**
 * @jest-environment node
 */
import { MockFetchApi } from '@backstage/test-utils';
import { BackendClient, createBackendClient } from './backendClient';
import { startRecordingServer } from './__testUtils__/startRecordingServer';

// The typed client against a real HTTP server: the query string it builds
// and the errors it throws are what the UI has always got.
describe('createBackendClient', () => {
  let server: Awaited<ReturnType<typeof startRecordingServer>>;

  beforeAll(async () => {
    server = await startRecordingServer();
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  const backend = () =>
    createBackendClient({
      discoveryApi: { getBaseUrl: async () => server.baseUrl },
      fetchApi: new MockFetchApi({
        injectIdentityAuth: { token: 'user-token' },
      }),
    });

  it('encodes the query as a form would and leaves out what is not set', async () => {
    server.setReply({ status: 200, body: { items: [], totalCount: 0 } });

    await backend().get('/readiness/overview', {
      params: {
        query: {
          q: 'check out',
          owner: 'group:default/team-a',
          kind: undefined,
          limit: 0,
        },
      },
    });

    const [request] = server.requests;
    expect(request.url.pathname).toBe('/api/quality-gates/readiness/overview');
    expect(request.url.search).toBe(
      '?q=check+out&owner=group%3Adefault%2Fteam-a&limit=0',
    );
    expect(request.headers.authorization).toBe('Bearer user-token');
  });

  it('sends a POST body through fetch middlewares that copy the request', async () => {
    server.setReply({ status: 200, body: { id: 'ov-1' } });
    // Like Backstage's fetch middlewares: each looks at a copy of the
    // request, then hands the original URL and init on.
    const copyingFetch: typeof fetch = async (input, init) => {
      const copies = [new Request(input, init), new Request(input, init)];
      expect(copies[1].method).toBe('POST');
      return fetch(input, init);
    };
    const copyingBackend = createBackendClient({
      discoveryApi: { getBaseUrl: async () => server.baseUrl },
      fetchApi: { fetch: copyingFetch },
    });

    await copyingBackend.post('/gates/overrides/{overrideId}/revoke', {
      params: { path: { overrideId: 'ov-1' } },
      body: { reason: 'The release is rolled back' },
    });

    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.url.pathname).toBe(
      '/api/quality-gates/gates/overrides/ov-1/revoke',
    );
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      reason: 'The release is rolled back',
    });
  });

  it('throws the backend error as a ResponseError with its body', async () => {
    server.setReply({
      status: 400,
      body: {
        error: { name: 'InputError', message: 'limit must be >= 1' },
        response: { statusCode: 400 },
      },
    });

    await expect(
      backend().get('/gates/evaluations', { params: { query: { limit: 0 } } }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message: 'limit must be >= 1' } },
    });
  });
});

// Each marked line must stay a type error: the type check (tsc) fails as soon
// as one of these calls, which openapi.yaml does not describe, compiles.
function callsThatDisagreeWithTheContract(backend: BackendClient) {
  // @ts-expect-error a path the backend does not serve
  backend.get('/gates/evaluation', {});
  // @ts-expect-error a GET of a route that only takes POST
  backend.get('/gates/evaluate', {});
  backend.get('/deployments', {
    params: {
      // @ts-expect-error a query parameter the route does not take
      query: { entityRef: 'component:default/a', page: 2 },
    },
  });
  // @ts-expect-error the required entityRef is missing
  backend.get('/deployments', { params: { query: {} } });
  backend.get('/gates/evaluations/{evaluationId}', {
    // @ts-expect-error a path parameter the route does not have
    params: { path: { id: 'ev-1' } },
  });
  backend.post('/gates/overrides', {
    body: {
      entityRef: 'component:default/a',
      environment: 'production',
      version: '1.0.0',
      // @ts-expect-error a verdict the backend does not accept
      verdict: 'maybe',
      reason: 'Because the load test caused it',
      expiresAt: '2026-12-01T00:00:00.000Z',
    },
  });
}

describe('calls that disagree with openapi.yaml', () => {
  it('would go out as written: only the type check stops them', () => {
    const sent: string[] = [];
    const record = async (path: string) => {
      sent.push(path);
      return {} as never;
    };
    callsThatDisagreeWithTheContract({
      get: record,
      post: record,
      download: record,
    });

    expect(sent).toEqual([
      '/gates/evaluation',
      '/gates/evaluate',
      '/deployments',
      '/deployments',
      '/gates/evaluations/{evaluationId}',
      '/gates/overrides',
    ]);
  });
});
