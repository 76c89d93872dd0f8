import { useMemo, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { PipelineStatsResponse } from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { formatDuration } from '../../shared/format/formatDuration';
import { formatPercent } from '../../shared/format/formatNumber';
import { formatPercentiles, formatRate } from './formatStats';
import { PipelineSummaryTable } from './PipelineSummaryTable';
import {
  durationPoints,
  failurePoints,
  PercentilePoint,
  shownPipeline,
  slowestTask,
  taskPoints,
} from './statsSeries';
import { TaskStatsTable } from './TaskStatsTable';
import { durationAxis, percentAxis } from '../../shared/charts/valueAxis';
import { WeeklyChart } from './WeeklyChart';

const PERCENTILE_LINES = [
  { key: 'p50', name: 'p50' },
  { key: 'p95', name: 'p95', dashed: true },
];

/** p50 and p95 durations per week, of a pipeline or of one of its tasks. */
function DurationChart(props: {
  title: string;
  subheader: string;
  points: PercentilePoint[];
}) {
  return (
    <WeeklyChart
      {...props}
      lines={PERCENTILE_LINES}
      tick={formatDuration}
      format={formatDuration}
      axis={durationAxis}
    />
  );
}

/**
 * Pipelines treated as products: how often each runs and fails and how
 * long it and each of its tasks take, over the range and per week.
 */
export function PipelineStatsSection(props: {
  stats: PipelineStatsResponse;
  /** The pipeline filter; shown in detail when set. */
  pipelineName?: string;
  onShowPipeline: (pipelineName: string) => void;
}) {
  const { stats } = props;
  const pipeline = shownPipeline(stats.pipelines, props.pipelineName);
  const [taskName, setTaskName] = useState<string>();
  const task = useMemo(() => {
    if (!pipeline) return undefined;
    return (
      pipeline.tasks.find(t => t.taskName === taskName) ??
      slowestTask(pipeline.tasks)
    );
  }, [pipeline, taskName]);

  if (!pipeline) {
    return (
      <Typography variant="body2" color="textSecondary">
        No pipeline run of this entity was received in this range.
      </Typography>
    );
  }

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <PipelineSummaryTable
          pipelines={stats.pipelines}
          shown={pipeline.pipelineName}
          onShow={props.onShowPipeline}
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="h6" component="h3" data-testid="shown-pipeline">
          {pipeline.pipelineName}: {pipeline.runs} runs, failure rate{' '}
          {formatRate(pipeline.failureRate)}, duration p50 / p95{' '}
          {formatPercentiles(pipeline.duration)}, queue p50 / p95{' '}
          {formatPercentiles(pipeline.queue)}
        </Typography>
      </Grid>
      <Grid item xs={12} md={6}>
        <DurationChart
          title={`${pipeline.pipelineName}: duration per week`}
          subheader="p50 and p95 of finished runs"
          points={durationPoints(pipeline)}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <WeeklyChart
          title={`${pipeline.pipelineName}: failure rate per week`}
          subheader="Failed, errored or timed out ÷ finished runs"
          points={failurePoints(pipeline)}
          lines={[{ key: 'failureRate', name: 'Failure rate' }]}
          tick={formatPercent}
          format={formatPercent}
          axis={values => percentAxis(values, 1)}
        />
      </Grid>
      <Grid item xs={12} md={task ? 6 : 12}>
        <InfoCard
          title="Tasks"
          subheader="Jobs, stages and steps, from the runs' traces"
          titleTypographyProps={{ variant: 'h6' }}
        >
          <TaskStatsTable
            tasks={pipeline.tasks}
            shown={task?.taskName}
            onShow={setTaskName}
          />
        </InfoCard>
      </Grid>
      {task && (
        <Grid item xs={12} md={6}>
          <DurationChart
            title={`${task.taskName}: duration per week`}
            subheader="p50 and p95"
            points={taskPoints(task)}
          />
        </Grid>
      )}
    </Grid>
  );
}
