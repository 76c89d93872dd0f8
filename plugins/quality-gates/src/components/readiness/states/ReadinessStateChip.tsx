import { ReadinessCheckState } from '@can-i-deploy/plugin-quality-gates-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import WarningIcon from '@material-ui/icons/Warning';
import { READINESS_STATE_STYLES } from './readinessStateStyle';

const ICONS: Record<ReadinessCheckState, typeof CheckCircleIcon> = {
  passed: CheckCircleIcon,
  warning: WarningIcon,
  failed: CancelIcon,
  error: ErrorOutlineIcon,
  not_reported: HelpOutlineIcon,
  exempt: VerifiedUserIcon,
  not_applicable: BlockIcon,
};

const useStyles = makeStyles({
  chip: {
    borderWidth: 2,
    fontWeight: 500,
  },
});

/**
 * A check or item state as an icon, a word and a colour: never the colour
 * alone.
 */
export function ReadinessStateChip(props: {
  state: ReadinessCheckState;
  size?: 'small' | 'medium';
}) {
  const classes = useStyles();
  const style = READINESS_STATE_STYLES[props.state];
  const Icon = ICONS[props.state];
  if (!style || !Icon) {
    // A state a newer backend knows: show it as it came.
    return <Chip variant="outlined" size="small" label={props.state} />;
  }
  return (
    <Chip
      className={classes.chip}
      variant="outlined"
      size={props.size ?? 'small'}
      label={style.label}
      icon={<Icon style={{ color: style.color }} />}
      style={{ borderColor: style.color }}
      data-state={props.state}
    />
  );
}
