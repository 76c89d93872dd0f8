import { GateMode } from '@can-i-deploy/plugin-quality-gates-common';

/**
 * Gates that decide first, then those only watched; by title within each.
 */
export function byModeAndTitle<T extends { mode: GateMode; gateTitle: string }>(
  gates: readonly T[],
): T[] {
  const rank = (mode: GateMode) => (mode === 'enforce' ? 0 : 1);
  return [...gates].sort(
    (a, b) =>
      rank(a.mode) - rank(b.mode) || a.gateTitle.localeCompare(b.gateTitle),
  );
}

/** Whether a gate blocks the answer now: opened by default. */
export function blocks(gate: {
  mode: GateMode;
  effectiveVerdict: string;
}): boolean {
  return (
    gate.mode === 'enforce' &&
    (gate.effectiveVerdict === 'fail' || gate.effectiveVerdict === 'error')
  );
}

/**
 * The verdict a gate is shown with: what counts for enforced gates (after
 * an override), what was measured for gates that do not count.
 */
export function shownVerdict(gate: {
  mode: GateMode;
  verdict: string;
  effectiveVerdict: string;
}): string {
  return gate.mode === 'enforce' ? gate.effectiveVerdict : gate.verdict;
}
