import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { loadCatalogFacts } from './catalogFacts';
import { EntityKindCache } from './EntityKindCache';

function component(name: string, owner: string, system?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name },
    spec: { owner, ...(system ? { system } : {}) },
  };
}

/**
 * Counts the lookups the facts make: what is asked of the catalog is the
 * point of the cache, so the catalog here is a table in memory.
 */
function countingCatalog(kinds: Record<string, string>) {
  const asked: string[][] = [];
  const catalog = {
    async getEntitiesByRefs({ entityRefs }: { entityRefs: string[] }) {
      asked.push(entityRefs);
      return {
        items: entityRefs.map(ref =>
          kinds[ref] ? ({ kind: kinds[ref] } as Entity) : undefined,
        ),
      };
    },
  } as unknown as CatalogApi;
  return { catalog, asked };
}

describe('owner and system kinds', () => {
  const token = async () => 'token';

  it('asks once within the time to live, remembers what does not exist, and asks again after it', async () => {
    let now = 1_000;
    const kinds = new EntityKindCache(60_000, () => now);
    const { catalog, asked } = countingCatalog({
      'group:default/team-a': 'Group',
    });
    const entity = component('a', 'team-a', 'gone');
    const reuse = { kinds, reuse: true };

    const first = await loadCatalogFacts(catalog, [entity], token, reuse);
    expect(first.kindOf('group:default/team-a')).toBe('Group');
    expect(first.kindOf('system:default/gone')).toBeUndefined();
    expect(asked).toEqual([['group:default/team-a', 'system:default/gone']]);

    now += 59_000;
    const second = await loadCatalogFacts(catalog, [entity], token, reuse);
    expect(second.kindOf('group:default/team-a')).toBe('Group');
    expect(second.kindOf('system:default/gone')).toBeUndefined();
    expect(asked).toHaveLength(1);

    now += 2_000;
    await loadCatalogFacts(catalog, [entity], token, reuse);
    expect(asked).toHaveLength(2);
  });

  it('always asks when not reusing (the scheduled run), and fills the cache for those who do', async () => {
    const kinds = new EntityKindCache(60_000);
    const { catalog, asked } = countingCatalog({
      'group:default/team-a': 'Group',
    });
    const entity = component('a', 'team-a');
    await loadCatalogFacts(catalog, [entity], token, { kinds, reuse: false });
    await loadCatalogFacts(catalog, [entity], token, { kinds, reuse: false });
    expect(asked).toHaveLength(2);
    await loadCatalogFacts(catalog, [entity], token, { kinds, reuse: true });
    expect(asked).toHaveLength(2);
  });

  it('keeps nothing when the time to live is 0', async () => {
    const kinds = new EntityKindCache(0);
    const { catalog, asked } = countingCatalog({});
    const entity = component('a', 'team-a');
    await loadCatalogFacts(catalog, [entity], token, { kinds, reuse: true });
    await loadCatalogFacts(catalog, [entity], token, { kinds, reuse: true });
    expect(asked).toHaveLength(2);
  });
});
