import { Knex } from 'knex';
import { rawRows } from '../database/rawRows';
import { doraDialect, nearestRank } from '../dora/doraSql';
import { ciTaskSql } from './ciTaskSql';

/** Whose runs, which pipeline, when; weeks count from `weekStart`. */
export interface PipelineStatsScope {
  entityRef: string;
  pipelineName?: string;
  from: Date;
  to: Date;
  /** Monday 00:00 UTC of the week `from` falls in. */
  weekStart: Date;
}

/** Figures over the whole range (bucket 0) or per week (its index). */
export type StatsBucketing = 'range' | 'week';

const WEEK_SECONDS = 7 * 24 * 3600;

/** Results that count as a failed run (or task). */
const FAILED_RESULTS = "('failure', 'error', 'timeout')";

/** One pipeline's runs in one bucket, as the database aggregated them. */
export interface RunFiguresRow {
  pipeline_name: string;
  bucket: number | string;
  runs: number | string;
  failed: number | string;
  finished: number | string;
  duration_count: number | string;
  duration_p50: number | string | null;
  duration_p95: number | string | null;
  queue_count: number | string;
  queue_p50: number | string | null;
  queue_p95: number | string | null;
}

/** One task of one pipeline in one bucket. */
export interface TaskFiguresRow {
  pipeline_name: string;
  task_name: string;
  task_type: string | null;
  bucket: number | string;
  spans: number | string;
  failed: number | string;
  duration_p50: number | string | null;
  duration_p95: number | string | null;
}

/**
 * SQL for pipeline statistics: both databases aggregate in one statement
 * each, with nearest-rank percentiles from window functions (as DORA's).
 */
export class PipelineStatsQueries {
  constructor(
    private readonly knex: Knex,
    private readonly scope: PipelineStatsScope,
  ) {}

  /** The bucket of a run by its start, with its bindings. */
  private bucket(bucketing: StatsBucketing): {
    sql: string;
    bindings: Knex.Value[];
  } {
    if (bucketing === 'range') {
      return { sql: 'cast(0 as integer)', bindings: [] };
    }
    const { epoch, floorToInteger } = doraDialect(this.knex);
    return {
      sql: floorToInteger(`(${epoch('pr.started_at')} - ?) / ${WEEK_SECONDS}`),
      bindings: [this.scope.weekStart.getTime() / 1000],
    };
  }

  /** The entity's runs started in the range: `pr`. */
  private runsInRange(): { sql: string; bindings: Knex.Value[] } {
    const { entityRef, pipelineName, from, to } = this.scope;
    return {
      sql: `pr.entity_ref = ? and pr.started_at >= ? and pr.started_at < ?${
        pipelineName === undefined ? '' : ' and pr.pipeline_name = ?'
      }`,
      bindings: [
        entityRef,
        from,
        to,
        ...(pipelineName === undefined ? [] : [pipelineName]),
      ],
    };
  }

  /**
   * Per pipeline and bucket: runs, failed and finished runs, and duration
   * and queue-time percentiles over the runs that have them.
   */
  async runFigures(bucketing: StatsBucketing): Promise<RunFiguresRow[]> {
    const { secondsBetween } = doraDialect(this.knex);
    const bucket = this.bucket(bucketing);
    const where = this.runsInRange();
    const rank = (column: string) =>
      `row_number() over (partition by pipeline_name, bucket,
          case when ${column} is null then 1 else 0 end order by ${column})`;
    const percentile = (column: string, rn: string, n: string, p: number) =>
      `max(case when ${column} is not null and ${rn} = ${nearestRank(
        p,
        n,
      )} then ${column} end)`;
    const result = await this.knex.raw(
      `with runs as (
        select pr.pipeline_name, ${bucket.sql} as bucket, pr.result,
          case when pr.finished_at is not null
            then ${secondsBetween(
              'pr.finished_at',
              'pr.started_at',
            )} end as duration,
          case when pr.queued_at is not null
            then ${secondsBetween('pr.started_at', 'pr.queued_at')} end as queue
        from pipeline_runs pr
        where ${where.sql}
      ),
      ranked as (
        select r.*,
          ${rank('duration')} as d_rn,
          count(duration) over (partition by pipeline_name, bucket) as d_n,
          ${rank('queue')} as q_rn,
          count(queue) over (partition by pipeline_name, bucket) as q_n
        from runs r
      )
      select pipeline_name, bucket, count(*) as runs,
        sum(case when result in ${FAILED_RESULTS} then 1 else 0 end) as failed,
        count(result) as finished,
        max(d_n) as duration_count,
        ${percentile('duration', 'd_rn', 'd_n', 50)} as duration_p50,
        ${percentile('duration', 'd_rn', 'd_n', 95)} as duration_p95,
        max(q_n) as queue_count,
        ${percentile('queue', 'q_rn', 'q_n', 50)} as queue_p50,
        ${percentile('queue', 'q_rn', 'q_n', 95)} as queue_p95
      from ranked
      group by pipeline_name, bucket`,
      [...bucket.bindings, ...where.bindings],
    );
    return rawRows(result);
  }

  /**
   * Per pipeline, CI task and bucket: spans, failures and duration
   * percentiles of the task spans of the runs in range. Spans are reached
   * through their run's trace (the spans table's key), not an index of
   * their own; a trace's spans belong to its earliest run.
   */
  async taskFigures(bucketing: StatsBucketing): Promise<TaskFiguresRow[]> {
    const ci = ciTaskSql(this.knex);
    const bucket = this.bucket(bucketing);
    const where = this.runsInRange();
    const result = await this.knex.raw(
      `with task_spans as ${ci.materialized} (
        select pr.pipeline_name, ${bucket.sql} as bucket,
          s.start_time_us, s.end_time_us, s.status_code,
          ${ci.parsed('s.attributes')} as a,
          ${ci.parsed('s.resource_attributes')} as r
        from pipeline_runs pr
        join spans s on s.trace_id = pr.trace_id
        where ${where.sql} and pr.trace_id is not null
          and not exists (
            select 1 from pipeline_runs earlier
            where earlier.trace_id = pr.trace_id
              and (earlier.started_at < pr.started_at
                or (earlier.started_at = pr.started_at and earlier.id < pr.id)))
      ),
      tasks as (
        select pipeline_name, bucket,
          ${ci.field('taskName', 'a', 'r')} as task_name,
          ${ci.field('taskType', 'a', 'r')} as task_type,
          (end_time_us - start_time_us) / 1000000.0 as duration,
          ${ci.failed('a', 'r', 'status_code')} as failed
        from task_spans
      ),
      ranked as (
        select t.*,
          row_number() over (partition by pipeline_name, task_name, bucket order by duration) as rn,
          count(*) over (partition by pipeline_name, task_name, bucket) as n
        from tasks t
        where task_name is not null
      )
      select pipeline_name, task_name, bucket,
        min(task_type) as task_type,
        count(*) as spans,
        sum(failed) as failed,
        max(case when rn = ${nearestRank(
          50,
          'n',
        )} then duration end) as duration_p50,
        max(case when rn = ${nearestRank(
          95,
          'n',
        )} then duration end) as duration_p95
      from ranked
      group by pipeline_name, task_name, bucket`,
      [...bucket.bindings, ...where.bindings],
    );
    return rawRows(result);
  }
}
