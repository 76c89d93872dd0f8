import { memo, useMemo } from 'react';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatDuration } from '../axis/timeAxis';
import { CriticalPath, criticalMicros } from '../criticalPath';
import { SpanTree } from '../spanTree';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0, 2),
    color: theme.palette.text.secondary,
  },
  failed: {
    color: theme.palette.error.main,
    fontWeight: 500,
    verticalAlign: 'baseline',
  },
}));

const countOf = (count: number, noun: string) =>
  `${count} ${count === 1 ? noun : `${noun}s`}`;

/**
 * The trace in one line: its size, its length, what failed. "N failed" is a
 * button stepping through the failed spans.
 */
export const TraceSummary = memo(function TraceSummaryLine(props: {
  tree: SpanTree;
  criticalPath: CriticalPath;
  failedCount: number;
  onNextFailure: () => void;
}) {
  const classes = useStyles();
  const { tree, criticalPath } = props;
  const figures = useMemo(() => {
    const services = new Set<string>();
    for (const node of tree.nodes) {
      services.add(node.span.serviceName ?? '');
    }
    return {
      spans: countOf(tree.nodes.length, 'span'),
      services: countOf(services.size, 'service'),
      duration: `${formatDuration(
        tree.endMicros - tree.startMicros,
      )} end to end`,
      critical: `critical path ${formatDuration(
        criticalMicros(criticalPath.segments),
      )}`,
    };
  }, [tree, criticalPath]);

  return (
    <Typography
      variant="body2"
      className={classes.summary}
      data-testid="trace-summary"
    >
      <span>{figures.spans}</span>
      <span>{figures.services}</span>
      <span>{figures.duration}</span>
      {props.failedCount > 0 ? (
        <Link
          component="button"
          className={classes.failed}
          title="Go to the next failed span"
          onClick={props.onNextFailure}
        >
          {props.failedCount} failed
        </Link>
      ) : (
        <span>0 failed</span>
      )}
      <span>{figures.critical}</span>
    </Typography>
  );
});
