import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import { ChangeDirection, MetricChange } from './metricChange';

const useStyles = makeStyles(theme => ({
  change: {
    fontWeight: theme.typography.fontWeightMedium as number,
    '& svg': { verticalAlign: 'text-bottom', marginRight: theme.spacing(0.25) },
  },
  // The dark shades: the light ones are hard to read as text.
  better: { color: theme.palette.success.dark },
  worse: { color: theme.palette.error.dark },
  same: { color: theme.palette.text.secondary },
  none: { color: theme.palette.text.secondary },
  // Read out, not shown: the arrow and colour already say it on screen.
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

const DIRECTION_WORDS: Record<ChangeDirection, string> = {
  better: 'better',
  worse: 'worse',
  same: 'unchanged',
  none: 'not comparable',
};

/**
 * The change against the previous window: an arrow for which way the value
 * went, green when that is better and red when worse, and the words for
 * both, so colour is never the only signal.
 */
export function ChangeIndicator(props: {
  change: MetricChange;
  previousDays: number;
}) {
  const classes = useStyles();
  const { change } = props;
  const Arrow = change.rising ? ArrowUpwardIcon : ArrowDownwardIcon;
  const judged = change.direction === 'better' || change.direction === 'worse';
  return (
    <Typography variant="body2" component="div" color="textSecondary">
      <span
        className={`${classes.change} ${classes[change.direction]}`}
        data-direction={change.direction}
        title={DIRECTION_WORDS[change.direction]}
      >
        {change.rising !== null && <Arrow fontSize="inherit" />}
        {change.text}
        {judged && (
          <span className={classes.visuallyHidden}>, {change.direction}</span>
        )}
      </span>{' '}
      {change.direction === 'none' ? 'the' : 'vs'} previous {props.previousDays}{' '}
      days
    </Typography>
  );
}
