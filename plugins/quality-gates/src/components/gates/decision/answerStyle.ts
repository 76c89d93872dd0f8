import { DecisionAnswer } from '@can-i-deploy/plugin-quality-gates-common';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import HourglassEmptyIcon from '@material-ui/icons/HourglassEmpty';

/** An answer, or none yet for the version asked about. */
export type ShownAnswer = DecisionAnswer | 'none';

export interface AnswerStyle {
  label: string;
  color: string;
  Icon: typeof CheckCircleIcon;
}

const STYLES: Record<ShownAnswer, AnswerStyle> = {
  yes: { label: 'Yes', color: '#2e7d32', Icon: CheckCircleIcon },
  no: { label: 'No', color: '#c62828', Icon: CancelIcon },
  not_yet: { label: 'Not yet', color: '#e65100', Icon: HourglassEmptyIcon },
  error: { label: 'Error', color: '#6a1b9a', Icon: ErrorOutlineIcon },
  none: { label: 'Not evaluated yet', color: '#546e7a', Icon: HelpOutlineIcon },
};

/** The word, colour and icon of an answer: colour is never the only cue. */
export function answerStyle(answer: string): AnswerStyle {
  return (
    STYLES[answer as ShownAnswer] ?? {
      ...STYLES.error,
      label: answer,
    }
  );
}

export const DECISION_ANSWERS: DecisionAnswer[] = [
  'yes',
  'no',
  'not_yet',
  'error',
];
