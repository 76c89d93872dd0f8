import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';

/**
 * An entity's stored readiness and history, reloaded after anything that
 * changes them (an evaluation, an exemption). While reloading, the previous
 * answer stays on screen.
 */
export function useEntityReadiness(entityRef: string) {
  const api = useApi(qualityGatesApiRef);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads(count => count + 1), []);

  const readiness = useAsync(
    () => api.getEntityReadiness(entityRef),
    [api, entityRef, reloads],
  );
  const history = useAsync(
    () => api.getEntityReadinessHistory(entityRef),
    [api, entityRef, reloads],
  );
  const [evaluation, evaluate] = useAsyncFn(async () => {
    await api.evaluateEntityReadiness(entityRef);
    reload();
  }, [api, entityRef, reload]);

  return { readiness, history, evaluation, evaluate, reload };
}
