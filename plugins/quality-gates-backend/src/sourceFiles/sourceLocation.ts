import { Entity } from '@backstage/catalog-model';

/** The annotation that says where an entity's code lives. */
export const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';

/**
 * The entity's source location as a directory URL ending in `/`, so paths
 * resolve inside it, or why there is none to read.
 */
export function entitySourceLocation(
  entity: Entity,
): { url: string } | { reason: string } {
  const value =
    entity.metadata.annotations?.[SOURCE_LOCATION_ANNOTATION]?.trim();
  if (!value) {
    return {
      reason: `the entity has no ${SOURCE_LOCATION_ANNOTATION} annotation`,
    };
  }
  const target = locationTarget(value);
  if (!target) {
    return {
      reason: `the entity's ${SOURCE_LOCATION_ANNOTATION} '${value}' is not a URL the backend can read`,
    };
  }
  return { url: target.endsWith('/') ? target : `${target}/` };
}

/**
 * Where a path from an annotation points: absolute http(s) URLs as they are,
 * other paths inside the source location (a leading `/` or `./` means its
 * root, not the host's). Undefined when a relative path has no base.
 */
export function resolveSourcePath(
  path: string,
  sourceLocation: string | undefined,
): string | undefined {
  const absolute = locationTarget(path);
  if (absolute) return absolute;
  if (!sourceLocation) return undefined;
  return new URL(path.replace(/^(\.?\/)+/, ''), sourceLocation).toString();
}

/** The http(s) URL of a `url:<target>` location or a bare URL, if it is one. */
function locationTarget(value: string): string | undefined {
  const target = value.replace(/^url:/, '');
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    return new URL(target).toString();
  } catch {
    return undefined;
  }
}
