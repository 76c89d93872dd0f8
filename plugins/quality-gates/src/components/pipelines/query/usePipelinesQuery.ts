import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  parsePipelinesQuery,
  PipelinesQuery,
  RUN_FILTERS,
  withPipelinesQuery,
} from './pipelinesQuery';

/**
 * The tab's filters, page, selected run and path, kept in the URL so a view
 * can be shared and the timeline can link into it. A change of filter goes
 * back to page one. A change made with `push` is a history entry of its
 * own (opening a trace), so Back undoes it.
 */
export function usePipelinesQuery() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(
    () => parsePipelinesQuery(searchParams),
    [searchParams],
  );
  // Two changes may land before the URL does: each builds on the last.
  const latest = useRef(query);
  latest.current = query;

  const update = useCallback(
    (change: Partial<PipelinesQuery>, options: { push?: boolean } = {}) => {
      const filterChanged = RUN_FILTERS.some(name => name in change);
      const next: PipelinesQuery = {
        ...latest.current,
        ...(filterChanged ? { page: 0 } : {}),
        ...change,
      };
      latest.current = next;
      setSearchParams(current => withPipelinesQuery(current, next), {
        replace: !options.push,
      });
    },
    [setSearchParams],
  );
  return { query, update };
}
