/**
 * @jest-environment node
 */
import { MockFetchApi } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { QualityGatesClient } from './QualityGatesClient';
import { startRecordingServer } from './__testUtils__/startRecordingServer';

// A real HTTP server stands in for the backend: this checks the requests the
// client makes against the contract (paths, scope, window, paging).
describe('QualityGatesClient DORA calls', () => {
  let server: Awaited<ReturnType<typeof startRecordingServer>>;

  beforeAll(async () => {
    server = await startRecordingServer();
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
    server.setReply({ status: 200, body: {} });
  });

  const client = () =>
    new QualityGatesClient({
      discoveryApi: { getBaseUrl: async () => server.baseUrl },
      fetchApi: new MockFetchApi({
        injectIdentityAuth: { token: 'user-token' },
      }),
    });

  const lastRequest = () => server.requests[server.requests.length - 1];
  const lastQuery = () => Object.fromEntries(lastRequest().url.searchParams);

  it('asks for one entity’s metrics over a window, with the user’s credentials', async () => {
    const body = { scope: { kind: 'entity' }, current: {}, previous: {} };
    server.setReply({ status: 200, body });

    const answer = await client().getDoraMetrics(
      { entityRef: 'component:default/checkout' },
      { from: '2026-08-22T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' },
    );

    expect(answer).toEqual(body);
    expect(lastRequest().method).toBe('GET');
    expect(lastRequest().url.pathname).toBe('/api/quality-gates/dora/metrics');
    expect(lastQuery()).toEqual({
      entityRef: 'component:default/checkout',
      from: '2026-08-22T00:00:00.000Z',
      to: '2026-11-20T00:00:00.000Z',
    });
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');
  });

  it('names a group or a system by its own parameter and leaves the window to the backend when none is given', async () => {
    await client().getDoraMetrics({ group: 'group:default/checkout-team' });
    expect(lastQuery()).toEqual({ group: 'group:default/checkout-team' });

    await client().getDoraTrend({ system: 'system:default/webshop' });
    expect(lastRequest().url.pathname).toBe('/api/quality-gates/dora/trend');
    expect(lastQuery()).toEqual({ system: 'system:default/webshop' });
  });

  it('asks for the trend over the same window as the figures', async () => {
    await client().getDoraTrend(
      { entityRef: 'component:default/checkout' },
      { from: '2026-10-21T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' },
    );
    expect(lastQuery()).toEqual({
      entityRef: 'component:default/checkout',
      from: '2026-10-21T00:00:00.000Z',
      to: '2026-11-20T00:00:00.000Z',
    });
  });

  it('asks for the rows behind one figure, one page at a time', async () => {
    const body = {
      scope: { kind: 'group' },
      metric: 'changeFailureRate',
      items: [{ entityRef: 'component:default/checkout', reason: 'failed' }],
      totalCount: 41,
    };
    server.setReply({ status: 200, body });

    const answer = await client().getDoraDetails(
      { group: 'group:default/checkout-team' },
      'changeFailureRate',
      {
        from: '2026-08-22T00:00:00.000Z',
        to: '2026-11-20T00:00:00.000Z',
        limit: 20,
        offset: 40,
      },
    );

    expect(answer).toEqual(body);
    expect(lastRequest().url.pathname).toBe('/api/quality-gates/dora/details');
    expect(lastQuery()).toEqual({
      group: 'group:default/checkout-team',
      metric: 'changeFailureRate',
      from: '2026-08-22T00:00:00.000Z',
      to: '2026-11-20T00:00:00.000Z',
      limit: '20',
      offset: '40',
    });
  });

  it('turns an error answer into a ResponseError with the backend’s message', async () => {
    server.setReply({
      status: 404,
      body: {
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/gone',
        },
        request: { method: 'GET', url: '/dora/metrics' },
        response: { statusCode: 404 },
      },
    });

    const failure = client().getDoraMetrics({
      entityRef: 'component:default/gone',
    });

    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { message: 'No entity component:default/gone' } },
    });
  });
});
