import { ReadinessCheckState } from '@can-i-deploy/plugin-quality-gates-common';

/** The word and colour a state is shown with. */
export interface ReadinessStateStyle {
  label: string;
  /** Seven colours far enough apart to tell without the word, too. */
  color: string;
}

export const READINESS_STATE_STYLES: Record<
  ReadinessCheckState,
  ReadinessStateStyle
> = {
  passed: { label: 'Passed', color: '#2e7d32' },
  warning: { label: 'Warning', color: '#ed6c02' },
  failed: { label: 'Failed', color: '#d32f2f' },
  error: { label: 'Error', color: '#9c27b0' },
  not_reported: { label: 'Not reported', color: '#546e7a' },
  exempt: { label: 'Exempt', color: '#0277bd' },
  not_applicable: { label: 'Not applicable', color: '#9e9e9e' },
};

/** The label of a state, or the raw value for one this version does not know. */
export function readinessStateLabel(state: string): string {
  return READINESS_STATE_STYLES[state as ReadinessCheckState]?.label ?? state;
}
