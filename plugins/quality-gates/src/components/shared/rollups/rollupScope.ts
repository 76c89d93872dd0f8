import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** Whose roll-up: the components a group owns, or a system holds. */
export type RollupScope = { group: string } | { system: string };

/**
 * A group's roll-up covers the components it owns, a system's the
 * components it holds; other kinds have no roll-up. DORA and readiness
 * roll up the same way.
 */
export function rollupScopeOf(entity: Entity): RollupScope | undefined {
  const ref = stringifyEntityRef(entity);
  const kind = entity.kind.toLowerCase();
  if (kind === 'group') return { group: ref };
  if (kind === 'system') return { system: ref };
  return undefined;
}
