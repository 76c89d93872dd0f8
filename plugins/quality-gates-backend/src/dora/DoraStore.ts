import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  bandAtMost,
  deploymentFrequencyBand,
  deploymentFrequencyBucket,
  DoraDetailRow,
  DoraFigures,
  DoraMetricName,
  DoraThresholds,
  DoraTrendPoint,
} from '@can-i-deploy/plugin-quality-gates-common';
import { preparedRaw } from '../database/preparedRaw';
import { rawRows } from '../database/rawRows';
import { timestampFromDatabase } from '../database/timestamps';
import { DoraBucketing, DoraQueries, DoraQueryScope } from './doraQueries';
import { ensureDeploymentFacts } from './facts/deploymentFacts';

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Durations to the millisecond: floating-point epochs carry noise below it. */
function secondsOrNull(value: unknown): number | null {
  const seconds = numberOrNull(value);
  return seconds === null ? null : Math.round(seconds * 1000) / 1000;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Per-bucket partial figures, straight from the database. */
interface BucketCounts {
  finished: number;
  reached: number;
  failed: number;
  unplanned: number;
  changes: number;
  excluded: number;
  leadMedian: number | null;
  leadP90: number | null;
  failures: number;
  recovered: number;
  recoveryMedian: number | null;
}

const EMPTY: BucketCounts = {
  finished: 0,
  reached: 0,
  failed: 0,
  unplanned: 0,
  changes: 0,
  excluded: 0,
  leadMedian: null,
  leadP90: null,
  failures: 0,
  recovered: 0,
  recoveryMedian: null,
};

/**
 * DORA figures computed by the database: two aggregate statements per
 * window (the deployments' facts, the changes' lead times), bucketed by
 * week for the trend; rows behind a figure for the drill-down.
 */
export class DoraStore {
  /** Facts made ready per list of production environments, once each. */
  private readonly prepared = new Map<string, Promise<boolean>>();

  constructor(private readonly knex: Knex) {}

  /**
   * Makes the deployment facts ready for these production environments:
   * derives them once if they were derived for others (or never). The
   * plugin calls it at start, so that no request waits for it.
   */
  prepare(environments: string[]): Promise<boolean> {
    const key = JSON.stringify([...environments].sort());
    if (!this.prepared.has(key)) {
      const ready = ensureDeploymentFacts(this.knex, environments);
      // A failure is reported to this caller and retried by the next.
      ready.catch(() => this.prepared.delete(key));
      this.prepared.set(key, ready);
    }
    return this.prepared.get(key)!;
  }

  /**
   * Runs one statement, outside a transaction (one round trip), and on
   * PostgreSQL as a prepared statement (see preparedRaw). An earlier version
   * switched PostgreSQL's JIT off per statement, in a transaction of its
   * own, because the statements that searched causes and recoveries were
   * estimated costly enough to be compiled. Over the facts tables the
   * statements are plain aggregates estimated far below the JIT threshold:
   * a group of 100 components over 90 days costs about 3,000 units of
   * 100,000.
   */
  private async run(
    scope: DoraQueryScope,
    statement: (queries: DoraQueries) => Knex.Raw,
  ): Promise<unknown> {
    return preparedRaw(this.knex, statement(new DoraQueries(this.knex, scope)));
  }

  private async buckets(
    scope: DoraQueryScope,
    bucketing: DoraBucketing,
  ): Promise<Map<number, BucketCounts>> {
    await this.prepare(scope.environments);
    // Side by side on separate connections: the lead times, the larger
    // part (a sort of every change's lead time), do not wait for the
    // deployments' figures; and two windows' lead times sort in two
    // statements at once rather than one after the other in one.
    const leadParts: Array<{ scope: DoraQueryScope; bucket?: number }> =
      typeof bucketing === 'object'
        ? [
            { scope: { ...scope, to: bucketing.splitAt }, bucket: 0 },
            { scope: { ...scope, from: bucketing.splitAt }, bucket: 1 },
          ]
        : [{ scope }];
    const [deployments, ...leadResults] = await Promise.all([
      this.run(scope, queries => queries.deploymentFigures(bucketing)),
      ...leadParts.map(part =>
        this.run(part.scope, queries =>
          queries.leadTimes(part.bucket === undefined ? bucketing : 'window'),
        ),
      ),
    ]);
    const leads = leadResults.flatMap((result, index) =>
      rawRows(result).map(row => ({
        ...row,
        bucket: leadParts[index].bucket ?? row.bucket,
      })),
    );
    const buckets = new Map<number, BucketCounts>();
    const at = (bucket: unknown) => {
      const key = Number(bucket);
      if (!buckets.has(key)) buckets.set(key, { ...EMPTY });
      return buckets.get(key)!;
    };
    for (const row of rawRows(deployments)) {
      Object.assign(at(row.bucket), {
        finished: Number(row.finished),
        reached: Number(row.reached),
        failed: Number(row.failed),
        unplanned: Number(row.unplanned),
        failures: Number(row.failed),
        recovered: Number(row.recovered),
        recoveryMedian: secondsOrNull(row.recovery_median),
      });
    }
    for (const row of leads) {
      Object.assign(at(row.bucket), {
        changes: Number(row.changes),
        excluded: Number(row.excluded),
        leadMedian: secondsOrNull(row.lead_median),
        leadP90: secondsOrNull(row.lead_p90),
      });
    }
    return buckets;
  }

  /** When the first of the entities' production deployments finished. */
  async firstDeployedAt(entityRefs: string[]): Promise<Date | undefined> {
    const row: { first?: Date | number | string | null } | undefined =
      await this.knex('dora_deployment_facts')
        .whereIn('entity_ref', entityRefs)
        .min({ first: 'deployed_at' })
        .first();
    return row?.first === null || row?.first === undefined
      ? undefined
      : new Date(timestampFromDatabase(row.first));
  }

  /** The five figures over the scope's window, with their bands. */
  async figures(
    scope: DoraQueryScope,
    thresholds: DoraThresholds,
  ): Promise<DoraFigures> {
    const counts = (await this.buckets(scope, 'window')).get(0) ?? EMPTY;
    return figuresOf(counts, scope.from, scope.to, thresholds);
  }

  /**
   * The figures of two adjacent windows, [from, splitAt) and [splitAt, to),
   * read in one pass over both.
   */
  async figuresOfTwoWindows(
    scope: DoraQueryScope,
    splitAt: Date,
    thresholds: DoraThresholds,
  ): Promise<{ earlier: DoraFigures; later: DoraFigures }> {
    const buckets = await this.buckets(scope, { splitAt });
    return {
      earlier: figuresOf(
        buckets.get(0) ?? EMPTY,
        scope.from,
        splitAt,
        thresholds,
      ),
      later: figuresOf(buckets.get(1) ?? EMPTY, splitAt, scope.to, thresholds),
    };
  }

  /**
   * One point per week from `from` (a Monday) to `to`, weeks without any
   * deployment included with nulls where a figure has no data.
   */
  async trend(scope: DoraQueryScope): Promise<DoraTrendPoint[]> {
    const buckets = await this.buckets(scope, 'week');
    const start = DateTime.fromJSDate(scope.from, { zone: 'utc' });
    const weeks = Math.ceil(
      DateTime.fromJSDate(scope.to, { zone: 'utc' }).diff(start, 'weeks').weeks,
    );
    return Array.from({ length: weeks }, (_, week) => {
      const counts = buckets.get(week) ?? EMPTY;
      return {
        weekStart: start.plus({ weeks: week }).toISO()!,
        deployments: counts.reached,
        leadTimeMedianSeconds: counts.leadMedian,
        changeFailureRate: ratio(counts.failed, counts.finished),
        recoveryMedianSeconds: counts.recoveryMedian,
        reworkRate: ratio(counts.unplanned, counts.finished),
      };
    });
  }

  /** The rows behind one figure, newest first. */
  async details(
    scope: DoraQueryScope,
    metric: DoraMetricName,
    page: { limit: number; offset: number },
  ): Promise<{ items: DoraDetailRow[]; totalCount: number }> {
    await this.prepare(scope.environments);
    let rows: any[];
    let toDetail: (row: any) => DoraDetailRow;
    if (metric === 'leadTime') {
      rows = rawRows(await this.run(scope, q => q.leadTimeRows(page)));
      toDetail = leadTimeRow;
    } else if (metric === 'recoveryTime') {
      rows = rawRows(
        await this.run(scope, q => q.deploymentRows('failed', page)),
      );
      toDetail = recoveryRow;
    } else {
      const filter = {
        deploymentFrequency: 'reached',
        changeFailureRate: 'failed',
        reworkRate: 'unplanned',
      } as const;
      rows = rawRows(
        await this.run(scope, q => q.deploymentRows(filter[metric], page)),
      );
      toDetail = row =>
        deploymentRow(row, metric === 'reworkRate' ? 'unplanned' : undefined);
    }
    return {
      items: rows.map(toDetail),
      totalCount: rows.length > 0 ? Number(rows[0].total_count) : 0,
    };
  }
}

/** The five figures of one window's counts, with their bands. */
function figuresOf(
  counts: BucketCounts,
  from: Date,
  to: Date,
  thresholds: DoraThresholds,
): DoraFigures {
  const days = (to.getTime() - from.getTime()) / (24 * 3600 * 1000);
  const perDay = days > 0 ? counts.reached / days : 0;
  const failureRate = ratio(counts.failed, counts.finished);
  const reworkRate = ratio(counts.unplanned, counts.finished);
  return {
    deploymentFrequency: {
      deployments: counts.reached,
      perDay,
      perWeek: perDay * 7,
      bucket: counts.reached > 0 ? deploymentFrequencyBucket(perDay) : null,
      band: deploymentFrequencyBand(perDay, thresholds),
    },
    leadTime: {
      changes: counts.changes,
      medianSeconds: counts.leadMedian,
      p90Seconds: counts.leadP90,
      excludedNonPositive: counts.excluded,
      band: bandAtMost(counts.leadMedian, thresholds.leadTimeSeconds),
    },
    changeFailureRate: {
      deployments: counts.finished,
      failed: counts.failed,
      rate: failureRate,
      band: bandAtMost(failureRate, thresholds.changeFailureRate),
    },
    recoveryTime: {
      failures: counts.failures,
      recovered: counts.recovered,
      unrecovered: counts.failures - counts.recovered,
      medianSeconds: counts.recoveryMedian,
      band: bandAtMost(counts.recoveryMedian, thresholds.recoveryTimeSeconds),
    },
    reworkRate: {
      deployments: counts.finished,
      unplanned: counts.unplanned,
      rate: reworkRate,
      band: bandAtMost(reworkRate, thresholds.reworkRate),
    },
  };
}

function withoutNulls(row: Record<string, unknown>): DoraDetailRow {
  return Object.fromEntries(
    Object.entries(row).filter(
      ([, value]) => value !== null && value !== undefined,
    ),
  ) as unknown as DoraDetailRow;
}

function time(value: unknown): string | undefined {
  return value === null || value === undefined
    ? undefined
    : timestampFromDatabase(value as Date | number | string);
}

function deploymentRow(row: any, reason?: string): DoraDetailRow {
  return withoutNulls({
    entityRef: row.entity_ref,
    deploymentId: row.id,
    environment: row.environment,
    version: row.version,
    status: row.status,
    deployedAt: time(row.deployed_at),
    reason: reason ?? row.failure_reason,
    incidentId: row.incident_id,
    incidentTitle: row.incident_title,
    incidentExternalId: row.incident_external_id,
    incidentUrl: row.incident_url,
  });
}

function leadTimeRow(row: any): DoraDetailRow {
  const seconds = secondsOrNull(row.seconds)!;
  return withoutNulls({
    entityRef: row.entity_ref,
    deploymentId: row.deployment_id,
    sha: row.sha,
    repository: row.repository,
    changeUrl: row.change_url,
    committedAt: time(row.committed_at),
    deployedAt: time(row.deployed_at),
    durationSeconds: seconds,
    reason: seconds > 0 ? undefined : 'excluded_non_positive',
  });
}

function recoveryRow(row: any): DoraDetailRow {
  return withoutNulls({
    entityRef: row.entity_ref,
    deploymentId: row.id,
    environment: row.environment,
    version: row.version,
    status: row.status,
    deployedAt: time(row.deployed_at),
    reason: row.status === 'succeeded' ? 'incident' : row.status,
    incidentId: row.incident_id,
    incidentTitle: row.incident_title,
    incidentExternalId: row.incident_external_id,
    incidentUrl: row.incident_url,
    startedAt: time(row.failed_at),
    endedAt: time(row.recovered_at),
    durationSeconds: secondsOrNull(row.seconds) ?? undefined,
  });
}
