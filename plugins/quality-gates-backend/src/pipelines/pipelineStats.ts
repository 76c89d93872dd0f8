import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  DurationPercentiles,
  PipelinePeriodStats,
  PipelineStats,
  PipelineStatsResponse,
  PipelineTaskStats,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  PipelineStatsQueries,
  RunFiguresRow,
  TaskFiguresRow,
} from './pipelineStatsQueries';

/** Seconds to the millisecond: floating-point epochs carry noise below it. */
function seconds(value: number | string | null): number | null {
  return value === null || value === undefined
    ? null
    : Math.round(Number(value) * 1000) / 1000;
}

function percentiles(
  count: number | string,
  p50: number | string | null,
  p95: number | string | null,
): DurationPercentiles {
  return {
    count: Number(count),
    p50Seconds: seconds(p50),
    p95Seconds: seconds(p95),
  };
}

const NO_DURATIONS: DurationPercentiles = {
  count: 0,
  p50Seconds: null,
  p95Seconds: null,
};

interface RunFigures {
  runs: number;
  failed: number;
  failureRate: number | null;
  duration: DurationPercentiles;
  queue: DurationPercentiles;
}

function runFigures(row: RunFiguresRow | undefined): RunFigures {
  if (!row) {
    return {
      runs: 0,
      failed: 0,
      failureRate: null,
      duration: NO_DURATIONS,
      queue: NO_DURATIONS,
    };
  }
  const failed = Number(row.failed);
  const finished = Number(row.finished);
  return {
    runs: Number(row.runs),
    failed,
    failureRate: finished > 0 ? failed / finished : null,
    duration: percentiles(
      row.duration_count,
      row.duration_p50,
      row.duration_p95,
    ),
    queue: percentiles(row.queue_count, row.queue_p50, row.queue_p95),
  };
}

function taskDuration(row: TaskFiguresRow | undefined): DurationPercentiles {
  return row
    ? percentiles(row.spans, row.duration_p50, row.duration_p95)
    : NO_DURATIONS;
}

/** Rows keyed by their names and bucket. */
function byKey<Row>(rows: Row[], key: (row: Row) => string): Map<string, Row> {
  return new Map(rows.map(row => [key(row), row]));
}

const runKey = (pipeline: string, bucket: number | string) =>
  `${pipeline}\u0000${Number(bucket)}`;
const taskKey = (pipeline: string, task: string, bucket: number | string) =>
  `${pipeline}\u0000${task}\u0000${Number(bucket)}`;

/**
 * How each pipeline of an entity ran over [from, to): runs, failures,
 * duration and queue percentiles over the range and per week (every week
 * from the Monday of `from`, empty ones included, so charts have no gaps),
 * and the same for each CI task its spans recorded.
 */
export async function readPipelineStats(
  knex: Knex,
  request: {
    entityRef: string;
    pipelineName?: string;
    from: DateTime;
    to: DateTime;
  },
): Promise<PipelineStatsResponse> {
  const weekStart = request.from.startOf('week');
  const queries = new PipelineStatsQueries(knex, {
    entityRef: request.entityRef,
    pipelineName: request.pipelineName,
    from: request.from.toJSDate(),
    to: request.to.toJSDate(),
    weekStart: weekStart.toJSDate(),
  });
  const [runsInRange, runsPerWeek, tasksInRange, tasksPerWeek] =
    await Promise.all([
      queries.runFigures('range'),
      queries.runFigures('week'),
      queries.taskFigures('range'),
      queries.taskFigures('week'),
    ]);

  const weeks: string[] = [];
  for (
    let week = weekStart;
    week < request.to;
    week = week.plus({ weeks: 1 })
  ) {
    weeks.push(week.toISO()!);
  }
  const weekly = byKey(runsPerWeek, row =>
    runKey(row.pipeline_name, row.bucket),
  );
  const weeklyTasks = byKey(tasksPerWeek, row =>
    taskKey(row.pipeline_name, row.task_name, row.bucket),
  );

  const tasksOf = (pipelineName: string): PipelineTaskStats[] =>
    tasksInRange
      .filter(row => row.pipeline_name === pipelineName)
      .sort((a, b) => a.task_name.localeCompare(b.task_name))
      .map(row => ({
        taskName: row.task_name,
        ...(row.task_type ? { taskType: row.task_type } : {}),
        duration: taskDuration(row),
        failed: Number(row.failed),
        periods: weeks.map((periodStart, index) => ({
          periodStart,
          duration: taskDuration(
            weeklyTasks.get(taskKey(pipelineName, row.task_name, index)),
          ),
        })),
      }));

  const pipelines: PipelineStats[] = runsInRange
    .sort((a, b) => a.pipeline_name.localeCompare(b.pipeline_name))
    .map(row => ({
      pipelineName: row.pipeline_name,
      ...runFigures(row),
      periods: weeks.map(
        (periodStart, index): PipelinePeriodStats => ({
          periodStart,
          ...runFigures(weekly.get(runKey(row.pipeline_name, index))),
        }),
      ),
      tasks: tasksOf(row.pipeline_name),
    }));

  return {
    entityRef: request.entityRef,
    from: request.from.toISO()!,
    to: request.to.toISO()!,
    pipelines,
  };
}
