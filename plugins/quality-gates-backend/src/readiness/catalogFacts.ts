import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import {
  canonicalEntityRef,
  relationTargetRef,
} from '@can-i-deploy/plugin-quality-gates-common';
import { ReadinessCatalogFacts } from '@can-i-deploy/plugin-quality-gates-node';

/**
 * Looks up, in one catalog request, the kinds of every entity the given
 * entities point at through `spec.owner` and `spec.system`: a page of
 * entities costs one request, not one per owner.
 */
export async function loadCatalogFacts(
  catalog: CatalogApi,
  entities: Entity[],
  token: string,
): Promise<ReadinessCatalogFacts> {
  const refs = new Set<string>();
  for (const entity of entities) {
    const owner = relationTargetRef(entity, 'owner', 'group');
    const system = relationTargetRef(entity, 'system', 'system');
    if (owner) refs.add(owner);
    if (system) refs.add(system);
  }
  const kinds = new Map<string, string>();
  const wanted = [...refs];
  if (wanted.length > 0) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: wanted, fields: ['kind'] },
      { token },
    );
    items.forEach((item, index) => {
      if (item) kinds.set(wanted[index], item.kind);
    });
  }
  return { kindOf: ref => kinds.get(canonicalOrSelf(ref)) };
}

/** Modules may ask about any string; one that is no ref has no kind. */
function canonicalOrSelf(ref: string): string {
  try {
    return canonicalEntityRef(ref);
  } catch {
    return ref;
  }
}
