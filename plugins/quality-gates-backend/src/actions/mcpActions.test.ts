import { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { gateEvaluatePermission } from '@can-i-deploy/plugin-quality-gates-common';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  capturePluginDatabase,
  startQualityGatesBackend,
  waitForCatalog,
} from '../__testUtils__/testBackend';

// A real MCP client (the protocol's own SDK) over HTTP to a real backend
// with the MCP actions plugin, the catalog and quality gates: it lists the
// tools and calls each one, as an agent in an IDE or CI would. The
// permissions service is a small policy (the real framework is tested in
// service/permissions.test.ts): the reader may not evaluate, the outsider
// sees no entity.

jest.setTimeout(90_000);

const DEVELOPER = 'user:default/developer';
const READER = 'user:default/reader';
const OUTSIDER = 'user:default/outsider';
const CHECKOUT = 'component:default/checkout';
const BUILT = 'v1-built';

const userOf = (credentials: { principal: unknown }) =>
  (credentials.principal as BackstageUserPrincipal).userEntityRef;

const permissionsPolicy = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result:
          isPermission(permission, gateEvaluatePermission) &&
          userOf(credentials) === READER
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(
        ({ permission }) =>
          ({
            result:
              permission.name === 'catalog.entity.read' &&
              userOf(credentials) === OUTSIDER
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          } as const),
      );
    },
  }),
});

const config = {
  backend: { actions: { pluginSources: ['quality-gates'] } },
  qualityGates: {
    gates: {
      definitions: [
        {
          id: 'release',
          title: 'Release checks',
          environments: ['production'],
          criteria: [{ key: 'ci', source: 'pipeline', keyCriterion: true }],
        },
      ],
    },
  },
};

const TOOLS = [
  'quality-gates.can-i-deploy',
  'quality-gates.explain-gate-decision',
  'quality-gates.get-readiness',
  'quality-gates.list-not-production-ready',
  'quality-gates.get-dora-metrics',
];

