import { GateDecisionSummary } from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { GateModeBadge } from '../decision/GateModeBadge';
import { byModeAndTitle, shownVerdict } from '../decision/gateOrder';
import { overrideSentence } from '../override/overrideSentence';
import { GateVerdictChip } from '../verdicts/GateVerdictChip';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: theme.spacing(1, 0),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.75),
  },
  gate: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  override: {
    flexBasis: '100%',
    paddingLeft: theme.spacing(1),
    overflowWrap: 'anywhere',
  },
}));

/** The gates of a listed decision: what each acted as, marks and overrides. */
export function DecisionGateList(props: {
  gates: GateDecisionSummary['gates'];
}) {
  const classes = useStyles();
  if (props.gates.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No gate was evaluated.
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label="Gates">
      {byModeAndTitle(props.gates).map(gate => {
        const overridden = overrideSentence(gate);
        return (
          <li key={gate.id} className={classes.gate} data-gate={gate.gateId}>
            <GateVerdictChip verdict={shownVerdict(gate)} size="small" />
            <Typography variant="body2">{gate.gateTitle}</Typography>
            <GateModeBadge mode={gate.mode} />
            {overridden && (
              <Typography
                variant="caption"
                className={classes.override}
                data-role="overridden"
              >
                {overridden}
              </Typography>
            )}
          </li>
        );
      })}
    </ul>
  );
}
