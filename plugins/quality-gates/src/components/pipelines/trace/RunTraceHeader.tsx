import { PipelineRunSummary } from '@can-i-deploy/plugin-quality-gates-common';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import { formatDuration } from '../../shared/format/formatDuration';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { PipelineResultChip } from '../../shared/pipelines/PipelineResultChip';

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 2),
    color: theme.palette.text.secondary,
  },
  mono: { fontFamily: 'monospace' },
}));

/** `build #412 (attempt 2)`: how people name a run. */
export function runTitle(run: PipelineRunSummary): string {
  const attempt =
    run.runAttempt && run.runAttempt > 1 ? ` (attempt ${run.runAttempt})` : '';
  return `${run.pipelineName} #${run.runId ?? run.externalId}${attempt}`;
}

/**
 * Which run's trace is open: its name, result, start and length. A link to
 * a trace alone (no run) names the trace.
 */
export function RunTraceHeader(props: {
  run?: PipelineRunSummary;
  traceId?: string;
  titleId: string;
  onClose: () => void;
}) {
  const classes = useStyles();
  const { run, traceId } = props;
  return (
    <header className={classes.header}>
      <div>
        <Typography variant="h5" component="h2" id={props.titleId}>
          Trace of {run ? runTitle(run) : 'the selected run'}
        </Typography>
        <Typography variant="body2" component="div" className={classes.facts}>
          {run && <PipelineResultChip result={run.result} />}
          {run && (
            <span>
              Started <RelativeTime iso={run.startedAt} />
            </span>
          )}
          {run?.durationSeconds !== undefined && (
            <span>Took {formatDuration(run.durationSeconds)}</span>
          )}
          {traceId && (
            <span>
              Trace <span className={classes.mono}>{traceId}</span>
            </span>
          )}
        </Typography>
      </div>
      <IconButton aria-label="Close" onClick={props.onClose}>
        <CloseIcon />
      </IconButton>
    </header>
  );
}
