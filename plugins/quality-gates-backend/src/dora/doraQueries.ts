import { Knex } from 'knex';
import { isPostgres } from '../database/dialect';
import { DoraDialect, doraDialect, nearestRank, placeholders } from './doraSql';

/** What a DORA query is about: whose deployments, where, when. */
export interface DoraQueryScope {
  entityRefs: string[];
  /** The production environments, as configured. */
  environments: string[];
  from: Date;
  to: Date;
}

/**
 * Figures are one bucket over the window; the trend has one per week; two
 * adjacent windows read at once split at a moment (0 before it, 1 after).
 */
export type DoraBucketing = 'window' | 'week' | { splitAt: Date };

const WEEK_SECONDS = 7 * 24 * 3600;

/**
 * SQL for the DORA figures. Each builder returns the text and bindings of
 * one statement that aggregates in the database; rows come back per bucket
 * (0 for the whole window, else the week's index from `from`).
 */
export class DoraQueries {
  private readonly dialect: DoraDialect;

  constructor(
    private readonly knex: Knex | Knex.Transaction,
    private readonly scope: DoraQueryScope,
  ) {
    this.dialect = doraDialect(knex);
  }

  private get refs(): string {
    return placeholders(this.scope.entityRefs);
  }

  /** The bucket of a timestamp expression, with its bindings. */
  private bucket(
    bucketing: DoraBucketing,
    expression: string,
  ): { sql: string; bindings: Knex.Value[] } {
    // An expression, not a bare 0: GROUP BY 0 would mean a column position.
    if (bucketing === 'window') {
      return { sql: 'cast(0 as integer)', bindings: [] };
    }
    if (typeof bucketing === 'object') {
      return {
        sql: `case when ${expression} >= ? then 1 else 0 end`,
        bindings: [bucketing.splitAt],
      };
    }
    const { epoch, floorToInteger } = this.dialect;
    return {
      sql: floorToInteger(`(${epoch(expression)} - ?) / ${WEEK_SECONDS}`),
      bindings: [this.scope.from.getTime() / 1000],
    };
  }

  /**
   * The window's finished production deployments, from the facts the
   * ingest keeps (`dora_deployment_facts`). `fields` are selected from `f`.
   */
  private windowFacts(fields: string): { sql: string; bindings: Knex.Value[] } {
    const { entityRefs, from, to } = this.scope;
    return {
      sql: `select ${fields} from dora_deployment_facts f
        where f.entity_ref in (${this.refs})
          and f.deployed_at >= ? and f.deployed_at < ?`,
      bindings: [...entityRefs, from, to],
    };
  }

  /**
   * Per bucket: finished production deployments, those that reached
   * production, failed, were unplanned; failure episodes, the recovered
   * ones and their median length. One pass over the window's facts.
   */
  private deploymentAggregates(bucketing: DoraBucketing): {
    sql: string;
    bindings: Knex.Value[];
  } {
    const bucket = this.bucket(bucketing, 'f.deployed_at');
    const facts = this.windowFacts(
      `${bucket.sql} as bucket, f.reached, f.failed, f.unplanned,
        f.recovery_seconds as value,
        case when f.recovery_seconds is not null then 1 else 0 end as included`,
    );
    return {
      sql: this.percentilesPerBucket({
        source: facts.sql,
        counts: `count(*) as finished, sum(s.reached) as reached,
          sum(s.failed) as failed, sum(s.unplanned) as unplanned,
          sum(s.included) as recovered`,
        percentiles: { recovery_median: 50 },
      }),
      bindings: [...bucket.bindings, ...facts.bindings],
    };
  }

  /**
   * Lead time of every change whose first successful production deployment
   * (of its entity, in any production environment) falls in the window:
   * first commit → that deployment. Read from `dora_change_facts`, which
   * the ingest keeps current; `columns: 'aggregate'` reads only what the
   * window index holds.
   */
  private changeLeadTimes(columns: 'aggregate' | 'rows'): {
    sql: string;
    bindings: Knex.Value[];
  } {
    const { entityRefs, from, to } = this.scope;
    const selected =
      columns === 'rows'
        ? 'c.entity_ref, c.repository, c.sha, c.deployment_id, c.committed_at,'
        : '';
    return {
      sql: `select ${selected} c.deployed_at, c.lead_seconds as seconds
        from dora_change_facts c
        where c.entity_ref in (${this.refs})
          and c.deployed_at >= ? and c.deployed_at < ?
          and c.lead_seconds is not null`,
      bindings: [...entityRefs, from, to],
    };
  }

