import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  parseTimelineRange,
  rangeKey,
  resolveTimelineRange,
  TimelineRange,
  withTimelineRange,
} from './timelineRange';

/**
 * The range shown, kept in the URL so a view can be shared as a link, and
 * its ISO times. A preset is resolved against "now" once per choice, not
 * on every render, so requests stay the same while the page is open.
 */
export function useTimelineRange() {
  const [searchParams, setSearchParams] = useSearchParams();
  const range = parseTimelineRange(searchParams);
  const key = rangeKey(range);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableRange = useMemo(() => range, [key]);
  const window = useMemo(
    () => resolveTimelineRange(stableRange),
    [stableRange],
  );

  const setRange = useCallback(
    (next: TimelineRange) =>
      setSearchParams(current => withTimelineRange(current, next), {
        replace: true,
      }),
    [setSearchParams],
  );
  return { range: stableRange, window, setRange };
}
