import { Entity } from '@backstage/catalog-model';
import { canonicalEntityRef } from './canonicalEntityRef';

/**
 * Which catalog entities something (a readiness check, a gate) applies to.
 * Every field given must match; a list matches when any of its values does.
 * Kinds, types and lifecycles compare case-insensitively.
 *
 * @public
 */
export interface EntityFilter {
  kind?: string | string[];
  /** `spec.type`, e.g. `service`, `website`. */
  type?: string | string[];
  /** `spec.lifecycle`, e.g. `experimental`, `production`. */
  lifecycle?: string | string[];
  /** `spec.owner` as an entity ref, e.g. `group:default/team-a`. */
  owner?: string | string[];
  /** `spec.system` as an entity ref, e.g. `system:default/webshop`. */
  system?: string | string[];
  /** Matches when the entity has any of these tags. */
  tags?: string[];
  /**
   * Annotations the entity must have: `true` (or `'*'`) asks only that the
   * annotation exists, a string asks for that exact value.
   */
  annotations?: Record<string, string | true>;
}

function asList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

function specString(entity: Entity, field: string): string | undefined {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** `team-a` → `group:default/team-a`; refs that are already full stay. */
function fullRef(ref: string, defaultKind: string, namespace: string): string {
  return canonicalEntityRef(ref, { defaultKind, defaultNamespace: namespace });
}

function matchesAny(
  wanted: string[] | undefined,
  actual: string | undefined,
  normalise: (value: string) => string = value => value.toLowerCase(),
): boolean {
  if (!wanted) return true;
  if (actual === undefined) return false;
  const normalisedActual = normalise(actual);
  return wanted.some(value => normalise(value) === normalisedActual);
}

/**
 * The ref of what `spec.<field>` points at, as a full lower-case entity ref:
 * relative refs take the entity's namespace, as the catalog reads them.
 *
 * @public
 */
export function relationTargetRef(
  entity: Entity,
  field: 'owner' | 'system',
  defaultKind: string,
): string | undefined {
  const value = specString(entity, field);
  if (!value) return undefined;
  return fullRef(value, defaultKind, entity.metadata.namespace ?? 'default');
}

/**
 * Whether an entity is one the filter selects. An absent or empty filter
 * selects every entity.
 *
 * @public
 */
export function matchesEntityFilter(
  filter: EntityFilter | undefined,
  entity: Entity,
): boolean {
  if (!filter) return true;
  if (!matchesAny(asList(filter.kind), entity.kind)) return false;
  if (!matchesAny(asList(filter.type), specString(entity, 'type'))) {
    return false;
  }
  if (!matchesAny(asList(filter.lifecycle), specString(entity, 'lifecycle'))) {
    return false;
  }
  const namespace = entity.metadata.namespace ?? 'default';
  const owners = asList(filter.owner);
  if (
    owners &&
    !matchesAny(owners, relationTargetRef(entity, 'owner', 'group'), ref =>
      fullRef(ref, 'group', namespace),
    )
  ) {
    return false;
  }
  const systems = asList(filter.system);
  if (
    systems &&
    !matchesAny(systems, relationTargetRef(entity, 'system', 'system'), ref =>
      fullRef(ref, 'system', namespace),
    )
  ) {
    return false;
  }
  if (filter.tags && filter.tags.length > 0) {
    const tags = new Set(
      (entity.metadata.tags ?? []).map(tag => tag.toLowerCase()),
    );
    if (!filter.tags.some(tag => tags.has(tag.toLowerCase()))) {
      return false;
    }
  }
  for (const [key, expected] of Object.entries(filter.annotations ?? {})) {
    const actual = entity.metadata.annotations?.[key];
    if (actual === undefined) return false;
    if (expected !== true && expected !== '*' && actual !== expected) {
      return false;
    }
  }
  return true;
}
