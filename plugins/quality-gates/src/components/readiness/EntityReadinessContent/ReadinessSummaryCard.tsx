import { InfoCard } from '@backstage/core-components';
import {
  ReadinessLevel,
  ReadinessSummary,
} from '@can-i-deploy/plugin-quality-gates-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import { ReadinessLevelChip } from '../levels/ReadinessLevelChip';
import { ReadinessLevelLadder } from '../levels/ReadinessLevelLadder';
import { levelTitle } from '../levels/levelStyle';
import { ReadinessStateCountList } from '../states/ReadinessStateCountList';
import { RelativeTime } from '../../shared/format/RelativeTime';

const useStyles = makeStyles(theme => ({
  headline: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  section: {
    marginBottom: theme.spacing(2),
  },
}));

function EvaluateButton(props: {
  evaluating: boolean;
  onEvaluate: () => void;
}) {
  return (
    <Button
      variant="outlined"
      color="primary"
      onClick={props.onEvaluate}
      disabled={props.evaluating}
      startIcon={
        props.evaluating ? <CircularProgress size={16} /> : <RefreshIcon />
      }
    >
      {props.evaluating ? 'Evaluating…' : 'Evaluate now'}
    </Button>
  );
}

/**
 * Where the entity stands: the level on the ladder, the score, how many
 * checks are in each state and when that was last found out. Without
 * `onEvaluate` (the caller may not evaluate now) there is no button.
 */
export function ReadinessSummaryCard(props: {
  levels: ReadinessLevel[];
  summary?: ReadinessSummary;
  evaluating: boolean;
  onEvaluate?: () => void;
}) {
  const classes = useStyles();
  const { levels, summary, onEvaluate } = props;
  const evaluate = onEvaluate && (
    <EvaluateButton evaluating={props.evaluating} onEvaluate={onEvaluate} />
  );

  if (!summary) {
    return (
      <InfoCard title="Production readiness">
        <Typography className={classes.section}>
          Not evaluated yet. The scheduled job evaluates every entity;{' '}
          {evaluate
            ? 'evaluate now to see the results at once.'
            : 'the results appear after its next run.'}
        </Typography>
        <ReadinessLevelLadder levels={levels} level={null} nextLevel={null} />
        {evaluate && <Box mt={2}>{evaluate}</Box>}
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Production readiness">
      <div className={classes.headline}>
        <ReadinessLevelChip
          levels={levels}
          level={summary.level}
          size="medium"
        />
        <Typography variant="h5" component="p">
          {summary.score === null
            ? 'No score: no check applies'
            : `Score ${summary.score}%`}
        </Typography>
        {summary.nextLevel && (
          <Typography variant="body2" color="textSecondary">
            Next: {levelTitle(levels, summary.nextLevel)}
          </Typography>
        )}
      </div>
      <div className={classes.section}>
        <ReadinessLevelLadder
          levels={levels}
          level={summary.level}
          nextLevel={summary.nextLevel}
        />
      </div>
      <div className={classes.section}>
        <ReadinessStateCountList counts={summary.counts} />
      </div>
      <div className={classes.headline}>
        <Typography variant="body2">
          Last evaluated <RelativeTime iso={summary.evaluatedAt} withAbsolute />
        </Typography>
        {evaluate}
      </div>
    </InfoCard>
  );
}
