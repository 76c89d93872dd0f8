import { createExtensionTester } from '@backstage/frontend-test-utils';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { MockFetchApi } from '@backstage/test-utils';
import { QualityGatesApi, qualityGatesApiRef } from '../api/QualityGatesApi';
import { startRecordingServer } from '../api/__testUtils__/startRecordingServer';
import { qualityGatesApi } from './apis';

describe('the alpha API extension', () => {
  let server: Awaited<ReturnType<typeof startRecordingServer>>;

  beforeAll(async () => {
    server = await startRecordingServer();
  });

  afterAll(() => server.close());

  it('provides the client at the plugin id the backend serves, with the caller identity', async () => {
    const factory = createExtensionTester(qualityGatesApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(qualityGatesApiRef.id);

    const asked: string[] = [];
    const client = factory.factory({
      discoveryApi: {
        getBaseUrl: async (pluginId: string) => {
          asked.push(pluginId);
          return server.baseUrl;
        },
      },
      fetchApi: new MockFetchApi({
        injectIdentityAuth: { token: 'user-token' },
      }),
    }) as QualityGatesApi;
    server.setReply({
      status: 200,
      body: {
        entityRef: 'component:default/checkout',
        items: [],
        totalCount: 0,
        currentVersions: [],
      },
    });

    const listing = await client.listDeployments({
      entityRef: 'component:default/checkout',
    });

    expect(listing.totalCount).toBe(0);
    expect(asked).toEqual(['quality-gates']);
    const [request] = server.requests;
    expect(request.url.pathname).toBe('/api/quality-gates/deployments');
    expect(request.url.searchParams.get('entityRef')).toBe(
      'component:default/checkout',
    );
    expect(request.headers.authorization).toBe('Bearer user-token');
  });
});
