import { memo, useMemo } from 'react';
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
}));

const countOf = (count: number, noun: string) =>
  `${count} ${count === 1 ? noun : `${noun}s`}`;

/** The trace in one line: its size, its length, what failed. */
export const TraceSummary = memo(function TraceSummaryLine(props: {
  tree: SpanTree;
  criticalPath: CriticalPath;
}) {
  const classes = useStyles();
  const { tree, criticalPath } = props;
  const figures = useMemo(() => {
    const services = new Set<string>();
    let failed = 0;
    for (const node of tree.nodes) {
      services.add(node.span.serviceName ?? '');
      if (node.span.status.code === 'error') failed++;
    }
    return {
      spans: countOf(tree.nodes.length, 'span'),
      services: countOf(services.size, 'service'),
      failed: `${failed} failed`,
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
      <span>{figures.failed}</span>
      <span>{figures.critical}</span>
    </Typography>
  );
});
