import {
  CriterionState,
  GateVerdict,
} from '@can-i-deploy/plugin-quality-gates-common';

/** The word and colour a verdict or state is shown with. */
export interface VerdictStyle {
  label: string;
  /** Far enough apart to tell without the word, too. */
  color: string;
}

export const GATE_VERDICT_STYLES: Record<GateVerdict, VerdictStyle> = {
  pass: { label: 'Pass', color: '#2e7d32' },
  warn: { label: 'Warn', color: '#e65100' },
  fail: { label: 'Fail', color: '#c62828' },
  error: { label: 'Error', color: '#6a1b9a' },
};

export const CRITERION_STATE_STYLES: Record<CriterionState, VerdictStyle> = {
  pass: { label: 'Pass', color: '#2e7d32' },
  warning: { label: 'Warning', color: '#e65100' },
  fail: { label: 'Fail', color: '#c62828' },
  error: { label: 'Error', color: '#6a1b9a' },
  no_data: { label: 'No data', color: '#546e7a' },
};

/** A newer backend may send a verdict this version does not know. */
const UNKNOWN: VerdictStyle = { label: '', color: '#757575' };

export function verdictStyle(verdict: string): VerdictStyle {
  return (
    GATE_VERDICT_STYLES[verdict as GateVerdict] ?? {
      ...UNKNOWN,
      label: verdict,
    }
  );
}

export function criterionStateStyle(state: string): VerdictStyle {
  return (
    CRITERION_STATE_STYLES[state as CriterionState] ?? {
      ...UNKNOWN,
      label: state,
    }
  );
}

export const GATE_VERDICTS: GateVerdict[] = ['pass', 'warn', 'fail', 'error'];
