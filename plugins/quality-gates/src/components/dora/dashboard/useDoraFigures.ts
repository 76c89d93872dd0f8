import { useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  DoraScopeRequest,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { windowEndingNow } from '../window/doraWindow';

/**
 * The figures and weekly trend of a scope over the last `days` days. Both
 * calls share one window so they agree; while a new window loads, the old
 * answer stays on screen. The scope must be memoised by the caller.
 */
export function useDoraFigures(scope: DoraScopeRequest, days: number) {
  const api = useApi(qualityGatesApiRef);
  const window = useMemo(() => windowEndingNow(days), [days]);
  const metrics = useAsync(
    () => api.getDoraMetrics(scope, window),
    [api, scope, window],
  );
  const trend = useAsync(
    () => api.getDoraTrend(scope, window),
    [api, scope, window],
  );
  return { metrics, trend };
}
