import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { CatalogApi, CatalogClient } from '@backstage/catalog-client';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';

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

/** Canonical, lower-case form of an entity reference, as stored. */
export function canonicalEntityRef(ref: CompoundEntityRef): string {
  return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}

/**
 * Resolves entities through the catalog on behalf of the caller, so that
 * what the catalog hides from a user the plugin does not reveal either.
 */
export class EntityLookup {
  private readonly catalog: CatalogApi;

  constructor(discovery: DiscoveryService, private readonly auth: AuthService) {
    this.catalog = new CatalogClient({ discoveryApi: discovery });
  }

  /** Throws NotFoundError when the entity does not exist or is not visible. */
  async requireEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'catalog',
    });
    const entity = await this.catalog.getEntityByRef(ref, { token });
    if (!entity) {
      throw new NotFoundError(
        `Entity ${stringifyEntityRef(ref)} was not found in the catalog`,
      );
    }
    return canonicalEntityRef(ref);
  }
}
