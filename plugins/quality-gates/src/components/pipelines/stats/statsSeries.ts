import {
  DurationPercentiles,
  PipelineStats,
  PipelineTaskStats,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';

/** One week on a percentile chart; null where the week has no data. */
export interface PercentilePoint {
  week: string;
  p50: number | null;
  p95: number | null;
}

/** One week's failure rate as a share; null without finished runs. */
export interface FailurePoint {
  week: string;
  failureRate: number | null;
}

/** Weeks are labelled by their Monday, e.g. `Nov 16`. */
export function weekLabel(periodStart: string): string {
  return DateTime.fromISO(periodStart, { zone: 'utc' }).toFormat('MMM d');
}

function percentiles(week: string, duration: DurationPercentiles) {
  return { week, p50: duration.p50Seconds, p95: duration.p95Seconds };
}

/** A pipeline's p50 and p95 duration per week, oldest first. */
export function durationPoints(stats: PipelineStats): PercentilePoint[] {
  return stats.periods.map(period =>
    percentiles(weekLabel(period.periodStart), period.duration),
  );
}

/** A pipeline's failure rate per week, oldest first. */
export function failurePoints(stats: PipelineStats): FailurePoint[] {
  return stats.periods.map(period => ({
    week: weekLabel(period.periodStart),
    failureRate: period.failureRate,
  }));
}

/** A task's p50 and p95 duration per week, oldest first. */
export function taskPoints(task: PipelineTaskStats): PercentilePoint[] {
  return task.periods.map(period =>
    percentiles(weekLabel(period.periodStart), period.duration),
  );
}

/**
 * The pipeline shown in detail: the one asked for, else the one that ran
 * most (the one most people wait for).
 */
export function shownPipeline(
  pipelines: PipelineStats[],
  asked: string | undefined,
): PipelineStats | undefined {
  const named = asked && pipelines.find(p => p.pipelineName === asked);
  if (named) return named;
  return pipelines.reduce<PipelineStats | undefined>(
    (most, pipeline) => (!most || pipeline.runs > most.runs ? pipeline : most),
    undefined,
  );
}

/** The task whose trend is shown first: the slowest at p95. */
export function slowestTask(
  tasks: PipelineTaskStats[],
): PipelineTaskStats | undefined {
  return tasks.reduce<PipelineTaskStats | undefined>(
    (slowest, task) =>
      !slowest ||
      (task.duration.p95Seconds ?? -1) > (slowest.duration.p95Seconds ?? -1)
        ? task
        : slowest,
    undefined,
  );
}
