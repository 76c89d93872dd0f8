import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  formatHistoryQuery,
  HistoryQuery,
  parseHistoryQuery,
} from './historyQuery';

/**
 * The history's filters and page, kept in the URL so a filtered view can be
 * shared as a link. A change of filter goes back to page one.
 */
export function useHistoryQuery() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseHistoryQuery(searchParams), [searchParams]);
  // Two filters may change before the URL does (typing pauses end together):
  // each change builds on the one before, not on the last render.
  const latest = useRef(query);
  latest.current = query;

  const update = useCallback(
    (change: Partial<HistoryQuery>) => {
      const next: HistoryQuery = { ...latest.current, page: 0, ...change };
      latest.current = next;
      setSearchParams(formatHistoryQuery(next), { replace: true });
    },
    [setSearchParams],
  );

  // Clearing the filters stays on the view shown.
  const reset = useCallback(() => {
    const { view } = latest.current;
    const next = { ...parseHistoryQuery(new URLSearchParams()), view };
    latest.current = next;
    setSearchParams(formatHistoryQuery(next), { replace: true });
  }, [setSearchParams]);

  return { query, update, reset };
}
