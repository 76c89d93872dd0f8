import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  CatalogApi,
  EntityFilterQuery,
  GetEntitiesByRefsRequest,
} from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { parseRequestedEntityRef } from './requestedEntityRef';
import { OwnCatalogToken } from './OwnCatalogToken';
import { UserCatalogTokens } from './UserCatalogTokens';

/** An entity and its canonical ref, as one caller sees it. */
export interface VisibleEntity {
  entity: Entity;
  entityRef: string;
}

/** Just enough of an entity to know its ref. */
const REF_FIELDS = ['kind', 'metadata.name', 'metadata.namespace'];

/**
 * The catalog as one caller sees it. Every read of the plugin asks here, so
 * that what the catalog hides from a caller (its permission policy on
 * `catalog.entity.read`) the plugin does not reveal either: not the entity,
 * not its history, not whether it exists.
 */
export class CatalogAccess {
  private readonly ownToken: OwnCatalogToken;
  private readonly userTokens: UserCatalogTokens;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    /**
     * A catalog client for reads with reused tokens (the plugin's own, see
     * OwnCatalogToken, and users', see UserCatalogTokens); other callers'
     * reads go through `catalog`, which signs a token for each.
     */
    private readonly client: CatalogApi,
  ) {
    this.ownToken = new OwnCatalogToken(auth);
    this.userTokens = new UserCatalogTokens(auth);
  }

  /**
   * A reused token the caller's reads go to `client` with (see `readerOf`
   * for whose it is); none for callers that are neither users nor services.
   */
  private async reusedToken(
    credentials: BackstageCredentials,
  ): Promise<string | undefined> {
    if (this.auth.isPrincipal(credentials, 'service')) {
      return this.ownToken.token();
    }
    if (this.auth.isPrincipal(credentials, 'user')) {
      return this.userTokens.token(credentials);
    }
    return undefined;
  }

  /** Entities by ref as the caller sees them (see `readerOf`). */
  private async byRefs(
    credentials: BackstageCredentials,
    request: GetEntitiesByRefsRequest,
  ) {
    const token = await this.reusedToken(credentials);
    if (token !== undefined) {
      return this.client.getEntitiesByRefs(request, { token });
    }
    return this.catalog.getEntitiesByRefs(request, {
      credentials: await this.readerOf(credentials),
    });
  }

  /**
   * The credentials the catalog is read with. Users: their own, so the
   * catalog's policy decides what they see. Service principals: the
   * plugin's, because the catalog's policy does not filter services either,
   * and a token restricted to this plugin (say, to sending events) cannot be
   * passed on to the catalog; its restrictions decide what it may write.
   */
  private async readerOf(
    credentials: BackstageCredentials,
  ): Promise<BackstageCredentials> {
    return this.auth.isPrincipal(credentials, 'service')
      ? this.auth.getOwnServiceCredentials()
      : credentials;
  }

  /**
   * The requested entity as the caller sees it. `raw` is a ref from a
   * request or a stored one; a malformed ref is a 400. Absent and hidden
   * entities are the same 404, so a caller cannot tell them apart. When the
   * caller asked for a record by its id (an evaluation, an exemption), give
   * `notFound`: the 404 then names the record, not the hidden entity.
   */
  async visibleEntity(
    credentials: BackstageCredentials,
    raw: string,
    notFound?: string,
  ): Promise<VisibleEntity> {
    const entityRef = this.requestedRef(raw);
    const token = await this.reusedToken(credentials);
    const entity =
      token !== undefined
        ? await this.client.getEntityByRef(entityRef, { token })
        : await this.catalog.getEntityByRef(entityRef, {
            credentials: await this.readerOf(credentials),
          });
    if (!entity) {
      throw new NotFoundError(
        notFound ?? `Entity ${entityRef} was not found in the catalog`,
      );
    }
    return { entity, entityRef };
  }

  /** The canonical form of a ref from a request; a malformed one is a 400. */
  requestedRef(raw: string): string {
    return canonicalEntityRef(parseRequestedEntityRef(raw));
  }

  /**
   * As `visibleEntity` for a canonical ref, with only `fields` of the
   * entity read from the catalog.
   */
  async visibleEntityFields(
    credentials: BackstageCredentials,
    entityRef: string,
    fields: string[],
  ): Promise<Entity> {
    const {
      items: [entity],
    } = await this.byRefs(credentials, { entityRefs: [entityRef], fields });
    if (!entity) {
      throw new NotFoundError(
        `Entity ${entityRef} was not found in the catalog`,
      );
    }
    return entity;
  }

  /** The canonical ref of the requested entity, after `visibleEntity`. */
  async visibleEntityRef(
    credentials: BackstageCredentials,
    raw: string,
    notFound?: string,
  ): Promise<string> {
    return (await this.visibleEntity(credentials, raw, notFound)).entityRef;
  }

  /**
   * Which of these (canonical) refs the caller can see, in one batched
   * catalog call, for filtering lists and totals before they are paged.
   */
  async visibleRefs(
    credentials: BackstageCredentials,
    refs: Iterable<string>,
  ): Promise<string[]> {
    const wanted = [...new Set(refs)];
    if (wanted.length === 0) return [];
    const { items } = await this.byRefs(credentials, {
      entityRefs: wanted,
      fields: REF_FIELDS,
    });
    return items.flatMap(item => (item ? [canonicalEntityRef(item)] : []));
  }

  /**
   * The canonical refs of the entities matching a catalog filter that the
   * caller can see, e.g. the components a group owns.
   */
  async refsMatching(
    credentials: BackstageCredentials,
    filter: EntityFilterQuery,
  ): Promise<string[]> {
    const refs: string[] = [];
    const request = { filter, fields: REF_FIELDS };
    const token = await this.reusedToken(credentials);
    const pages =
      token !== undefined
        ? this.client.streamEntities(request, { token })
        : this.catalog.streamEntities(request, {
            credentials: await this.readerOf(credentials),
          });
    for await (const page of pages) {
      refs.push(...page.map(entity => canonicalEntityRef(entity)));
    }
    return refs.sort();
  }
}
