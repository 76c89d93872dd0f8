import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DoraScopeRequest } from '../../../api/QualityGatesApi';

/**
 * A group's roll-up covers the components it owns, a system's the
 * components it holds; other kinds have no roll-up.
 */
export function rollupScopeOf(entity: Entity): DoraScopeRequest | undefined {
  const ref = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'group') return { group: ref };
  if (kind === 'system') return { system: ref };
  return undefined;
}
