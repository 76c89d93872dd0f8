/**
 * @jest-environment node
 */
import { MockFetchApi } from '@backstage/test-utils';
import { GateEffectivenessResponse } from '@can-i-deploy/plugin-quality-gates-common';
import { QualityGatesClient } from './QualityGatesClient';
import { startRecordingServer } from './__testUtils__/startRecordingServer';

// A real HTTP server stands in for the backend: this checks the request the
// client makes for gate effectiveness against the contract.
describe('QualityGatesClient gate effectiveness', () => {
  let server: Awaited<ReturnType<typeof startRecordingServer>>;

  beforeAll(async () => {
    server = await startRecordingServer();
  });

  afterAll(() => server.close());

  const client = () =>
    new QualityGatesClient({
      discoveryApi: { getBaseUrl: async () => server.baseUrl },
      fetchApi: new MockFetchApi({
        injectIdentityAuth: { token: 'user-token' },
      }),
    });

  const lastRequest = () => server.requests[server.requests.length - 1];

  const answer: GateEffectivenessResponse = {
    from: '2026-10-01T00:00:00.000Z',
    to: '2026-11-01T00:00:00.000Z',
    windowSeconds: 86400,
    gates: [],
    flaky: { items: [], totalCount: 0, limit: 100 },
  };

  it('asks for a period with the filters that are set', async () => {
    server.setReply({ status: 200, body: answer });

    expect(
      await client().getGateEffectiveness({
        from: answer.from,
        to: answer.to,
        gateId: 'release-checks',
        owner: 'checkout-team',
      }),
    ).toEqual(answer);
    expect(lastRequest().method).toBe('GET');
    expect(lastRequest().url.pathname).toBe(
      '/api/quality-gates/gates/effectiveness',
    );
    expect(lastRequest().headers.authorization).toBe('Bearer user-token');
    // Filters left out are not sent empty.
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      from: answer.from,
      to: answer.to,
      gateId: 'release-checks',
      owner: 'checkout-team',
    });

    await client().getGateEffectiveness({
      from: answer.from,
      to: answer.to,
      entityRef: 'component:default/checkout',
    });
    expect(Object.fromEntries(lastRequest().url.searchParams)).toEqual({
      from: answer.from,
      to: answer.to,
      entityRef: 'component:default/checkout',
    });
  });

  it('turns a 400 into an error that carries the backend message', async () => {
    server.setReply({
      status: 400,
      body: {
        error: { name: 'InputError', message: 'from must be before to' },
        request: { method: 'GET', url: '/gates/effectiveness' },
        response: { statusCode: 400 },
      },
    });
    await expect(
      client().getGateEffectiveness({ from: answer.to, to: answer.from }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      body: { error: { message: 'from must be before to' } },
    });
  });
});
