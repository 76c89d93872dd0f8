import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import { formatAbsoluteTime } from '../../shared/format/formatTime';
import { verdictStyle } from '../../shared/verdicts/verdictStyle';

/** Why the effective verdict differs from the recorded one, in a few words. */
function reasonForDifference(
  evaluation: Pick<GateEvaluation, 'mode' | 'verdict' | 'override'>,
): string | undefined {
  const { override } = evaluation;
  if (override?.active) {
    return `overridden to ${verdictStyle(
      override.verdict,
    ).label.toLowerCase()} by ${override.createdBy} until ${formatAbsoluteTime(
      override.expiresAt,
    )}`;
  }
  if (evaluation.mode === 'dry-run') return 'dry-run, not enforced';
  if (evaluation.mode === 'warn-only')
    return 'warn-only, reported as a warning';
  return undefined;
}

/**
 * The recorded verdict and why callers act on another one, e.g. "Fail —
 * dry-run, not enforced"; undefined when the recorded verdict is the one
 * that counts.
 */
export function explainEffectiveVerdict(
  evaluation: Pick<
    GateEvaluation,
    'mode' | 'verdict' | 'effectiveVerdict' | 'override'
  >,
): string | undefined {
  if (evaluation.effectiveVerdict === evaluation.verdict) return undefined;
  const reason = reasonForDifference(evaluation) ?? 'not enforced';
  return `${verdictStyle(evaluation.verdict).label} — ${reason}`;
}
