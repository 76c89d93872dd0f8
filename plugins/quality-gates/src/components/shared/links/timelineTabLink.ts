import { useCallback } from 'react';
import { useEntityLinks } from './useEntityLinks';

/**
 * Where the app mounts the deploy timeline tab on an entity page.
 *
 * @public
 */
export const ENTITY_TIMELINE_TAB_PATH = 'deploy-timeline';

/** Builds links to an entity's deploy timeline, a deployment opened. */
export function useTimelineTabLink() {
  const { entityPage } = useEntityLinks();
  return useCallback(
    (entityRef: string, deploymentId?: string) =>
      `${entityPage(entityRef).replace(/\/$/, '')}/${ENTITY_TIMELINE_TAB_PATH}${
        deploymentId
          ? `?${new URLSearchParams({ deployment: deploymentId })}`
          : ''
      }`,
    [entityPage],
  );
}
