import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
// The plugin's own test backend and file server: test-only, so the plugin
// does not export them.
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import {
  startQualityGatesBackend,
  waitForCatalog,
} from '@can-i-deploy/plugin-quality-gates-backend/src/__testUtils__/testBackend';
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import {
  startStaticFileServer,
  StaticFileServer,
} from '@can-i-deploy/plugin-quality-gates-backend/src/__testUtils__/staticFileServer';
import { LocalServer, startLocalServer } from './__testUtils__/localServers';
import checksModule from './index';

// An http-check written in a component's own gate file, through
// POST /gates/evaluate on a real backend with this module: the file is
// served over HTTP and read by the real URL reader; the hosts it aims at
// are a loopback server that records every request. With no
// repositoryAllowedHosts configured, the check must not reach it, while
// the central gate's own http-check (allowedHosts: 127.0.0.1) does.

jest.setTimeout(60_000);

describe('http-check in a component gate file', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  let target: LocalServer;
  let files: StaticFileServer;
  let catalogFile: string;

  beforeAll(async () => {
    target = await startLocalServer((_, response) => {
      response.writeHead(200).end('ok');
    });
    const port = new URL(target.url).port;
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'repository-checks-'));
    fs.mkdirSync(path.join(root, 'prober'));
    fs.writeFileSync(
      path.join(root, 'prober', '.quality-gates.yaml'),
      [
        'gates:',
        '  - id: smoke',
        '    criteria:',
        '      - key: probe',
        '        source: http-check',
        '        urls:',
        `          - ${target.url}/internal`,
        `          - http://2130706433:${port}/decimal`,
        '        tries: 1',
      ].join('\n'),
    );
    files = await startStaticFileServer(root);
    catalogFile = path.join(root, 'catalog.yaml');
    fs.writeFileSync(
      catalogFile,
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: prober',
        '  annotations:',
        `    backstage.io/source-location: url:${files.baseUrl}/prober/`,
        'spec:',
        '  type: service',
        '  lifecycle: production',
        '  owner: group:default/team-a',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await target?.close();
    await files?.close();
  });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const authorization = mockCredentials.user.header();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        catalogFixture: catalogFile,
        config: {
          backend: { reading: { allow: [{ host: files.host }] } },
          qualityGates: {
            checks: { http: { allowedHosts: ['127.0.0.1'] } },
            gates: {
              definitions: [
                {
                  id: 'smoke',
                  title: 'Smoke',
                  environments: ['production'],
                  criteria: [
                    {
                      key: 'health',
                      source: 'http-check',
                      url: `${target.url}/central`,
                      tries: 1,
                    },
                  ],
                },
              ],
            },
          },
        },
        features: [checksModule],
      });
      await waitForCatalog(backend, authorization, ['prober']);
    });

    afterAll(() => backend?.stop());

    beforeEach(() => {
      target.requests.length = 0;
    });

    it('reaches no host, and says how a host is allowed', async () => {
      const response = await fetch(
        `http://127.0.0.1:${
          (backend.server.address() as { port: number }).port
        }/api/quality-gates/gates/evaluate`,
        {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({
            entityRef: 'component:default/prober',
            environment: 'production',
            version: '1.0.0',
          }),
        },
      );
      expect(response.status).toBe(200);
      const answer = await response.json();
      expect(answer.verdict).toBe('error');
      const criteria = answer.evaluations[0].criteria;
      expect(criteria.find((c: any) => c.key === 'health')).toMatchObject({
        state: 'pass',
      });
      expect(criteria.find((c: any) => c.key === 'probe')).toMatchObject({
        state: 'error',
        weight: 0,
        keyCriterion: true,
        message: `The source failed: http-check criterion: urls[0] ${target.url}/internal: host 127.0.0.1 cannot be checked from a component's gate file: qualityGates.checks.http.repositoryAllowedHosts is empty; the platform team may list there the hosts repositories may check`,
      });
      // The central check was made; the component's were not.
      expect(target.requests.map(request => request.url)).toEqual(['/central']);
    });
  });
});
