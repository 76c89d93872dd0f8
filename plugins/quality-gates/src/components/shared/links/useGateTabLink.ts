import { useCallback } from 'react';
import { useEntityLinks } from './useEntityLinks';

/** Where the app mounts the "Can I deploy?" tab on an entity page. */
export const ENTITY_GATES_TAB_PATH = 'quality-gates';

/** Builds links to an entity's "Can I deploy?" tab. */
export function useGateTabLink() {
  const { entityPage } = useEntityLinks();
  return useCallback(
    (entityRef: string) =>
      `${entityPage(entityRef).replace(/\/$/, '')}/${ENTITY_GATES_TAB_PATH}`,
    [entityPage],
  );
}
