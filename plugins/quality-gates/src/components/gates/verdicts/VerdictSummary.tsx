import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { GateVerdictChip } from './GateVerdictChip';
import { explainEffectiveVerdict } from './verdictExplanation';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  labelled: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

/**
 * The recorded verdict as a big chip. When callers act on another one
 * (dry-run, warn-only, an override), that one too, and why.
 */
export function VerdictSummary(props: { evaluation: GateEvaluation }) {
  const classes = useStyles();
  const { evaluation } = props;
  const explanation = explainEffectiveVerdict(evaluation);
  return (
    <div data-verdict-summary>
      <div className={classes.chips}>
        {explanation ? (
          <>
            <span className={classes.labelled} data-role="recorded">
              <Typography variant="caption" color="textSecondary">
                Recorded
              </Typography>
              <GateVerdictChip verdict={evaluation.verdict} />
            </span>
            <span className={classes.labelled} data-role="effective">
              <Typography variant="caption" color="textSecondary">
                Acts as
              </Typography>
              <GateVerdictChip verdict={evaluation.effectiveVerdict} />
            </span>
          </>
        ) : (
          <GateVerdictChip verdict={evaluation.verdict} />
        )}
      </div>
      {explanation && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          {explanation}
        </Typography>
      )}
    </div>
  );
}
