/**
 * @jest-environment node
 */
import { MockFetchApi } from '@backstage/test-utils';
import { QualityGatesClient } from './QualityGatesClient';
import { startRecordingServer } from './__testUtils__/startRecordingServer';

// A real HTTP server stands in for the backend: the requests must match the
// decisions and overrides contract (paths, query, body, credentials).
describe('QualityGatesClient decision and override calls', () => {
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
  const lastQuery = () =>
    Object.fromEntries(lastRequest().url.searchParams.entries());

  it('lists decisions with the filters that are set, and reads one by id', async () => {
    server.setReply({ status: 200, body: { items: [], total: 0 } });
    expect(
      await client().listDecisions({
        entityRef: 'component:default/checkout',
        environment: 'production',
        version: '1.4.0',
        gateId: '',
        answer: 'no',
        limit: 25,
        offset: 50,
      }),
    ).toEqual({ items: [], total: 0 });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/decisions',
    );
    expect(lastQuery()).toEqual({
      entityRef: 'component:default/checkout',
      environment: 'production',
      version: '1.4.0',
      answer: 'no',
      limit: '25',
      offset: '50',
    });
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');

    await client().getDecision('d/1');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/decisions/d%2F1',
    );
  });

  it('reads the latest decisions of a version and the candidates', async () => {
    await client().latestDecisions('component:default/checkout', '1.4.0');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/decisions/latest',
    );
    expect(lastQuery()).toEqual({
      entityRef: 'component:default/checkout',
      version: '1.4.0',
    });

    await client().gateCandidates('component:default/checkout');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/candidates',
    );
    expect(lastQuery()).toEqual({ entityRef: 'component:default/checkout' });
  });

  it('creates overrides, from a scope or from a decision, and revokes them', async () => {
    server.setReply({ status: 201, body: { id: 'o1' } });
    await client().createOverride({
      entityRef: 'component:default/checkout',
      environment: 'production',
      version: '1.4.0',
      gateId: 'release-checks',
      reason: 'The CI run was cancelled by hand',
      expiresAt: '2026-12-07T10:00:00.000Z',
    });
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/overrides',
    );
    expect(JSON.parse(lastRequest().body)).toEqual({
      entityRef: 'component:default/checkout',
      environment: 'production',
      version: '1.4.0',
      gateId: 'release-checks',
      reason: 'The CI run was cancelled by hand',
      expiresAt: '2026-12-07T10:00:00.000Z',
    });

    expect(
      await client().overrideDecision('d1', {
        reason: 'Hotfix for the outage',
        expiresAt: '2026-12-07T10:00:00.000Z',
      }),
    ).toEqual({ id: 'o1' });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/decisions/d1/override',
    );
    // The whole decision: no gate named.
    expect(JSON.parse(lastRequest().body)).toEqual({
      reason: 'Hotfix for the outage',
      expiresAt: '2026-12-07T10:00:00.000Z',
    });

    server.setReply({ status: 200, body: { id: 'o1', active: false } });
    await client().revokeOverride('o1', 'Fixed properly now');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/overrides/o1/revoke',
    );
    expect(JSON.parse(lastRequest().body)).toEqual({
      reason: 'Fixed properly now',
    });
  });

  it('lists overrides by scope and state', async () => {
    server.setReply({ status: 200, body: { items: [] } });
    await client().listOverrides({
      entityRef: 'component:default/checkout',
      active: true,
    });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/overrides',
    );
    expect(lastQuery()).toEqual({
      entityRef: 'component:default/checkout',
      active: 'true',
    });
  });

  it('passes the backend refusal on as an error', async () => {
    server.setReply({
      status: 403,
      body: {
        error: { name: 'NotAllowedError', message: 'Not allowed' },
        response: { statusCode: 403 },
      },
    });
    await expect(
      client().overrideDecision('d1', {
        reason: 'Hotfix for the outage',
        expiresAt: '2026-12-07T10:00:00.000Z',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { message: 'Not allowed' } },
    });
  });
});