describe('quality gates as MCP tools', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const database = capturePluginDatabase();
    const clients: Client[] = [];

    /** An MCP client connected as `user`, as an IDE's agent would be. */
    async function connect(user: string): Promise<Client> {
      const { port } = backend.server.address() as AddressInfo;
      const transport = new StreamableHTTPClientTransport(
        new URL(`http://localhost:${port}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: { Authorization: mockCredentials.user.header(user) },
          },
        },
      );
      const client = new Client({
        name: 'quality-gates-test',
        version: '1.0.0',
      });
      await client.connect(transport);
      clients.push(client);
      return client;
    }

    /** A tool's structured output, or its error text. */
    async function call(
      client: Client,
      name: string,
      args: Record<string, unknown>,
    ): Promise<{ output?: any; error?: string }> {
      const result = await client.callTool({ name, arguments: args });
      if (result.isError) {
        return { error: (result.content as any[])[0]?.text };
      }
      return { output: result.structuredContent };
    }

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        config,
        features: [database.feature, permissionsPolicy, mcpActionsPlugin],
      });
      const developer = mockCredentials.user.header(DEVELOPER);
      await waitForCatalog(backend, developer, ['checkout']);
      const at = new Date(Date.now() - 60_000);
      await database
        .knex()('pipeline_runs')
        .insert({
          id: `run-${databaseId}`,
          source: 'test',
          external_id: 'run-1',
          entity_ref: CHECKOUT,
          pipeline_name: 'ci',
          sha: BUILT,
          result: 'success',
          started_at: at,
          finished_at: at,
          created_at: at,
          updated_at: at,
        });
      // Readiness results to read: the entity evaluated once over HTTP.
      const evaluated = await request(backend.server)
        .post(
          `/api/quality-gates/readiness/entity/evaluate?entityRef=${CHECKOUT}`,
        )
        .set('Authorization', developer);
      if (evaluated.status !== 200) {
        throw new Error(`readiness evaluation answered ${evaluated.status}`);
      }
    });

    afterAll(async () => {
      await Promise.all(clients.map(client => client.close()));
      await backend?.stop();
    });

    it('lists every tool with its schema and whether it only reads', async () => {
      const client = await connect(DEVELOPER);
      const { tools } = await client.listTools();
      const ours = tools.filter(tool => tool.name.startsWith('quality-gates.'));
      expect(ours.map(tool => tool.name).sort()).toEqual([...TOOLS].sort());
      const canIDeploy = ours.find(
        t => t.name === 'quality-gates.can-i-deploy',
      )!;
      expect(canIDeploy.inputSchema.required).toEqual(
        expect.arrayContaining(['entityRef', 'environment', 'version']),
      );
      expect(canIDeploy.annotations).toMatchObject({ readOnlyHint: false });
      const readiness = ours.find(
        t => t.name === 'quality-gates.get-readiness',
      )!;
      expect(readiness.annotations).toMatchObject({ readOnlyHint: true });
    });

    it('answers "can I deploy?" with a stored decision an agent can explain', async () => {
      const client = await connect(DEVELOPER);
      const yes = await call(client, 'quality-gates.can-i-deploy', {
        entityRef: CHECKOUT,
        environment: 'production',
        version: BUILT,
      });
      expect(yes.error).toBeUndefined();
      expect(yes.output).toMatchObject({
        entityRef: CHECKOUT,
        environment: 'production',
        version: BUILT,
        answer: 'yes',
        sentence: `Yes: Release checks passes for ${BUILT} in production.`,
      });
      expect(yes.output.gates[0].criteria[0]).toMatchObject({
        criterion: 'ci',
        state: 'pass',
      });
      const no = await call(client, 'quality-gates.can-i-deploy', {
        entityRef: CHECKOUT,
        environment: 'production',
        version: 'v2-never-built',
      });
      expect(no.output.answer).toBe('no');

      const explained = await call(
        client,
        'quality-gates.explain-gate-decision',
        {
          decisionId: no.output.decisionId,
        },
      );
      expect(explained.output).toMatchObject({
        decisionId: no.output.decisionId,
        answer: 'no',
        sentence: no.output.sentence,
      });
      // Stored like any decision: the HTTP API returns the same one.
      const stored = await request(backend.server)
        .get(`/api/quality-gates/gates/decisions/${no.output.decisionId}`)
        .set('Authorization', mockCredentials.user.header(DEVELOPER));
      expect(stored.body.sentence).toBe(no.output.sentence);
    });

    it('reads readiness with how to fix it, the components not ready, and DORA', async () => {
      const client = await connect(DEVELOPER);
      const readiness = await call(client, 'quality-gates.get-readiness', {
        entityRef: CHECKOUT,
      });
      expect(readiness.error).toBeUndefined();
      expect(readiness.output.entityRef).toBe(CHECKOUT);
      expect(readiness.output.toFix.length).toBeGreaterThan(0);
      for (const item of readiness.output.toFix) {
        expect(item.howToFix).toEqual(expect.any(String));
        expect(item.state).not.toBe('pass');
      }
      const notReady = await call(
        client,
        'quality-gates.list-not-production-ready',
        {},
      );
      expect(notReady.output.items.map((i: any) => i.entityRef)).toContain(
        CHECKOUT,
      );
      const dora = await call(client, 'quality-gates.get-dora-metrics', {
        entityRef: CHECKOUT,
      });
      expect(dora.error).toBeUndefined();
      expect(dora.output.window.days).toBeGreaterThan(0);
      expect(dora.output.current).toEqual(expect.any(Object));
    });

    it('refuses text the database cannot store with a clear input error, storing nothing', async () => {
      const client = await connect(DEVELOPER);
      const before = await database.knex()('gate_decisions').count({ n: '*' });
      for (const version of ['1.0\u0000', 'rel-\ud800']) {
        const refused = await call(client, 'quality-gates.can-i-deploy', {
          entityRef: CHECKOUT,
          environment: 'production',
          version,
        });
        expect(refused.error).toMatch(/^InputError: version contains /);
      }
      const after = await database.knex()('gate_decisions').count({ n: '*' });
      expect(Number(after[0].n)).toBe(Number(before[0].n));
      const dates = await call(client, 'quality-gates.get-dora-metrics', {
        entityRef: CHECKOUT,
        from: '2026-02-30',
      });
      expect(dates.error).toMatch(/^InputError: /);
    });

    it('keeps the permissions and visibility of the HTTP API', async () => {
      const reader = await connect(READER);
      const denied = await call(reader, 'quality-gates.can-i-deploy', {
        entityRef: CHECKOUT,
        environment: 'production',
        version: BUILT,
      });
      expect(denied.error).toMatch(
        /NotAllowedError: .*quality-gates\.gate\.evaluate/,
      );
      const outsider = await connect(OUTSIDER);
      for (const [tool, args] of [
        [
          'quality-gates.can-i-deploy',
          { entityRef: CHECKOUT, environment: 'production', version: BUILT },
        ],
        ['quality-gates.get-readiness', { entityRef: CHECKOUT }],
      ] as const) {
        const hidden = await call(outsider, tool, args);
        expect(hidden.error).toMatch(/^NotFoundError: /);
      }
      const list = await call(
        outsider,
        'quality-gates.list-not-production-ready',
        {},
      );
      expect(list.output).toEqual({ items: [], totalCount: 0 });
    });
  });
});
