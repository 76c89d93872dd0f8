import { ReadinessCheckState } from '@can-i-deploy/plugin-quality-gates-common';

/** What needs work comes first; what asks nothing comes last. */
const STATE_RANK: Record<ReadinessCheckState, number> = {
  failed: 0,
  error: 1,
  not_reported: 2,
  warning: 3,
  exempt: 4,
  passed: 5,
  not_applicable: 6,
};

export function byStateThenOrder<T extends { result: { state: string } }>(
  checks: T[],
): T[] {
  const rank = (check: T) =>
    STATE_RANK[check.result.state as ReadinessCheckState] ?? 2;
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check) - rank(b.check) || a.index - b.index)
    .map(({ check }) => check);
}

/** Failed, errored or not reported: the checks the overview calls failing. */
export function isFailingState(state: string): boolean {
  return state === 'failed' || state === 'error' || state === 'not_reported';
}
