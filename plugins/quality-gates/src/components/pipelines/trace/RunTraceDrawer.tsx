import { useId } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { PipelineRunSummary } from '@can-i-deploy/plugin-quality-gates-common';
import Drawer from '@material-ui/core/Drawer';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import useWindowSize from 'react-use/esm/useWindowSize';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { TraceWaterfall } from '../../traces';
import { RunTraceHeader } from './RunTraceHeader';

/**
 * Room the drawer's header, the trace summary, toolbar, overview and time
 * ruler take above the rows: the rows get the rest of the viewport.
 */
const ABOVE_ROWS_PX = 300;
const MIN_ROWS_PX = 240;

const useStyles = makeStyles(theme => ({
  paper: {
    width: '85vw',
    maxWidth: '100vw',
    padding: theme.spacing(2, 3),
    boxSizing: 'border-box',
  },
}));

function TraceBody(props: {
  traceId?: string;
  runFailed?: boolean;
  height: number;
}) {
  const api = useApi(qualityGatesApiRef);
  const { traceId } = props;
  const trace = useAsync(
    async () => (traceId ? api.getTrace(traceId) : undefined),
    [api, traceId],
  );
  if (!traceId) {
    return (
      <Typography variant="body2" color="textSecondary">
        No trace was received for this run.
      </Typography>
    );
  }
  if (trace.error) return <ResponseErrorPanel error={trace.error} />;
  if (!trace.value) return <Progress />;
  const { spans } = trace.value;
  return (
    <TraceWaterfall
      spans={spans}
      runFailed={
        // Without its run (a link to the trace alone) its spans tell.
        props.runFailed ?? spans.some(span => span.status.code === 'error')
      }
      height={props.height}
    />
  );
}

/**
 * A run's trace as a waterfall in a drawer over the page, as tall as the
 * window: it opens where the eye is, not below the runs table. Escape or
 * the close button closes it.
 */
export function RunTraceDrawer(props: {
  open: boolean;
  /** Absent when only the trace is known, e.g. from a shared link. */
  run?: PipelineRunSummary;
  traceId?: string;
  onClose: () => void;
}) {
  const classes = useStyles();
  const titleId = useId();
  const { height: windowHeight } = useWindowSize();
  const { run } = props;
  const runFailed = run ? run.result === 'failure' : undefined;
  return (
    <Drawer
      anchor="right"
      open={props.open}
      onClose={props.onClose}
      classes={{ paper: classes.paper }}
      PaperProps={{
        role: 'dialog',
        'aria-labelledby': titleId,
      }}
    >
      {props.open && (
        <>
          <RunTraceHeader
            run={run}
            traceId={props.traceId}
            titleId={titleId}
            onClose={props.onClose}
          />
          <section aria-label="Run trace">
            <TraceBody
              traceId={props.traceId}
              runFailed={runFailed}
              height={Math.max(MIN_ROWS_PX, windowHeight - ABOVE_ROWS_PX)}
            />
          </section>
        </>
      )}
    </Drawer>
  );
}
