import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { readinessOverviewRouteRef } from '../../../routes';

function useOptionalOverviewRoute() {
  try {
    return useRouteRef(readinessOverviewRouteRef);
  } catch {
    // The app does not mount the readiness overview: nothing to link to.
    return undefined;
  }
}

/**
 * Builds a link to the readiness overview with the given filters in its
 * URL (as the page keeps them); undefined when the app has no overview.
 */
export function useReadinessOverviewLink() {
  const route = useOptionalOverviewRoute();
  return useCallback(
    (filters: Record<string, string>): string | undefined => {
      if (!route) return undefined;
      const query = new URLSearchParams(filters).toString();
      return query ? `${route()}?${query}` : route();
    },
    [route],
  );
}
