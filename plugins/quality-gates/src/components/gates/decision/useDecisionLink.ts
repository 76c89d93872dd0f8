import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { gateDecisionRouteRef } from '../../../routes';

function useOptionalDecisionRoute() {
  try {
    return useRouteRef(gateDecisionRouteRef);
  } catch {
    // The app does not mount the gate history page: no decision pages.
    return undefined;
  }
}

/** Builds the link to a decision's own page; undefined when there is none. */
export function useDecisionLink() {
  const route = useOptionalDecisionRoute();
  return useCallback(
    (decisionId: string): string | undefined =>
      route ? route({ decisionId }) : undefined,
    [route],
  );
}
