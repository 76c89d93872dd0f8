import {
  GateEvaluation,
  GateOverride,
} from '@can-i-deploy/plugin-quality-gates-common';
import { formatAbsoluteTime } from '../../shared/format/formatTime';
import { personName } from '../decision/decisionWords';
import { verdictStyle } from '../../shared/verdicts/verdictStyle';

/** "until Dec 7, 2026, 10:00 AM", or how it ended. */
function ending(override: GateOverride): string {
  if (override.revokedAt) {
    return `, revoked by ${personName(override.revokedBy)} ${formatAbsoluteTime(
      override.revokedAt,
    )}`;
  }
  const until = formatAbsoluteTime(override.expiresAt);
  return override.active ? `, until ${until}` : `, expired ${until}`;
}

/**
 * What was measured and who overrode it, why and until when, e.g. "fail,
 * overridden by jane because the spike is the load test, until Dec 7,
 * 2026, 10:00 AM". Undefined without an override.
 */
export function overrideSentence(
  evaluation: Pick<GateEvaluation, 'verdict' | 'override'>,
): string | undefined {
  const { override } = evaluation;
  if (!override) return undefined;
  const measured = verdictStyle(evaluation.verdict).label.toLowerCase();
  const to = override.verdict === 'fail' ? ' to fail' : '';
  return `${measured}, overridden${to} by ${personName(
    override.createdBy,
  )} because ${override.reason}${ending(override)}`;
}
