import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/** Where the app mounts the readiness tab on an entity page. */
export const ENTITY_READINESS_TAB_PATH = 'readiness';

/**
 * Builds links to an entity's page and to its readiness tab, wherever the
 * app mounts the catalog's entity page.
 */
export function useEntityLinks() {
  const entityRoute = useRouteRef(entityRouteRef);
  const entityPage = useCallback(
    (entityRef: string) => entityRoute(entityRouteParams(entityRef)),
    [entityRoute],
  );
  const readinessTab = useCallback(
    (entityRef: string) =>
      `${entityPage(entityRef).replace(
        /\/$/,
        '',
      )}/${ENTITY_READINESS_TAB_PATH}`,
    [entityPage],
  );
  return { entityPage, readinessTab };
}
