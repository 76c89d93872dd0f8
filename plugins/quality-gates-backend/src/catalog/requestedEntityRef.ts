import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * Parses an entity reference from a request. The kind is required so that
 * `checkout` cannot silently mean a component or an API.
 */
export function parseRequestedEntityRef(raw: string): CompoundEntityRef {
  try {
    return parseEntityRef(raw, { defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(
      `Invalid entityRef '${raw}': expected kind:namespace/name, e.g. component:default/checkout`,
    );
  }
}
