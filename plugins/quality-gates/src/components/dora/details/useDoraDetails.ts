import { useApi } from '@backstage/core-plugin-api';
import { DoraMetricName } from '@can-i-deploy/plugin-quality-gates-common';
import useAsync from 'react-use/esm/useAsync';
import {
  DoraScopeRequest,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';

/**
 * One page of the rows behind a figure, over the figure's own window. The
 * scope must keep its identity between renders (memoise it).
 */
export function useDoraDetails(options: {
  scope: DoraScopeRequest;
  metric: DoraMetricName;
  window: { from: string; to: string };
  page: number;
  pageSize: number;
}) {
  const api = useApi(qualityGatesApiRef);
  const { scope, metric, window, page, pageSize } = options;
  return useAsync(
    () =>
      api.getDoraDetails(scope, metric, {
        from: window.from,
        to: window.to,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [api, scope, metric, window.from, window.to, page, pageSize],
  );
}
