import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';

// A group's DORA roll-up covers the components of the groups below it too,
// unless qualityGates.dora.rollups.includeSubgroups is false. The catalog
// is real: the sub-groups are its childOf relations.

jest.setTimeout(90_000);

const CATALOG = path.resolve(__dirname, '__fixtures__/rollupCatalog.yaml');
const COMPONENTS = ['storefront', 'checkout', 'payments'];
const ref = (name: string) => `component:default/${name}`;

/** The roll-up's components, once the catalog has related the groups. */
async function rollupOf(
  plugin: PluginUnderTest,
  group: string,
  expectedCount: number,
): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    const response = await plugin.get('/dora/metrics', { group });
    expect(response.status).toBe(200);
    const refs: string[] = response.body.scope.entityRefs;
    if (refs.length >= expectedCount || attempt >= 50) return refs;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('DORA roll-ups of nested groups', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('includes the components of sub-groups, at every depth, by default', async () => {
      const plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: CATALOG,
        components: COMPONENTS,
      });
      try {
        expect(await rollupOf(plugin, 'commerce', 3)).toEqual([
          ref('checkout'),
          ref('payments'),
          ref('storefront'),
        ]);
        expect(await rollupOf(plugin, 'checkout-team', 2)).toEqual([
          ref('checkout'),
          ref('payments'),
        ]);
      } finally {
        await plugin.backend.stop();
      }
    });

    it('covers only the group itself when configured so', async () => {
      const plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: CATALOG,
        components: COMPONENTS,
        config: {
          qualityGates: { dora: { rollups: { includeSubgroups: false } } },
        },
      });
      try {
        // Wait for the relations to exist, then check they are not followed.
        await rollupOf(plugin, 'payments-team', 1);
        expect(await rollupOf(plugin, 'commerce', 1)).toEqual([
          ref('storefront'),
        ]);
        expect(await rollupOf(plugin, 'checkout-team', 1)).toEqual([
          ref('checkout'),
        ]);
      } finally {
        await plugin.backend.stop();
      }
    });
  });
});
