import { useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  DoraScopeRequest,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { windowEndingNow } from '../window/doraWindow';

/**
 * The figures and weekly trend of a scope over the last `days` days, or,
 * without `days`, over the backend's default window (which follows the
 * scope's data, up to 90 days). Both calls share one window so they agree:
 * the trend waits for the default window the figures answered with. While
 * a new window loads, the old answer stays on screen. The scope must be
 * memoised by the caller.
 */
export function useDoraFigures(scope: DoraScopeRequest, days?: number) {
  const api = useApi(qualityGatesApiRef);
  const chosen = useMemo(
    () => (days === undefined ? undefined : windowEndingNow(days)),
    [days],
  );
  const metrics = useAsync(
    () => api.getDoraMetrics(scope, chosen),
    [api, scope, chosen],
  );
  const answered = metrics.value?.window;
  const from = chosen?.from ?? answered?.from;
  const to = chosen?.to ?? answered?.to;
  const trend = useAsync(async () => {
    if (from === undefined || to === undefined) return undefined;
    return api.getDoraTrend(scope, { from, to });
  }, [api, scope, from, to]);
  return { metrics, trend };
}
