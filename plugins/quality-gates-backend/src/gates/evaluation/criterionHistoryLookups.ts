import { parseComparison } from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionConfig, GateConfig } from '../definitions/gateSchema';
import { CriterionHistoryRequest } from '../store/criterionHistory';
import { GateEvaluationStore } from '../store/GateEvaluationStore';
import { settle } from './earlyMeasurements';

/** The baseline a criterion compares with, when a threshold is relative. */
export function relativeBaseline(
  criterion: CriterionConfig,
): NonNullable<CriterionConfig['baseline']> | undefined {
  const relative = (criterion.pass ?? [])
    .concat(criterion.warning ?? [])
    .some(text => parseComparison(text).relative);
  if (!relative) return undefined;
  return criterion.baseline ?? { from: 5, aggregate: 'avg' as const };
}

/** The history lookups a criterion's judgement needs. */
export interface CriterionHistoryLookups {
  passingObservations(key: string, count: number): Promise<number[]>;
  recentStates(key: string, count: number): Promise<string[]>;
}

/**
 * One gate's baseline and flaky-tolerance history, read in one statement
 * as soon as the request shows the gate may apply, so that it is there
 * when the queries answer instead of being asked for after them. A
 * component's file cannot change a central criterion's baseline and can
 * only lower its flaky tolerance, so the read covers what the tightened
 * criteria ask; anything it does not cover is read on its own.
 */
export function readGateHistoryEarly(
  store: GateEvaluationStore,
  gate: GateConfig,
  scope: { entityRef: string; environment: string },
): CriterionHistoryLookups {
  const passing: CriterionHistoryRequest[] = [];
  const recent: CriterionHistoryRequest[] = [];
  for (const criterion of gate.criteria) {
    const baseline = relativeBaseline(criterion);
    if (baseline && 'from' in baseline) {
      passing.push({ key: criterion.key, count: baseline.from });
    }
    if ((criterion.flakyTolerance ?? 0) > 0) {
      recent.push({ key: criterion.key, count: criterion.flakyTolerance! });
    }
  }
  const lookupScope = { gateId: gate.id, ...scope };
  const read =
    passing.length + recent.length > 0
      ? settle(
          Promise.resolve().then(() =>
            store.criterionHistory(lookupScope, { passing, recent }),
          ),
        )
      : undefined;
  const covered = (
    requests: CriterionHistoryRequest[],
    key: string,
    count: number,
  ) =>
    read &&
    requests.some(request => request.key === key && request.count >= count);
  const fromRead = async <T>(
    pick: (history: {
      passing: Map<string, number[]>;
      recent: Map<string, string[]>;
    }) => T[],
    count: number,
  ) => {
    const settled = await read!;
    if ('error' in settled) throw settled.error;
    return pick(settled.value).slice(0, count);
  };
  return {
    passingObservations: (key, count) =>
      covered(passing, key, count)
        ? fromRead(history => history.passing.get(key)!, count)
        : store.passingObservations({ ...lookupScope, key, count }),
    recentStates: (key, count) =>
      covered(recent, key, count)
        ? fromRead(history => history.recent.get(key)!, count)
        : store.recentStates({ ...lookupScope, key, count }),
  };
}
