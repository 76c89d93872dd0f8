/**
 * @jest-environment node
 */
import { MockFetchApi } from '@backstage/test-utils';
import { QualityGatesClient } from './QualityGatesClient';
import { startRecordingServer } from './__testUtils__/startRecordingServer';

// A real HTTP server stands in for the backend: this checks the requests the
// client makes against the contract (paths, query, body, credentials).
describe('QualityGatesClient gate calls', () => {
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

  it('asks "can I deploy?" with a POST of entity, environment and version', async () => {
    const decision = {
      entityRef: 'component:default/checkout',
      environment: 'production',
      version: '1.4.0',
      verdict: 'fail',
      evaluations: [],
      problems: ['No gate applies'],
    };
    server.setReply({ status: 200, body: decision });

    expect(
      await client().evaluateGates({
        entityRef: 'component:default/checkout',
        environment: 'production',
        version: '1.4.0',
      }),
    ).toEqual(decision);
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/evaluate',
    );
    expect(lastRequest().headers['content-type']).toBe('application/json');
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');
    // The trigger is left to the backend's default unless asked for.
    expect(JSON.parse(lastRequest().body)).toEqual({
      entityRef: 'component:default/checkout',
      environment: 'production',
      version: '1.4.0',
    });

    await client().evaluateGates({
      entityRef: 'component:default/checkout',
      environment: 'staging',
      version: '1.4.0',
      trigger: 'manual',
    });
    expect(JSON.parse(lastRequest().body).trigger).toBe('manual');
  });

  it('reads the status of one entity and one evaluation by id', async () => {
    server.setReply({
      status: 200,
      body: { entityRef: 'component:default/checkout', latest: [], recent: [] },
    });
    expect(await client().getGateStatus('component:default/checkout')).toEqual({
      entityRef: 'component:default/checkout',
      latest: [],
      recent: [],
    });
    expect(lastRequest().method).toBe('GET');
    expect(lastRequest().url.pathname).toBe('/api/quality-gates/gates/status');
    expect(lastRequest().url.searchParams.get('entityRef')).toBe(
      'component:default/checkout',
    );

    server.setReply({ status: 200, body: { id: 'ev/1', verdict: 'pass' } });
    expect(await client().getGateEvaluation('ev/1')).toEqual({
      id: 'ev/1',
      verdict: 'pass',
    });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/evaluations/ev%2F1',
    );
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');
  });

  it('lists evaluations with every filter and paging, leaving out empty ones', async () => {
    server.setReply({ status: 200, body: { items: [], totalCount: 0 } });
    await client().listGateEvaluations({
      entityRef: '',
      owner: 'group:default/checkout-team',
      gateId: 'release-checks',
      environment: 'production',
      verdict: 'fail',
      overridden: false,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      limit: 25,
      offset: 50,
    });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/evaluations',
    );
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      owner: 'group:default/checkout-team',
      gateId: 'release-checks',
      environment: 'production',
      verdict: 'fail',
      overridden: 'false',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      limit: '25',
      offset: '50',
    });

    await client().listGateEvaluations();
    expect(lastRequest().url.search).toBe('');
  });

  it('downloads the CSV export with the same filters and the user credentials', async () => {
    const csv = 'id,finishedAt,entityRef\r\nev-1,2026-11-20,checkout\r\n';
    server.setReply({ status: 200, body: csv, contentType: 'text/csv' });

    const blob = await client().exportGateEvaluations({
      verdict: 'error',
      overridden: true,
    });

    expect(await blob.text()).toBe(csv);
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/evaluations/export',
    );
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      verdict: 'error',
      overridden: 'true',
    });
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');
  });

  it('overrides a verdict with its reason and expiry', async () => {
    server.setReply({
      status: 201,
      body: { id: 'ev-1', effectiveVerdict: 'pass' },
    });
    const overridden = await client().overrideGateEvaluation('ev-1', {
      verdict: 'pass',
      reason: 'The error spike is the load test, not the release',
      expiresAt: '2026-11-21T12:00:00.000Z',
    });
    expect(overridden).toEqual({ id: 'ev-1', effectiveVerdict: 'pass' });
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/evaluations/ev-1/override',
    );
    expect(JSON.parse(lastRequest().body)).toEqual({
      verdict: 'pass',
      reason: 'The error spike is the load test, not the release',
      expiresAt: '2026-11-21T12:00:00.000Z',
    });
  });

  it('pins and unpins an evaluation as the baseline', async () => {
    const pin = {
      pinnedBy: 'user:default/jane',
      pinnedAt: '2026-12-06T10:30:00.000Z',
    };
    server.setReply({ status: 200, body: { id: 'ev/1', pin } });
    expect(await client().pinGateEvaluation('ev/1')).toEqual({
      id: 'ev/1',
      pin,
    });
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/evaluations/ev%2F1/pin',
    );

    server.setReply({ status: 200, body: { id: 'ev/1' } });
    expect(await client().unpinGateEvaluation('ev/1')).toEqual({
      id: 'ev/1',
    });
    expect(lastRequest().method).toBe('POST');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/evaluations/ev%2F1/unpin',
    );
  });

  it('carries the backend message of a refused override', async () => {
    server.setReply({
      status: 403,
      body: {
        error: {
          name: 'NotAllowedError',
          message:
            'You need the quality-gates.gate.override permission to override a verdict',
        },
        response: { statusCode: 403 },
      },
    });

    await expect(
      client().overrideGateEvaluation('ev-1', {
        verdict: 'pass',
        reason: 'The error spike is the load test',
        expiresAt: '2026-11-21T12:00:00.000Z',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: {
        error: { message: expect.stringContaining('gate.override permission') },
      },
    });
  });
});
