import { CriterionState, GateVerdict } from './GateEvaluation';

/**
 * Points a criterion earns: its weight when it passes, half when it warns,
 * none when it fails, errs or has no data.
 *
 * @public
 */
export function criterionPoints(state: CriterionState, weight: number): number {
  if (state === 'pass') return weight;
  if (state === 'warning') return weight / 2;
  return 0;
}

/**
 * A gate's verdict from its criteria (Keptn's scoring, failing closed):
 * any criterion in `error` makes the verdict `error`; a failing key
 * criterion fails the gate; otherwise the score — 100·Σpoints/Σweight —
 * passes at `passPercent`, warns at `warningPercent`, else fails. A gate
 * without criteria is an `error`: nothing was checked.
 *
 * @public
 */
export function scoreGate(
  criteria: Array<{
    state: CriterionState;
    weight: number;
    keyCriterion: boolean;
  }>,
  thresholds: { passPercent: number; warningPercent: number },
): { verdict: GateVerdict; score: number | null } {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (criteria.length === 0 || totalWeight <= 0) {
    return { verdict: 'error', score: null };
  }
  const points = criteria.reduce(
    (sum, c) => sum + criterionPoints(c.state, c.weight),
    0,
  );
  const score = Math.round((10000 * points) / totalWeight) / 100;
  if (criteria.some(c => c.state === 'error'))
    return { verdict: 'error', score };
  if (
    criteria.some(
      c => c.keyCriterion && (c.state === 'fail' || c.state === 'no_data'),
    )
  ) {
    return { verdict: 'fail', score };
  }
  if (score >= thresholds.passPercent) return { verdict: 'pass', score };
  if (score >= thresholds.warningPercent) return { verdict: 'warn', score };
  return { verdict: 'fail', score };
}

/**
 * What a caller acts on: warn-only turns fail and error into warn, dry-run
 * always passes (the verdict is recorded, not applied), an active override
 * replaces the verdict.
 *
 * @public
 */
export function effectiveGateVerdict(
  verdict: GateVerdict,
  mode: 'enforce' | 'warn-only' | 'dry-run',
  override?: { verdict: 'pass' | 'fail'; active: boolean },
): GateVerdict {
  if (override?.active) return override.verdict;
  if (mode === 'dry-run') return 'pass';
  if (mode === 'warn-only' && (verdict === 'fail' || verdict === 'error')) {
    return 'warn';
  }
  return verdict;
}
