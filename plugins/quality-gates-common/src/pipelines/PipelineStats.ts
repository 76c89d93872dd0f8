/**
 * Percentiles of a set of durations, in seconds; null without data.
 *
 * @public
 */
export interface DurationPercentiles {
  count: number;
  p50Seconds: number | null;
  p95Seconds: number | null;
}

/**
 * One period (a week, from its Monday in UTC) of one pipeline.
 *
 * @public
 */
export interface PipelinePeriodStats {
  periodStart: string;
  runs: number;
  /** Runs with a result of failure, error or timeout. */
  failed: number;
  /** failed ÷ finished runs; null without finished runs. */
  failureRate: number | null;
  duration: DurationPercentiles;
  queue: DurationPercentiles;
}

/**
 * One CI task (job, stage, step) of a pipeline, from the spans of its runs.
 *
 * @public
 */
export interface PipelineTaskStats {
  taskName: string;
  taskType?: string;
  /** Over the whole range. */
  duration: DurationPercentiles;
  failed: number;
  periods: Array<{ periodStart: string; duration: DurationPercentiles }>;
}

/**
 * A pipeline treated as a product: how often it runs, fails, and how long
 * it and each of its tasks take, over a range and per week.
 *
 * @public
 */
export interface PipelineStats {
  pipelineName: string;
  runs: number;
  failed: number;
  failureRate: number | null;
  duration: DurationPercentiles;
  queue: DurationPercentiles;
  periods: PipelinePeriodStats[];
  tasks: PipelineTaskStats[];
}

/**
 * Response of the pipeline statistics endpoint.
 *
 * @public
 */
export interface PipelineStatsResponse {
  entityRef: string;
  from: string;
  to: string;
  pipelines: PipelineStats[];
}
