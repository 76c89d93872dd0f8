import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  capturePluginScheduler,
  startPluginUnderTest,
  startQualityGatesBackend,
  waitForCatalog,
} from '../../__testUtils__/testBackend';
import {
  ALLOW,
  PERMISSIONS_ENABLED,
  realPermissions,
  restrictedEntitiesDecision,
} from '../../__testUtils__/permissionBackend';

// Readiness roll-ups over HTTP on a real test backend: the real catalog
// (its childOf relations are the sub-groups, its permission policy hides the
// restricted vault from everyone but vault-team) and the scheduled
// evaluation, triggered by its task id. Only the user memberships are given
// by the test: the mock users have no catalog entity.

jest.setTimeout(120_000);

const CATALOG = path.resolve(__dirname, '__fixtures__/rollup-catalog.yaml');
/** A member of checkout-team: cannot see vault. */
const OUTSIDER = 'user:default/outsider';
/** A member of vault-team: sees everything. */
const KEEPER = 'user:default/keeper';
const ref = (name: string) => `component:default/${name}`;

describe('readiness roll-ups', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    const scheduler = capturePluginScheduler();

    const as = (user: string) => ({
      get: (route: string, query: Record<string, string | number> = {}) =>
        request(backend.server)
          .get(`/api/quality-gates${route}`)
          .query(query)
          .set('Authorization', mockCredentials.user.header(user)),
    });
    const outsider = as(OUTSIDER);
    const keeper = as(KEEPER);

    /** The roll-up once the catalog has related the groups. */
    async function rollupOf(
      user: ReturnType<typeof as>,
      query: Record<string, string>,
      expectedCount: number,
    ) {
      for (let attempt = 0; ; attempt++) {
        const response = await user.get('/readiness/rollup', query);
        expect(response.status).toBe(200);
        if (response.body.items.length >= expectedCount || attempt >= 50) {
          return response.body;
        }
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    }

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        catalogFixture: CATALOG,
        config: {
          ...PERMISSIONS_ENABLED,
          qualityGates: {
            readiness: {
              entities: { kind: 'Component', lifecycle: 'production' },
            },
          },
        },
        features: [
          scheduler.feature,
          ...realPermissions({
            memberships: {
              [OUTSIDER]: ['group:default/checkout-team'],
              [KEEPER]: ['group:default/vault-team'],
            },
            policy: async (request_, user) =>
              restrictedEntitiesDecision(request_, user) ?? ALLOW,
          }),
        ],
      });
      await waitForCatalog(backend, mockCredentials.user.header(KEEPER), [
        'storefront',
        'checkout',
        'payments',
        'vault',
        'ledger',
      ]);
      await scheduler.trigger('quality-gates-readiness-evaluation');
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('rolls up a group with its sub-groups: levels, not evaluated, worst checks, rows', async () => {
      const body = await rollupOf(keeper, { group: 'commerce' }, 4);
      expect(body.scope).toEqual({
        kind: 'group',
        ref: 'group:default/commerce',
        includesSubgroups: true,
      });
      expect(body.distribution).toEqual({
        levels: [
          { level: 'bronze', count: 2 },
          { level: 'silver', count: 0 },
          { level: 'gold', count: 0 },
          { level: null, count: 1 },
        ],
        notEvaluated: 1,
        total: 4,
      });
      // Least ready first; payments (not scored) last.
      const refs = body.items.map((item: any) => item.entityRef);
      expect(refs[0]).toBe(ref('checkout'));
      expect(refs.slice(1, 3).sort()).toEqual([
        ref('storefront'),
        ref('vault'),
      ]);
      expect(refs[3]).toBe(ref('payments'));
      expect(
        body.items.find((item: any) => item.entityRef === ref('storefront')),
      ).toMatchObject({
        title: 'Storefront',
        evaluated: true,
        level: 'bronze',
      });
      expect(body.items[3]).toEqual({
        entityRef: ref('payments'),
        evaluated: false,
        level: null,
        score: null,
        failingChecks: [],
      });
      const docs = body.worstChecks.find(
        (check: any) => check.checkId === 'docs',
      );
      expect(docs).toMatchObject({
        count: 2,
        entityRefs: [ref('checkout'), ref('vault')],
      });
      expect(docs.title).not.toBe('docs');
      const counts = body.worstChecks.map((check: any) => check.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it('neither counts nor lists a component the caller cannot see', async () => {
      const body = await rollupOf(outsider, { group: 'commerce' }, 3);
      expect(body.items.map((item: any) => item.entityRef)).toEqual([
        ref('checkout'),
        ref('storefront'),
        ref('payments'),
      ]);
      expect(body.distribution.levels).toContainEqual({
        level: 'bronze',
        count: 1,
      });
      expect(body.distribution.total).toBe(3);
      expect(body.distribution.levels).toContainEqual({
        level: null,
        count: 1,
      });
      for (const check of body.worstChecks) {
        expect(check.entityRefs).not.toContain(ref('vault'));
      }
      expect(
        body.worstChecks.find((check: any) => check.checkId === 'docs'),
      ).toMatchObject({ count: 1, entityRefs: [ref('checkout')] });
    });

    it('rolls up a system, as each caller sees it', async () => {
      const seenByKeeper = await rollupOf(keeper, { system: 'shop' }, 3);
      expect(seenByKeeper.scope).toEqual({
        kind: 'system',
        ref: 'system:default/shop',
        includesSubgroups: false,
      });
      expect(
        seenByKeeper.items.map((item: any) => item.entityRef).sort(),
      ).toEqual([ref('checkout'), ref('storefront'), ref('vault')]);
      const seenByOutsider = await rollupOf(outsider, { system: 'shop' }, 2);
      expect(
        seenByOutsider.items.map((item: any) => item.entityRef).sort(),
      ).toEqual([ref('checkout'), ref('storefront')]);
      expect(seenByOutsider.distribution.notEvaluated).toBe(0);
    });

    it('asks for exactly one group or system of the right kind', async () => {
      expect((await keeper.get('/readiness/rollup')).status).toBe(400);
      expect(
        (
          await keeper.get('/readiness/rollup', {
            group: 'commerce',
            system: 'shop',
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await keeper.get('/readiness/rollup', {
            group: 'system:default/shop',
          })
        ).status,
      ).toBe(400);
      expect(
        (await keeper.get('/readiness/rollup', { group: 'nobody' })).status,
      ).toBe(404);
    });

    it('groups the overview by owner and by system, without hidden entities', async () => {
      const byOwner = await outsider.get('/readiness/overview/groups', {
        groupBy: 'owner',
      });
      expect(byOwner.status).toBe(200);
      expect(byOwner.body.items.map((item: any) => item.ref)).toEqual([
        'group:default/checkout-team',
        'group:default/commerce',
        'group:default/finance',
      ]);
      const checkoutTeam = byOwner.body.items[0];
      expect(checkoutTeam.distribution).toMatchObject({
        notEvaluated: 0,
        total: 1,
      });
      expect(checkoutTeam.worstCheck).toMatchObject({
        count: 1,
        entityRefs: [ref('checkout')],
      });

      const keeperByOwner = await keeper.get('/readiness/overview/groups', {
        groupBy: 'owner',
      });
      expect(keeperByOwner.body.items.map((item: any) => item.ref)).toContain(
        'group:default/vault-team',
      );

      const bySystem = await outsider.get('/readiness/overview/groups', {
        groupBy: 'system',
      });
      expect(bySystem.body.items.map((item: any) => item.ref)).toEqual([
        'system:default/shop',
        null,
      ]);
      expect(bySystem.body.items[0].distribution.total).toBe(2);
      expect(bySystem.body.items[1].distribution.total).toBe(1);
      // The overview's filters narrow the groups too, and the overview
      // filters by system.
      const shop = await outsider.get('/readiness/overview', {
        system: 'shop',
      });
      expect(shop.body.items.map((item: any) => item.entityRef).sort()).toEqual(
        [ref('checkout'), ref('storefront')],
      );
      const filtered = await outsider.get('/readiness/overview/groups', {
        groupBy: 'system',
        q: 'ledger',
      });
      expect(filtered.body.items.map((item: any) => item.ref)).toEqual([null]);
      expect(
        (await outsider.get('/readiness/overview/groups', { groupBy: 'tags' }))
          .status,
      ).toBe(400);
    });
  });

  describe.each(databases.eachSupportedId())(
    '%p, configured without sub-groups',
    databaseId => {
      it("covers only the group's own components", async () => {
        const plugin = await startPluginUnderTest({
          databases,
          databaseId,
          catalogFixture: CATALOG,
          components: ['storefront', 'checkout', 'payments'],
          config: {
            qualityGates: {
              readiness: { rollups: { includeSubgroups: false } },
            },
          },
        });
        try {
          const rollup = async (group: string, expectedCount: number) => {
            for (let attempt = 0; ; attempt++) {
              const response = await plugin.get('/readiness/rollup', {
                group,
              });
              expect(response.status).toBe(200);
              if (
                response.body.items.length >= expectedCount ||
                attempt >= 50
              ) {
                return response.body;
              }
              await new Promise(resolve => setTimeout(resolve, 200));
            }
          };
          // Wait for the catalog's relations, then check sub-groups are not followed.
          expect((await rollup('checkout-team', 2)).items).toHaveLength(2);
          const commerce = await rollup('commerce', 1);
          expect(commerce.scope.includesSubgroups).toBe(false);
          expect(commerce.items.map((item: any) => item.entityRef)).toEqual([
            ref('storefront'),
          ]);
          expect(commerce.distribution.total).toBe(1);
        } finally {
          await plugin.backend.stop();
        }
      });
    },
  );
});
