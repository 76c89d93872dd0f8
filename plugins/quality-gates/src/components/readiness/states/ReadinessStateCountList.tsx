import {
  READINESS_CHECK_STATES,
  ReadinessStateCounts,
} from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReadinessStateChip } from './ReadinessStateChip';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  entry: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
}));

/** How many checks are in each state; states with none are left out. */
export function ReadinessStateCountList(props: {
  counts: ReadinessStateCounts;
}) {
  const classes = useStyles();
  const present = READINESS_CHECK_STATES.filter(
    state => (props.counts[state] ?? 0) > 0,
  );
  return (
    <ul className={classes.list} aria-label="Checks by state">
      {present.map(state => (
        <li key={state} className={classes.entry}>
          <Typography variant="h6" component="span">
            {props.counts[state]}
          </Typography>
          <ReadinessStateChip state={state} />
        </li>
      ))}
    </ul>
  );
}
