import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { CatalogAccess } from '../../catalog/CatalogAccess';
import { parseRequestedEntityRef } from '../../catalog/requestedEntityRef';

/**
 * Which entities a list may show: the one asked for (404 when hidden), an
 * owner's entities as the caller sees the catalog, or else those with rows
 * (`withRows`) that the caller can see. Applied before paging, so pages and
 * totals count only what the caller may read.
 */
export async function entityScope(
  access: CatalogAccess,
  credentials: BackstageCredentials,
  query: { entityRef?: string; owner?: string },
  withRows: () => Promise<string[]>,
): Promise<{ entityRef?: string; entityRefs?: string[] }> {
  let entityRefs: string[] | undefined;
  if (query.owner) {
    const ownerRef = canonicalEntityRef(
      parseRequestedEntityRef(
        query.owner.includes(':') ? query.owner : `group:${query.owner}`,
      ),
    );
    entityRefs = await access.refsMatching(credentials, {
      'relations.ownedBy': ownerRef,
    });
  }
  if (query.entityRef) {
    const entityRef = await access.visibleEntityRef(
      credentials,
      query.entityRef,
    );
    return { entityRef, entityRefs };
  }
  // The owner's entities came from the catalog as the caller sees it.
  if (entityRefs) return { entityRefs };
  return {
    entityRefs: await access.visibleRefs(credentials, await withRows()),
  };
}
