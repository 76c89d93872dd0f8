import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogAccess } from './CatalogAccess';

/** Which of the ways to name a scope the caller used. */
export interface ComponentScopeRequest {
  entityRef?: string;
  group?: string;
  system?: string;
}

/** An entity, or the components a group owns or a system holds. */
export interface ComponentScope {
  kind: 'entity' | 'group' | 'system';
  ref: string;
  /** The components the caller can see, sorted. */
  entityRefs: string[];
}

/** Sub-groups followed below a group at most: a cycle or a deep tree stops here. */
const MAX_SUBGROUP_DEPTH = 20;

/**
 * Resolves a roll-up's scope through the catalog with the caller's rights:
 * the components a group owns (with its sub-groups' when configured) or a
 * system holds. Every roll-up (DORA, readiness) resolves its scope here, so
 * they cover the same components.
 */
export class ComponentScopeResolver {
  constructor(
    private readonly access: CatalogAccess,
    private readonly options: {
      /** Whether a group's scope includes the groups below it. */
      includeSubgroups: boolean;
    },
  ) {}

  get includeSubgroups(): boolean {
    return this.options.includeSubgroups;
  }

  /**
   * `allowed` are the ways this roll-up may be named; exactly one must be
   * given (`purpose` says what for, in the 400). A hidden or absent entity
   * is a 404, another kind a 400.
   */
  async resolve(
    request: ComponentScopeRequest,
    credentials: BackstageCredentials,
    options: {
      purpose: string;
      allowed?: ReadonlyArray<keyof ComponentScopeRequest>;
    },
  ): Promise<ComponentScope> {
    const allowed = options.allowed ?? ['entityRef', 'group', 'system'];
    const given = allowed.filter(key => request[key] !== undefined);
    if (given.length !== 1) {
      const names = `${allowed.slice(0, -1).join(', ')} or ${
        allowed[allowed.length - 1]
      }`;
      throw new InputError(
        `Give exactly one of ${names} to say whose ${options.purpose} you want`,
      );
    }
    const key = given[0];
    const defaultKind = {
      entityRef: undefined,
      group: 'group',
      system: 'system',
    }[key];
    const { entity, entityRef: ref } = await this.access.visibleEntity(
      credentials,
      defaultKind && !request[key]!.includes(':')
        ? `${defaultKind}:${request[key]}`
        : request[key]!,
    );
    if (key === 'entityRef') {
      return { kind: 'entity', ref, entityRefs: [ref] };
    }
    const expectedKind = key === 'group' ? 'group' : 'system';
    if (entity.kind.toLowerCase() !== expectedKind) {
      throw new InputError(`${ref} is a ${entity.kind}, not a ${expectedKind}`);
    }
    // The components the caller can see, as the catalog lists them.
    const relation = key === 'group' ? 'relations.ownedBy' : 'relations.partOf';
    const owners =
      key === 'group' && this.options.includeSubgroups
        ? await this.groupAndSubgroups(credentials, ref)
        : [ref];
    const entityRefs = await this.access.refsMatching(credentials, {
      kind: 'component',
      [relation]: owners,
    });
    return { kind: key, ref, entityRefs };
  }

  /** A group and the groups below it the caller can see, level by level. */
  private async groupAndSubgroups(
    credentials: BackstageCredentials,
    group: string,
  ): Promise<string[]> {
    const seen = new Set([group]);
    let level = [group];
    for (
      let depth = 0;
      depth < MAX_SUBGROUP_DEPTH && level.length > 0;
      depth++
    ) {
      const children = await this.access.refsMatching(credentials, {
        kind: 'group',
        'relations.childOf': level,
      });
      level = children.filter(child => !seen.has(child));
      level.forEach(child => seen.add(child));
    }
    return [...seen].sort();
  }
}
