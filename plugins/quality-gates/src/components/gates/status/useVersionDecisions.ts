import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { GateDecision } from '@can-i-deploy/plugin-quality-gates-common';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';

/**
 * The newest decision about one version in each environment, the overrides
 * in force for it, and asking again in one environment. A decision about
 * another version is never taken for this one.
 */
export function useVersionDecisions(entityRef: string, version: string) {
  const api = useApi(qualityGatesApiRef);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads(count => count + 1), []);
  const [evaluating, setEvaluating] = useState<Record<string, boolean>>({});
  const [failures, setFailures] = useState<Record<string, Error>>({});

  const decisions = useAsync(async () => {
    if (!version) return new Map<string, GateDecision>();
    const { items } = await api.latestDecisions(entityRef, version);
    return new Map(
      items
        .filter(decision => decision.version === version)
        .map(decision => [decision.environment, decision]),
    );
  }, [api, entityRef, version, reloads]);

  const overrides = useAsync(async () => {
    if (!version) return [];
    const { items } = await api.listOverrides({
      entityRef,
      version,
      active: true,
    });
    return items.filter(override => override.version === version);
  }, [api, entityRef, version, reloads]);

  const evaluate = useCallback(
    async (environment: string) => {
      setEvaluating(current => ({ ...current, [environment]: true }));
      setFailures(({ [environment]: _, ...rest }) => rest);
      try {
        await api.evaluateGates({
          entityRef,
          environment,
          version,
          trigger: 'manual',
        });
      } catch (error) {
        setFailures(current => ({
          ...current,
          [environment]: error as Error,
        }));
      } finally {
        setEvaluating(current => ({ ...current, [environment]: false }));
        reload();
      }
    },
    [api, entityRef, version, reload],
  );

  return { decisions, overrides, evaluate, evaluating, failures, reload };
}
