import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import {
  canonicalEntityRef,
  relationTargetRef,
} from '@can-i-deploy/plugin-quality-gates-common';
import { ReadinessCatalogFacts } from '@can-i-deploy/plugin-quality-gates-node';
import { EntityKindCache } from './EntityKindCache';

/** The kind of each ref looked up; undefined where no such entity exists. */
export type EntityKinds = ReadonlyMap<string, string | undefined>;

/** The owners and systems the entities point at (`spec.owner`, `spec.system`). */
export function relatedRefsOf(entities: Entity[]): string[] {
  const refs = new Set<string>();
  for (const entity of entities) {
    const owner = relationTargetRef(entity, 'owner', 'group');
    const system = relationTargetRef(entity, 'system', 'system');
    if (owner) refs.add(owner);
    if (system) refs.add(system);
  }
  return [...refs];
}

/**
 * Looks up the kinds of the given refs in one catalog request: a page of
 * entities costs one request, not one per owner. With `reuse`, kinds the
 * cache knows are not asked again (an entity page asks for one entity,
 * whose owner is usually a team many others share); what is asked fills
 * the cache either way.
 */
export async function loadEntityKinds(
  catalog: CatalogApi,
  refs: string[],
  token: () => Promise<string>,
  cache?: { kinds: EntityKindCache; reuse: boolean },
): Promise<EntityKinds> {
  const kinds = new Map<string, string | undefined>();
  const wanted: string[] = [];
  for (const ref of refs) {
    const known = cache?.reuse ? cache.kinds.get(ref) : undefined;
    if (known) kinds.set(ref, known.kind);
    else wanted.push(ref);
  }
  if (wanted.length > 0) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: wanted, fields: ['kind'] },
      { token: await token() },
    );
    items.forEach((item, index) => {
      kinds.set(wanted[index], item?.kind);
      cache?.kinds.set(wanted[index], item?.kind);
    });
  }
  return kinds;
}

/** What checks may ask the catalog, from kinds looked up beforehand. */
export function catalogFactsOf(kinds: EntityKinds): ReadinessCatalogFacts {
  return { kindOf: ref => kinds.get(canonicalOrSelf(ref)) };
}

/** The kinds the entities' owners and systems have, as checks see them. */
export async function loadCatalogFacts(
  catalog: CatalogApi,
  entities: Entity[],
  token: () => Promise<string>,
  cache?: { kinds: EntityKindCache; reuse: boolean },
): Promise<ReadinessCatalogFacts> {
  return catalogFactsOf(
    await loadEntityKinds(catalog, relatedRefsOf(entities), token, cache),
  );
}

/** Modules may ask about any string; one that is no ref has no kind. */
function canonicalOrSelf(ref: string): string {
  try {
    return canonicalEntityRef(ref);
  } catch {
    return ref;
  }
}
