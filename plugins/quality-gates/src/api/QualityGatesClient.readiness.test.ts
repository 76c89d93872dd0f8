/**
 * @jest-environment node
 */
import { MockFetchApi } from '@backstage/test-utils';
import { QualityGatesClient } from './QualityGatesClient';
import { startRecordingServer } from './__testUtils__/startRecordingServer';

// A real HTTP server stands in for the backend: this checks the requests the
// client makes against the contract (paths, query, body, credentials).
describe('QualityGatesClient readiness calls', () => {
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

  it('asks for the catalog columns of many rows in one request, each ref repeated', async () => {
    server.setReply({ status: 200, body: { items: [] } });
    await client().getCatalogColumns(
      ['component:default/checkout', 'component:default/payments'],
      'staging',
    );
    expect(lastRequest().method).toBe('GET');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/catalog-columns',
    );
    expect(lastRequest().url.searchParams.getAll('entityRef')).toEqual([
      'component:default/checkout',
      'component:default/payments',
    ]);
    expect(lastRequest().url.searchParams.get('environment')).toBe('staging');

    await client().getCatalogColumns(['component:default/checkout']);
    expect(lastRequest().url.searchParams.has('environment')).toBe(false);
  });

  it('reads the checks and one entity, and evaluates it with a POST', async () => {
    server.setReply({ status: 200, body: { levels: [], checks: [] } });
    expect(await client().getReadinessChecks()).toEqual({
      levels: [],
      checks: [],
    });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/checks',
    );

    await client().getEntityReadiness('component:default/checkout');
    expect(lastRequest().method).toBe('GET');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/entity',
    );
    expect(lastRequest().url.searchParams.get('entityRef')).toBe(
      'component:default/checkout',
    );

    await client().evaluateEntityReadiness('component:default/checkout');
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/entity/evaluate',
    );
    expect(lastRequest().url.searchParams.get('entityRef')).toBe(
      'component:default/checkout',
    );
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');
  });

  it('asks for history with its window', async () => {
    await client().getEntityReadinessHistory('component:default/checkout', {
      from: '2026-10-01T00:00:00.000Z',
      limit: 50,
    });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/entity/history',
    );
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      entityRef: 'component:default/checkout',
      from: '2026-10-01T00:00:00.000Z',
      limit: '50',
    });
  });

  it('sends overview filters, sort and paging, leaving out empty filters', async () => {
    await client().getReadinessOverview({
      kind: 'component',
      lifecycle: 'experimental',
      owner: 'group:default/team-a',
      level: 'none',
      failingCheck: 'owner',
      q: '',
      sort: 'score',
      order: 'desc',
      limit: 25,
      offset: 50,
    });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/overview',
    );
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      kind: 'component',
      lifecycle: 'experimental',
      owner: 'group:default/team-a',
      level: 'none',
      failingCheck: 'owner',
      sort: 'score',
      order: 'desc',
      limit: '25',
      offset: '50',
    });
  });

  it('asks for the roll-up of a group or a system', async () => {
    await client().getReadinessRollup({ group: 'group:default/commerce' });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/rollup',
    );
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      group: 'group:default/commerce',
    });
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');

    await client().getReadinessRollup({
      system: 'system:default/shop',
      worstChecks: 3,
    });
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      system: 'system:default/shop',
      worstChecks: '3',
    });
  });

  it('asks for the overview grouped, with its filters but no order', async () => {
    await client().getReadinessOverviewGroups('system', {
      owner: 'group:default/team-a',
      system: 'system:default/shop',
      q: '',
      sort: 'score',
      order: 'desc',
    });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/overview/groups',
    );
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      groupBy: 'system',
      owner: 'group:default/team-a',
      system: 'system:default/shop',
    });
  });

  it('downloads the CSV export with the same filters and the user credentials', async () => {
    const csv = 'entityRef,level\r\ncomponent:default/checkout,gold\r\n';
    server.setReply({ status: 200, body: csv, contentType: 'text/csv' });

    const blob = await client().exportReadinessOverview({
      lifecycle: 'production',
      sort: 'level',
    });

    expect(await blob.text()).toBe(csv);
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/overview/export',
    );
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      lifecycle: 'production',
      sort: 'level',
    });
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');
  });

  it('lists, creates and revokes exemptions', async () => {
    server.setReply({ status: 200, body: { items: [] } });
    await client().listReadinessExemptions({
      entityRef: 'component:default/checkout',
      active: true,
    });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/exemptions',
    );
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      entityRef: 'component:default/checkout',
      active: 'true',
    });

    server.setReply({ status: 201, body: { id: 'ex-1', active: true } });
    const created = await client().createReadinessExemption({
      entityRef: 'component:default/checkout',
      checkId: 'alerts',
      reason: 'Alerts move to the new stack next sprint',
      expiresAt: '2026-12-31T23:59:59.000Z',
    });
    expect(created).toEqual({ id: 'ex-1', active: true });
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().headers['content-type']).toBe('application/json');
    expect(JSON.parse(lastRequest().body)).toEqual({
      entityRef: 'component:default/checkout',
      checkId: 'alerts',
      reason: 'Alerts move to the new stack next sprint',
      expiresAt: '2026-12-31T23:59:59.000Z',
    });

    server.setReply({ status: 200, body: { id: 'ex/1', active: false } });
    await client().revokeReadinessExemption('ex/1');
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/readiness/exemptions/ex%2F1/revoke',
    );
  });

  it('carries the backend message of a refused exemption', async () => {
    server.setReply({
      status: 409,
      body: {
        error: {
          name: 'ConflictError',
          message: 'An exemption for alerts is already in force',
        },
        response: { statusCode: 409 },
      },
    });

    await expect(
      client().createReadinessExemption({
        entityRef: 'component:default/checkout',
        checkId: 'alerts',
        reason: 'Alerts move to the new stack next sprint',
        expiresAt: '2026-12-31T23:59:59.000Z',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 409,
      body: {
        error: { message: 'An exemption for alerts is already in force' },
      },
    });
  });
});
