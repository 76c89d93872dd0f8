import { Knex } from 'knex';
import { isPostgres } from '../database/dialect';
import {
  deployedAt,
  DoraDialect,
  doraDialect,
  nearestRank,
  placeholders,
} from './doraSql';

/** What a DORA query is about: whose deployments, where, when. */
export interface DoraQueryScope {
  entityRefs: string[];
  /** The production environments, as configured. */
  environments: string[];
  from: Date;
  to: Date;
  /**
   * Those of `environments` the entities ever deployed to, when known
   * (see DoraStore): every probe for a deployment runs once per production
   * environment, so a name nobody uses costs a probe each time.
   */
  deployedEnvironments?: string[];
  /** Entities that deployed to more than one production environment. */
  multiEnvironmentRefs?: string[];
}

/** Figures are one bucket over the window; the trend has one per week. */
export type DoraBucketing = 'window' | 'week';

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

  /** Production environments, for incidents (which may name any of them). */
  private get envs(): string {
    return placeholders(this.scope.environments);
  }

  /** Production environments to look for deployments in. */
  private get deployEnvironments(): string[] {
    const { deployedEnvironments, environments } = this.scope;
    return deployedEnvironments?.length ? deployedEnvironments : environments;
  }

  private get deployEnvs(): string {
    return placeholders(this.deployEnvironments);
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
    const { epoch, floorToInteger } = this.dialect;
    return {
      sql: floorToInteger(`(${epoch(expression)} - ?) / ${WEEK_SECONDS}`),
      bindings: [this.scope.from.getTime() / 1000],
    };
  }

  /**
   * Finished production deployments in the window: `win`. Binds refs,
   * environments, from, to.
   */
  private windowDeployments(): { sql: string; bindings: Knex.Value[] } {
    const { entityRefs, from, to } = this.scope;
    return {
      sql: `select d.id, d.entity_ref, d.environment, d.version, d.status, d.started_at,
          ${deployedAt('d')} as deployed_at
        from deployments d
        where d.entity_ref in (${this.refs}) and d.environment in (${
        this.deployEnvs
      })
          and d.status in ('succeeded', 'failed', 'rolled_back')
          and ${deployedAt('d')} >= ? and ${deployedAt('d')} < ?`,
      bindings: [...entityRefs, ...this.deployEnvironments, from, to],
    };
  }

  /**
   * One index probe per production environment for the successful
   * deployment of `outer`'s entity nearest to `bound`: `desc` the last at or
   * before it, `asc` the first after it. An IN list of environments would
   * keep the index from giving the order: the database would read and sort
   * every earlier deployment of the entity instead.
   */
  private nearestSuccess(
    outer: string,
    bound: string,
    direction: 'desc' | 'asc',
  ): { sql: string; bindings: Knex.Value[] } {
    const at = deployedAt('d');
    const compare = direction === 'desc' ? '<=' : '>';
    const probes = this.deployEnvironments.map(
      (_, index) => `select * from (
          select d.id, ${at} as at from deployments d
          where d.entity_ref = ${outer}.entity_ref and d.environment = ?
            and d.status = 'succeeded' and ${at} ${compare} ${bound}
          order by ${at} ${direction}, d.id ${direction} limit 1
        ) probe${index}`,
    );
    return {
      sql: `select p.id, p.at from (${probes.join(' union all ')}) p
        order by p.at ${direction}, p.id ${direction} limit 1`,
      bindings: [...this.deployEnvironments],
    };
  }

  /**
   * CTEs `causes`: each incident of the scope opened since the window
   * began, with the one deployment it is tied to: its explicit cause if it
   * names one (counted only when that is a production deployment of the
   * scope), else the last successful production deployment of its entity
   * before it opened. Materialized, so that each incident's cause is found
   * once however often the statement reads it.
   */
  private incidentCauses(): { sql: string; bindings: Knex.Value[] } {
    const { entityRefs, environments, from } = this.scope;
    const latest = this.nearestSuccess('i', 'i.opened_at', 'desc');
    return {
      sql: `cause_candidates as materialized (
          select i.id as incident_id, i.title, i.opened_at, i.resolved_at,
            case when i.caused_by_deployment_id is not null then (
              select e.id from deployments e
              where e.id = i.caused_by_deployment_id
                and e.entity_ref in (${this.refs}) and e.environment in (${this.deployEnvs})
            ) else (select latest.id from (${latest.sql}) latest) end as deployment_id
          from incidents i
          where i.entity_ref in (${this.refs})
            and (i.environment is null or i.environment in (${this.envs}))
            and i.opened_at >= ?
        ),
        causes as (select * from cause_candidates where deployment_id is not null)`,
      bindings: [
        ...entityRefs,
        ...this.deployEnvironments,
        ...latest.bindings,
        ...entityRefs,
        ...environments,
        from,
      ],
    };
  }

  /**
   * Deployments of `win` started while an incident of their entity was
   * open: on PostgreSQL a CTE `unplanned` (one join of the window with the
   * incidents still open when it began) and its join; on SQLite, whose
   * planner does better with it, a correlated EXISTS per deployment.
   */
  private unplanned(): {
    cte: string;
    join: string;
    condition: string;
    bindings: { cte: Knex.Value[]; condition: Knex.Value[] };
  } {
    const { entityRefs, environments } = this.scope;
    const incidentInScope = `(i.environment is null or i.environment in (${this.envs}))
        and i.opened_at <= w.started_at
        and (i.resolved_at is null or i.resolved_at > w.started_at)`;
    if (isPostgres(this.knex)) {
      return {
        cte: `, unplanned as (
            select distinct w.id from win w
            join incidents i on i.entity_ref = w.entity_ref
            where i.entity_ref in (${this.refs}) and ${incidentInScope}
              and (i.resolved_at is null
                or i.resolved_at > (select min(started_at) from win))
          )`,
        join: 'left join unplanned u on u.id = w.id',
        condition: 'u.id is not null',
        bindings: { cte: [...entityRefs, ...environments], condition: [] },
      };
    }
    return {
      cte: '',
      join: '',
      condition: `exists (
          select 1 from incidents i
          where i.entity_ref = w.entity_ref and ${incidentInScope}
        )`,
      bindings: { cte: [], condition: [...environments] },
    };
  }

  /**
   * Per bucket: finished production deployments, those that reached
   * production, those that failed, those that were unplanned.
   */
  deploymentCounts(bucketing: DoraBucketing) {
    const win = this.windowDeployments();
    const causes = this.incidentCauses();
    const bucket = this.bucket(bucketing, 'w.deployed_at');
    const unplanned = this.unplanned();
    return this.knex.raw<any>(
      `with win as (${win.sql}),
        ${causes.sql}${unplanned.cte}
      select ${bucket.sql} as bucket,
        count(*) as finished,
        sum(case when w.status in ('succeeded', 'rolled_back') then 1 else 0 end) as reached,
        sum(case when w.status in ('failed', 'rolled_back') or c.deployment_id is not null then 1 else 0 end) as failed,
        sum(case when ${unplanned.condition} then 1 else 0 end) as unplanned
      from win w
      left join (select deployment_id from causes group by deployment_id) c
        on c.deployment_id = w.id
      ${unplanned.join}
      group by bucket`,
      [
        ...win.bindings,
        ...causes.bindings,
        ...unplanned.bindings.cte,
        ...bucket.bindings,
        ...unplanned.bindings.condition,
      ],
    );
  }

  /**
   * Lead time of every change whose first successful production deployment
   * (of its entity) falls in the window: first commit → that deployment.
   * Read from `first_deployments`, which the ingest keeps current. An entity
   * that deploys to several production environments has a row per
   * environment: a change counts at the first of them, which takes a probe
   * per change, only for those entities. `columns`: the aggregate needs
   * only what the window index holds.
   */
  private changeLeadTimes(columns: 'aggregate' | 'rows'): {
    sql: string;
    bindings: Knex.Value[];
  } {
    const { entityRefs, from, to, multiEnvironmentRefs = [] } = this.scope;
    const probeRefs =
      this.deployEnvironments.length > 1 ? multiEnvironmentRefs : [];
    const earlierElsewhere =
      probeRefs.length > 0
        ? `and not (f.entity_ref in (${placeholders(probeRefs)}) and exists (
            select 1 from first_deployments g
            where g.entity_ref = f.entity_ref and g.repository = f.repository
              and g.sha = f.sha and g.environment in (${this.deployEnvs})
              and (g.deployed_at < f.deployed_at
                or (g.deployed_at = f.deployed_at and g.deployment_id < f.deployment_id))
          ))`
        : '';
    const selected =
      columns === 'rows'
        ? 'f.entity_ref, f.repository, f.sha, f.deployment_id, f.committed_at,'
        : '';
    return {
      sql: `select ${selected} f.deployed_at,
          ${this.dialect.secondsBetween(
            'f.deployed_at',
            'f.committed_at',
          )} as seconds
        from first_deployments f
        where f.entity_ref in (${this.refs}) and f.environment in (${
        this.deployEnvs
      })
          and f.deployed_at >= ? and f.deployed_at < ?
          and f.committed_at is not null
          ${earlierElsewhere}`,
      bindings: [
        ...entityRefs,
        ...this.deployEnvironments,
        from,
        to,
        ...(probeRefs.length > 0
          ? [...probeRefs, ...this.deployEnvironments]
          : []),
      ],
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
  leadTimes(bucketing: DoraBucketing) {
    const leads = this.changeLeadTimes('aggregate');
    const bucket = this.bucket(bucketing, 'l.deployed_at');
    return this.knex.raw<any>(
      this.percentilesPerBucket({
        source: `select ${bucket.sql} as bucket, l.seconds as value,
            case when l.seconds > 0 then 1 else 0 end as included
          from (${leads.sql}) l`,
        counts: 'sum(s.included) as changes, sum(1 - s.included) as excluded',
        percentiles: { median: 50, p90: 90 },
      }),
      [...bucket.bindings, ...leads.bindings],
    );
  }

  /**
   * Every failed deployment of the window as a failure episode: it starts
   * when the deployment failed (or its first incident opened) and ends at
   * the next successful production deployment or the incident's
   * resolution, whichever came first.
   */
  private failureEpisodes(): { sql: string; bindings: Knex.Value[] } {
    const win = this.windowDeployments();
    const causes = this.incidentCauses();
    const next = this.nearestSuccess('f', 'f.failed_at', 'asc');
    return {
      sql: `with win as (${win.sql}),
        ${causes.sql},
        failures as (
          select w.id, w.entity_ref, w.environment, w.version, w.status, w.deployed_at,
            case when w.status in ('failed', 'rolled_back') then w.deployed_at
              else min(c.opened_at) end as failed_at,
            min(c.resolved_at) as resolved_at,
            min(c.incident_id) as incident_id,
            min(c.title) as incident_title
          from win w left join causes c on c.deployment_id = w.id
          group by w.id, w.entity_ref, w.environment, w.version, w.status, w.deployed_at
          having w.status in ('failed', 'rolled_back') or count(c.incident_id) > 0
        ),
        next_success as materialized (
          select f.*, (select next.at from (${
            next.sql
          }) next) as next_success_at
          from failures f
        ),
        episodes as (
          select n.*,
            case
              when n.next_success_at is null then n.resolved_at
              when n.resolved_at is null then n.next_success_at
              when n.next_success_at < n.resolved_at then n.next_success_at
              else n.resolved_at
            end as recovered_at
          from next_success n
        )
        select e.*, ${this.dialect.secondsBetween(
          'e.recovered_at',
          'e.failed_at',
        )} as seconds
        from episodes e`,
      bindings: [...win.bindings, ...causes.bindings, ...next.bindings],
    };
  }

  /** Per bucket: failures, recovered ones, median recovery time. */
  recoveries(bucketing: DoraBucketing) {
    const episodes = this.failureEpisodes();
    const bucket = this.bucket(bucketing, 'e.deployed_at');
    return this.knex.raw<any>(
      `with episodes as (${episodes.sql}) ${this.percentilesPerBucket({
        source: `select ${bucket.sql} as bucket, e.seconds as value,
            case when e.seconds is not null then 1 else 0 end as included
          from episodes e`,
        counts: 'count(*) as failures, sum(s.included) as recovered',
        percentiles: { median: 50 },
      })}`,
      [...episodes.bindings, ...bucket.bindings],
    );
  }

  /** The rows behind deployment frequency, failure rate and rework rate. */
  deploymentRows(
    filter: 'reached' | 'failed' | 'unplanned',
    page: { limit: number; offset: number },
  ) {
    const win = this.windowDeployments();
    const causes = this.incidentCauses();
    const unplanned = this.unplanned();
    const conditions = {
      reached: {
        sql: "w.status in ('succeeded', 'rolled_back')",
        bindings: [],
      },
      failed: {
        sql: "(w.status in ('failed', 'rolled_back') or c.deployment_id is not null)",
        bindings: [],
      },
      unplanned: {
        sql: unplanned.condition,
        bindings: unplanned.bindings.condition,
      },
    }[filter];
    const withUnplanned = filter === 'unplanned';
    return this.knex.raw<any>(
      `with win as (${win.sql}),
        ${causes.sql}${withUnplanned ? unplanned.cte : ''},
        caused as (
          select deployment_id, min(incident_id) as incident_id, min(title) as incident_title
          from causes group by deployment_id
        ),
        rows as (
          select w.*, c.incident_id, c.incident_title,
            case
              when w.status in ('failed', 'rolled_back') then w.status
              when c.deployment_id is not null then 'incident'
              else null
            end as failure_reason
          from win w left join caused c on c.deployment_id = w.id
          ${withUnplanned ? unplanned.join : ''}
          where ${conditions.sql}
        )
      select r.*, count(*) over () as total_count from rows r
      order by r.deployed_at desc, r.id desc
      limit ? offset ?`,
      [
        ...win.bindings,
        ...causes.bindings,
        ...(withUnplanned ? unplanned.bindings.cte : []),
        ...conditions.bindings,
        page.limit,
        page.offset,
      ],
    );
  }

  /** The changes behind lead time, newest deployment first. */
  leadTimeRows(page: { limit: number; offset: number }) {
    const leads = this.changeLeadTimes('rows');
    return this.knex.raw<any>(
      `with leads as (${leads.sql})
      select l.*, count(*) over () as total_count from leads l
      order by l.deployed_at desc, l.sha asc
      limit ? offset ?`,
      [...leads.bindings, page.limit, page.offset],
    );
  }

  /** The failure episodes behind recovery time, newest first. */
  recoveryRows(page: { limit: number; offset: number }) {
    const episodes = this.failureEpisodes();
    return this.knex.raw<any>(
      `with episodes as (${episodes.sql})
      select e.*, count(*) over () as total_count from episodes e
      order by e.deployed_at desc, e.id desc
      limit ? offset ?`,
      [...episodes.bindings, page.limit, page.offset],
    );
  }
}