  /**
   * Per bucket, counts and nearest-rank percentiles of `value` over the
   * rows where `included` is 1. `source` yields columns bucket, value and
   * included. PostgreSQL sorts once for ordered-set aggregates
   * (percentile_disc takes row ceil(p·n), the nearest rank); SQLite numbers
   * the rows of each bucket.
   */
  private percentilesPerBucket(options: {
    source: string;
    counts: string;
    percentiles: Record<string, number>;
  }): string {
    const { source, counts, percentiles } = options;
    const entries = Object.entries(percentiles);
    if (isPostgres(this.knex)) {
      const aggregates = entries.map(
        ([alias, percent]) =>
          `percentile_disc(${
            percent / 100
          }) within group (order by s.value) filter (where s.included = 1) as ${alias}`,
      );
      return `select s.bucket, ${counts}, ${aggregates.join(', ')}
        from (${source}) s group by s.bucket`;
    }
    const picks = entries.map(
      ([alias, percent]) =>
        `max(case when s.included = 1 and s.rn = ${nearestRank(
          percent,
          's.n',
        )} then s.value end) as ${alias}`,
    );
    return `select s.bucket, ${counts}, ${picks.join(', ')}
      from (
        select r.*,
          row_number() over (partition by r.bucket, r.included order by r.value) as rn,
          count(*) over (partition by r.bucket, r.included) as n
        from (${source}) r
      ) s group by s.bucket`;
  }

  /** Per bucket: changes, those left out as non-positive, median and p90. */
  private leadTimeAggregates(bucketing: DoraBucketing): {
    sql: string;
    bindings: Knex.Value[];
  } {
    const leads = this.changeLeadTimes('aggregate');
    const bucket = this.bucket(bucketing, 'l.deployed_at');
    return {
      sql: this.percentilesPerBucket({
        source: `select ${bucket.sql} as bucket, l.seconds as value,
            case when l.seconds > 0 then 1 else 0 end as included
          from (${leads.sql}) l`,
        counts: 'sum(s.included) as changes, sum(1 - s.included) as excluded',
        percentiles: { lead_median: 50, lead_p90: 90 },
      }),
      bindings: [...bucket.bindings, ...leads.bindings],
    };
  }

  /**
   * Per bucket: the deployments' figures. Columns: bucket, finished,
   * reached, failed, unplanned, recovered, recovery_median.
   */
  deploymentFigures(bucketing: DoraBucketing) {
    const { sql, bindings } = this.deploymentAggregates(bucketing);
    return this.knex.raw<any>(sql, bindings);
  }

  /**
   * Per bucket: the lead times. Columns: bucket, changes, excluded,
   * lead_median, lead_p90.
   */
  leadTimes(bucketing: DoraBucketing) {
    const { sql, bindings } = this.leadTimeAggregates(bucketing);
    return this.knex.raw<any>(sql, bindings);
  }

  /**
   * The rows behind deployment frequency, failure rate and rework rate
   * (`reached`, `failed`, `unplanned`) and recovery time (`failed`, with
   * each failure episode), newest first.
   */
  deploymentRows(
    filter: 'reached' | 'failed' | 'unplanned',
    page: { limit: number; offset: number },
  ) {
    const { secondsBetween } = this.dialect;
    const facts = this.windowFacts(
      `f.deployment_id as id, f.entity_ref, f.environment, f.status,
        f.deployed_at, f.incident_id, f.failed_at, f.recovered_at,
        ${secondsBetween('f.recovered_at', 'f.failed_at')} as seconds,
        case
          when f.status in ('failed', 'rolled_back') then f.status
          when f.incident_id is not null then 'incident'
          else null
        end as failure_reason`,
    );
    // The page first, then its versions and incident titles: 100 lookups,
    // not one per row of the window.
    return this.knex.raw<any>(
      `with page as (
        select r.*, count(*) over () as total_count
        from (${facts.sql} and f.${filter} = 1) r
        order by r.deployed_at desc, r.id desc
        limit ? offset ?
      )
      select p.*, d.version, i.title as incident_title,
        i.external_id as incident_external_id, i.url as incident_url
      from page p
      join deployments d on d.id = p.id
      left join incidents i on i.id = p.incident_id
      order by p.deployed_at desc, p.id desc`,
      [...facts.bindings, page.limit, page.offset],
    );
  }

  /** The changes behind lead time, newest deployment first. */
  leadTimeRows(page: { limit: number; offset: number }) {
    const leads = this.changeLeadTimes('rows');
    return this.knex.raw<any>(
      `with leads as (${leads.sql}),
      page as (
        select l.*, count(*) over () as total_count from leads l
        order by l.deployed_at desc, l.sha asc
        limit ? offset ?
      )
      select p.*, ch.url as change_url
      from page p
      left join changes ch on ch.repository = p.repository and ch.sha = p.sha
      order by p.deployed_at desc, p.sha asc`,
      [...leads.bindings, page.limit, page.offset],
    );
  }
}
