import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import WarningIcon from '@material-ui/icons/Warning';

type Icon = typeof CheckCircleIcon;

/** One icon per verdict or state, so colour is never the only cue. */
const ICONS: Record<string, Icon> = {
  pass: CheckCircleIcon,
  warn: WarningIcon,
  warning: WarningIcon,
  fail: CancelIcon,
  error: ErrorOutlineIcon,
  no_data: HelpOutlineIcon,
};

export function verdictIcon(verdictOrState: string): Icon {
  return ICONS[verdictOrState] ?? HelpOutlineIcon;
}
