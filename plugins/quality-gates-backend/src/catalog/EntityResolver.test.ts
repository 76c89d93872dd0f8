import { mockServices } from '@backstage/backend-test-utils';
import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { EntityResolver } from './EntityResolver';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
  };
}

/** A catalog whose reads answer when the test says so. */
function slowCatalog() {
  const reads: Array<{
    answer: (entities: Entity[]) => void;
    fail: (error: Error) => void;
  }> = [];
  const catalog = {
    getEntities: () =>
      new Promise((resolve, reject) =>
        reads.push({
          answer: items => resolve({ items }),
          fail: reject,
        }),
      ),
  } as unknown as CatalogApi;
  return { catalog, reads };
}

describe('EntityResolver', () => {
  const settle = () => new Promise(resolve => setImmediate(resolve));

  it('answers from the older index while a newer one loads, and keeps it when loading fails', async () => {
    const { catalog, reads } = slowCatalog();
    const resolver = new EntityResolver(
      catalog,
      mockServices.auth(),
      mockServices.logger.mock(),
      0,
    );
    const known = (name: string) =>
      resolver
        .resolve({ serviceName: name })
        .then(({ entityRef }) => entityRef);

    // The first read is waited for.
    const first = known('checkout');
    await settle();
    reads[0].answer([component('checkout')]);
    expect(await first).toBe('component:default/checkout');

    // Expired (a ttl of 0): answered from the older index at once, while
    // the catalog is read again.
    expect(await known('payments')).toBe(null);
    expect(reads).toHaveLength(2);
    reads[1].answer([component('checkout'), component('payments')]);
    await settle();
    expect(await known('payments')).toBe('component:default/payments');

    // A read that fails leaves the index it would have replaced.
    await settle();
    reads[reads.length - 1].fail(new Error('catalog down'));
    await settle();
    expect(await known('payments')).toBe('component:default/payments');
  });
});
