/**
 * @jest-environment node
 */
import { MockFetchApi } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { QualityGatesClient } from './QualityGatesClient';
import { startRecordingServer } from './__testUtils__/startRecordingServer';

// A real HTTP server stands in for the backend: this checks the requests the
// client makes for the timeline, environments, a deployment, a path to
// production, pipeline statistics, pipeline runs and traces against the
// contract (paths, parameters, escaping, defaults left to the backend).
describe('QualityGatesClient delivery calls', () => {
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
  const CHECKOUT = 'component:default/checkout';

  it('asks for a timeline over a range, with the user’s credentials', async () => {
    const body = {
      entityRef: CHECKOUT,
      lanes: ['dev', 'production'],
      deployments: [],
      gateDecisions: [],
      incidents: [],
      truncated: false,
    };
    server.setReply({ status: 200, body });

    const answer = await client().getDeliveryTimeline({
      entityRef: CHECKOUT,
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });

    expect(answer).toEqual(body);
    expect(lastRequest().method).toBe('GET');
    expect(lastRequest().url.pathname).toBe('/api/quality-gates/timeline');
    expect(lastQuery()).toEqual({
      entityRef: CHECKOUT,
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');
  });

  it('leaves the range to the backend when none is given', async () => {
    await client().getDeliveryTimeline({ entityRef: CHECKOUT });
    expect(lastQuery()).toEqual({ entityRef: CHECKOUT });

    await client().getPipelineStats({ entityRef: CHECKOUT });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/pipelines/stats',
    );
    expect(lastQuery()).toEqual({ entityRef: CHECKOUT });
  });

  it('asks for what is where', async () => {
    const body = { entityRef: CHECKOUT, environments: [] };
    server.setReply({ status: 200, body });
    expect(
      await client().getEnvironmentStates({ entityRef: CHECKOUT }),
    ).toEqual(body);
    expect(lastRequest().url.pathname).toBe('/api/quality-gates/environments');
    expect(lastQuery()).toEqual({ entityRef: CHECKOUT });
  });

  it('opens one deployment by its id, escaped', async () => {
    await client().getDeploymentView('d/1 ?');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/deployments/d%2F1%20%3F',
    );
    expect(lastQuery()).toEqual({});
  });

  it('asks for the statistics of one pipeline over a range', async () => {
    await client().getPipelineStats({
      entityRef: CHECKOUT,
      pipelineName: 'build & test',
      from: '2026-01-07T00:00:00.000Z',
      to: '2026-01-21T00:00:00.000Z',
    });
    expect(lastQuery()).toEqual({
      entityRef: CHECKOUT,
      pipelineName: 'build & test',
      from: '2026-01-07T00:00:00.000Z',
      to: '2026-01-21T00:00:00.000Z',
    });
  });

  it('follows a commit or a version, sending only the one given', async () => {
    await client().getPathToProduction({ entityRef: CHECKOUT, sha: 'abc123' });
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/path-to-production',
    );
    expect(lastQuery()).toEqual({ entityRef: CHECKOUT, sha: 'abc123' });

    await client().getPathToProduction({
      entityRef: CHECKOUT,
      version: '1.4.0',
    });
    expect(lastQuery()).toEqual({ entityRef: CHECKOUT, version: '1.4.0' });
  });

  it('lists pipeline runs with every filter and a page', async () => {
    const body = { entityRef: CHECKOUT, items: [], totalCount: 0 };
    server.setReply({ status: 200, body });
    const answer = await client().listPipelineRuns({
      entityRef: CHECKOUT,
      pipelineName: 'ci',
      result: 'failure',
      sha: 'abc123',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      limit: 20,
      offset: 0,
    });
    expect(answer).toEqual(body);
    expect(lastRequest().url.pathname).toBe('/api/quality-gates/pipeline-runs');
    expect(lastQuery()).toEqual({
      entityRef: CHECKOUT,
      pipelineName: 'ci',
      result: 'failure',
      sha: 'abc123',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      limit: '20',
      offset: '0',
    });
  });

  it('reads one trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const body = { traceId, spans: [] };
    server.setReply({ status: 200, body });
    expect(await client().getTrace(traceId)).toEqual(body);
    expect(lastRequest().url.pathname).toBe(
      `/api/quality-gates/traces/${traceId}`,
    );
  });

  it('turns a 400 into a ResponseError with the backend’s message', async () => {
    server.setReply({
      status: 400,
      body: {
        error: { name: 'InputError', message: 'from must be before to' },
        request: { method: 'GET', url: '/timeline' },
        response: { statusCode: 400 },
      },
    });
    const failure = client().getDeliveryTimeline({
      entityRef: CHECKOUT,
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { message: 'from must be before to' } },
    });
  });
});
