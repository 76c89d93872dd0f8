import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  formatOverviewQuery,
  OverviewQuery,
  parseOverviewQuery,
} from './overviewQuery';

/**
 * The overview's filters, sort and page, kept in the URL so a filtered view
 * can be shared as a link. A change of filter or sort goes back to page one.
 */
export function useOverviewQuery() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseOverviewQuery(searchParams), [searchParams]);

  const update = useCallback(
    (change: Partial<OverviewQuery>) => {
      const next: OverviewQuery = {
        ...query,
        page: 0,
        ...change,
      };
      setSearchParams(formatOverviewQuery(next), { replace: true });
    },
    [query, setSearchParams],
  );

  const reset = useCallback(
    () => setSearchParams(new URLSearchParams(), { replace: true }),
    [setSearchParams],
  );

  return { query, update, reset };
}
