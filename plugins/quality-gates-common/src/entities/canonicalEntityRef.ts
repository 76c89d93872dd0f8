import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The one canonical form of an entity ref, `kind:namespace/name` in lower
 * case, as the plugin stores and compares refs (the catalog compares them
 * case-insensitively). A string must be a ref; `defaults` fill in a missing
 * kind or namespace (the namespace defaults to `default`). Throws when the
 * string is not an entity ref.
 *
 * @public
 */
export function canonicalEntityRef(
  ref: Entity | CompoundEntityRef | string,
  defaults?: { defaultKind?: string; defaultNamespace?: string },
): string {
  const compound =
    typeof ref === 'string'
      ? parseEntityRef(ref, {
          defaultKind: defaults?.defaultKind,
          defaultNamespace: defaults?.defaultNamespace ?? 'default',
        })
      : ref;
  // toLowerCase maps as en-US does; toLocaleLowerCase('en-US') resolved the
  // locale on every call (about 3 µs, twenty times the rest of this).
  return stringifyEntityRef(compound).toLowerCase();
}
