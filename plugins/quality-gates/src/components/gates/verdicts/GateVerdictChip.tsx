import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { verdictIcon } from '../../shared/verdicts/verdictIcons';
import { verdictStyle } from '../../shared/verdicts/verdictStyle';

const useStyles = makeStyles(theme => ({
  large: {
    height: 40,
    borderRadius: 20,
    padding: theme.spacing(0, 1),
    fontSize: theme.typography.h6.fontSize,
    fontWeight: 600,
    '& svg': {
      fontSize: 26,
    },
  },
  small: {
    fontWeight: 600,
  },
}));

/**
 * A gate verdict as a filled chip with an icon and a word: the colour is
 * never the only cue.
 */
export function GateVerdictChip(props: {
  verdict: string;
  size?: 'large' | 'small';
}) {
  const classes = useStyles();
  const style = verdictStyle(props.verdict);
  const Icon = verdictIcon(props.verdict);
  const large = props.size !== 'small';
  return (
    <Chip
      className={large ? classes.large : classes.small}
      size={large ? 'medium' : 'small'}
      label={style.label}
      icon={<Icon style={{ color: '#fff' }} />}
      style={{ backgroundColor: style.color, color: '#fff' }}
      data-verdict={props.verdict}
    />
  );
}
