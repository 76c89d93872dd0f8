import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { EntityAssignment } from '../delivery/DeliveryBatch';

/** Annotation naming the service names (comma-separated) an entity answers to. */
export const SERVICE_NAME_ANNOTATION = 'quality-gates/service-name';
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/** What an event says about the entity it concerns. */
export interface EntityHints {
  /** An explicit entity ref, e.g. from the JSON API or a span attribute. */
  entityRef?: string;
  /** OTel `service.name`, a CDEvents service id, a deployment's app name. */
  serviceName?: string;
  /** `org/repo` of a GitHub repository. */
  repositorySlug?: string;
}

interface CatalogIndex {
  loadedAt: number;
  refs: Set<string>;
  byServiceName: Map<string, string[]>;
  bySlug: Map<string, string[]>;
  componentsByName: Map<string, string[]>;
}

/**
 * Maps events to catalog entities by documented rules, in this order:
 *
 * 1. an explicit entity ref that the catalog knows;
 * 2. a service name listed in an entity's `quality-gates/service-name`;
 * 3. a repository in an entity's `github.com/project-slug` (when several
 *    entities share a repository, the one named like the repository);
 * 4. a service name equal to a Component's name.
 *
 * An event that matches nothing keeps `entityRef: null` and its hint, so it
 * is stored and reported instead of dropped. The catalog is read as one
 * index, refreshed at most every `ttlMs` (in the background, the older
 * index answering meanwhile), so ingesting many events costs one catalog
 * query, not one per event.
 */
export class EntityResolver {
  private index?: Promise<CatalogIndex>;

  constructor(
    private readonly catalog: CatalogApi,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
    private readonly ttlMs = 30_000,
  ) {}

  async resolve(hints: EntityHints): Promise<EntityAssignment> {
    const entityHint = describeHints(hints);
    // A catalog that cannot be read must not lose events: they are kept
    // unresolved with their hint and can be mapped again later.
    const index = await this.currentIndex().catch(() => undefined);
    if (!index) {
      return { entityRef: null, entityHint };
    }

    if (hints.entityRef) {
      const ref = safeCanonicalRef(hints.entityRef);
      return { entityRef: ref && index.refs.has(ref) ? ref : null, entityHint };
    }
    const serviceName = hints.serviceName?.toLowerCase();
    const byService = serviceName
      ? index.byServiceName.get(serviceName)
      : undefined;
    if (byService?.length === 1) {
      return { entityRef: byService[0], entityHint };
    }
    const slug = hints.repositorySlug?.toLowerCase();
    const bySlug = slug ? index.bySlug.get(slug) : undefined;
    if (bySlug?.length === 1) {
      return { entityRef: bySlug[0], entityHint };
    }
    if (bySlug && bySlug.length > 1) {
      const repoName = slug!.split('/').pop();
      const named = bySlug.filter(ref => ref.endsWith(`/${repoName}`));
      if (named.length === 1) {
        return { entityRef: named[0], entityHint };
      }
    }
    const byName = serviceName
      ? index.componentsByName.get(serviceName)
      : undefined;
    if (byName?.length === 1) {
      return { entityRef: byName[0], entityHint };
    }
    return { entityRef: null, entityHint };
  }

  /** Forgets the index, e.g. after the catalog changed in a test. */
  invalidate(): void {
    this.index = undefined;
  }

  /**
   * The index; one older than `ttlMs` is still used while a fresh one
   * loads: reading a large catalog takes a second or more, which every
   * event arriving meanwhile would otherwise wait for.
   */
  private async currentIndex(): Promise<CatalogIndex> {
    const cached = this.index;
    const index = cached && (await cached.catch(() => undefined));
    if (index && Date.now() - index.loadedAt < this.ttlMs) {
      return index;
    }
    if (this.index === cached) {
      this.reload(index);
    }
    return index ?? this.index!;
  }

  /** Starts loading the index; the `stale` one serves until it has loaded. */
  private reload(stale: CatalogIndex | undefined): void {
    const loading = this.loadIndex();
    loading.catch(error =>
      this.logger.warn(`Could not read the catalog to map events: ${error}`),
    );
    if (!stale) {
      this.index = loading;
      return;
    }
    // Meanwhile (and should loading fail) the stale index answers, once
    // per ttl: the next reload starts no sooner than that.
    const meanwhile = Promise.resolve({ ...stale, loadedAt: Date.now() });
    this.index = meanwhile;
    loading.then(
      fresh => {
        // Unless invalidated (or replaced) since.
        if (this.index === meanwhile) this.index = Promise.resolve(fresh);
      },
      () => {},
    );
  }

  private async loadIndex(): Promise<CatalogIndex> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const { items } = await this.catalog.getEntities(
      {
        filter: [{ kind: ['Component', 'Resource', 'System', 'API'] }],
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          `metadata.annotations.${SERVICE_NAME_ANNOTATION}`,
          `metadata.annotations.${PROJECT_SLUG_ANNOTATION}`,
        ],
      },
      { token },
    );
    const index: CatalogIndex = {
      loadedAt: Date.now(),
      refs: new Set(),
      byServiceName: new Map(),
      bySlug: new Map(),
      componentsByName: new Map(),
    };
    for (const entity of items) {
      const ref = canonicalEntityRef(entity);
      index.refs.add(ref);
      for (const name of listAnnotation(entity, SERVICE_NAME_ANNOTATION)) {
        push(index.byServiceName, name, ref);
      }
      for (const slug of listAnnotation(entity, PROJECT_SLUG_ANNOTATION)) {
        push(index.bySlug, slug, ref);
      }
      if (entity.kind.toLowerCase() === 'component') {
        push(index.componentsByName, entity.metadata.name.toLowerCase(), ref);
      }
    }
    return index;
  }
}

function listAnnotation(entity: Entity, key: string): string[] {
  const value = entity.metadata.annotations?.[key];
  if (!value) return [];
  return value
    .split(',')
    .map(part => part.trim().toLowerCase())
    .filter(Boolean);
}

function push(map: Map<string, string[]>, key: string, ref: string) {
  const list = map.get(key) ?? [];
  if (!list.includes(ref)) list.push(ref);
  map.set(key, list);
}

function safeCanonicalRef(raw: string): string | null {
  try {
    return canonicalEntityRef(raw, { defaultKind: 'component' });
  } catch {
    return null;
  }
}

function describeHints(hints: EntityHints): string | undefined {
  const parts: string[] = [];
  if (hints.entityRef) parts.push(`entityRef=${hints.entityRef}`);
  if (hints.serviceName) parts.push(`service.name=${hints.serviceName}`);
  if (hints.repositorySlug)
    parts.push(`github.com/project-slug=${hints.repositorySlug}`);
  return parts.length ? parts.join(' ').slice(0, 512) : undefined;
}

/**
 * Reads a stored entity hint back into hints, so that events kept for an
 * unknown entity can be mapped again once the catalog knows it.
 */
export function hintsFromDescription(description: string): EntityHints {
  const hints: EntityHints = {};
  const pattern = /(entityRef|service\.name|github\.com\/project-slug)=(\S+)/g;
  for (const [, key, value] of description.matchAll(pattern)) {
    if (key === 'entityRef') hints.entityRef = value;
    else if (key === 'service.name') hints.serviceName = value;
    else hints.repositorySlug = value;
  }
  return hints;
}
