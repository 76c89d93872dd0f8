import { Knex } from 'knex';
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
  environments: string[];
  from: Date;
  to: Date;
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
    private readonly knex: Knex,
    private readonly scope: DoraQueryScope,
  ) {
    this.dialect = doraDialect(knex);
  }

  private get refs(): string {
    return placeholders(this.scope.entityRefs);
  }

  private get envs(): string {
    return placeholders(this.scope.environments);
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
    const { entityRefs, environments, from, to } = this.scope;
    return {
      sql: `select d.id, d.entity_ref, d.environment, d.version, d.status, d.started_at,
          ${deployedAt('d')} as deployed_at
        from deployments d
        where d.entity_ref in (${this.refs}) and d.environment in (${this.envs})
          and d.status in ('succeeded', 'failed', 'rolled_back')
          and ${deployedAt('d')} >= ? and ${deployedAt('d')} < ?`,
      bindings: [...entityRefs, ...environments, from, to],
    };
  }

  /**
   * Each incident of the scope opened since the window began, with the one
   * deployment it is tied to: its explicit cause if it names one (counted
   * only when that is a production deployment of the scope), else the last
   * successful production deployment of its entity before it opened.
   */
  private incidentCauses(): { sql: string; bindings: Knex.Value[] } {
    const { entityRefs, environments, from } = this.scope;
    return {
      sql: `select x.incident_id, x.title, x.opened_at, x.resolved_at, x.deployment_id from (
          select i.id as incident_id, i.title, i.opened_at, i.resolved_at,
            case when i.caused_by_deployment_id is not null then (
              select e.id from deployments e
              where e.id = i.caused_by_deployment_id
                and e.entity_ref in (${this.refs}) and e.environment in (${
        this.envs
      })
            ) else (
              select d.id from deployments d
              where d.entity_ref = i.entity_ref and d.environment in (${
                this.envs
              })
                and d.status = 'succeeded' and ${deployedAt('d')} <= i.opened_at
              order by ${deployedAt('d')} desc, d.id desc
              limit 1
            ) end as deployment_id
          from incidents i
          where i.entity_ref in (${this.refs})
            and (i.environment is null or i.environment in (${this.envs}))
            and i.opened_at >= ?
        ) x where x.deployment_id is not null`,
      bindings: [
        ...entityRefs,
        ...environments,
        ...environments,
        ...entityRefs,
        ...environments,
        from,
      ],
    };
  }

  /** An incident of the deployment's entity was open when it started. */
  private unplannedCondition(): { sql: string; bindings: Knex.Value[] } {
    return {
      sql: `exists (
          select 1 from incidents i
          where i.entity_ref = w.entity_ref
            and (i.environment is null or i.environment in (${this.envs}))
            and i.opened_at <= w.started_at
            and (i.resolved_at is null or i.resolved_at > w.started_at)
        )`,
      bindings: [...this.scope.environments],
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
    const unplanned = this.unplannedCondition();
    return this.knex.raw<any>(
      `with win as (${win.sql}),
        causes as (${causes.sql})
      select ${bucket.sql} as bucket,
        count(*) as finished,
        sum(case when w.status in ('succeeded', 'rolled_back') then 1 else 0 end) as reached,
        sum(case when w.status in ('failed', 'rolled_back') or c.deployment_id is not null then 1 else 0 end) as failed,
        sum(case when ${unplanned.sql} then 1 else 0 end) as unplanned
      from win w
      left join (select deployment_id from causes group by deployment_id) c
        on c.deployment_id = w.id
      group by bucket`,
      [
        ...win.bindings,
        ...causes.bindings,
        ...bucket.bindings,
        ...unplanned.bindings,
      ],
    );
  }

  /**
   * Lead time of every change whose first successful production deployment
   * (of its entity) falls in the window: first commit → that deployment.
   */
  private changeLeadTimes(): { sql: string; bindings: Knex.Value[] } {
    const win = this.windowDeployments();
    const { epoch } = this.dialect;
    return {
      sql: `with win as (${win.sql}),
        firsts as (
          select w.entity_ref, dc.repository, dc.sha, min(w.deployed_at) as deployed_at,
            min(w.id) as deployment_id
          from win w join deployment_changes dc on dc.deployment_id = w.id
          where w.status = 'succeeded'
          group by w.entity_ref, dc.repository, dc.sha
        )
        select f.entity_ref, f.repository, f.sha, f.deployed_at, f.deployment_id,
          coalesce(c.committed_at, c.authored_at) as committed_at,
          ${epoch('f.deployed_at')} - ${epoch(
        'coalesce(c.committed_at, c.authored_at)',
      )} as seconds
        from firsts f
        join changes c on c.repository = f.repository and c.sha = f.sha
        where coalesce(c.committed_at, c.authored_at) is not null
          and not exists (
            select 1 from deployment_changes dc2
            join deployments d2 on d2.id = dc2.deployment_id
            where dc2.repository = f.repository and dc2.sha = f.sha
              and d2.entity_ref = f.entity_ref
              and d2.environment in (${this.envs}) and d2.status = 'succeeded'
              and ${deployedAt('d2')} < ?
          )`,
      bindings: [...win.bindings, ...this.scope.environments, this.scope.from],
    };
  }

  /** Per bucket: changes, those left out as non-positive, median and p90. */
  leadTimes(bucketing: DoraBucketing) {
    const leads = this.changeLeadTimes();
    const bucket = this.bucket(bucketing, 'l.deployed_at');
    const positive = 'case when l.seconds > 0 then 1 else 0 end';
    return this.knex.raw<any>(
      `with leads as (${leads.sql}),
        ranked as (
          select ${bucket.sql} as bucket, l.seconds, ${positive} as positive,
            row_number() over (partition by ${
              bucket.sql
            }, ${positive} order by l.seconds) as rn,
            count(*) over (partition by ${bucket.sql}, ${positive}) as n
          from leads l
        )
      select bucket,
        sum(positive) as changes,
        sum(1 - positive) as excluded,
        max(case when positive = 1 and rn = ${nearestRank(
          50,
          'n',
        )} then seconds end) as median,
        max(case when positive = 1 and rn = ${nearestRank(
          90,
          'n',
        )} then seconds end) as p90
      from ranked group by bucket`,
      [
        ...leads.bindings,
        ...bucket.bindings,
        ...bucket.bindings,
        ...bucket.bindings,
      ],
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
    const { epoch } = this.dialect;
    return {
      sql: `with win as (${win.sql}),
        causes as (${causes.sql}),
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
        next_success as (
          select f.*, (
            select min(${deployedAt('d')}) from deployments d
            where d.entity_ref = f.entity_ref and d.environment in (${
              this.envs
            })
              and d.status = 'succeeded' and ${deployedAt('d')} > f.failed_at
          ) as next_success_at
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
        select e.*, ${epoch('e.recovered_at')} - ${epoch(
        'e.failed_at',
      )} as seconds
        from episodes e`,
      bindings: [
        ...win.bindings,
        ...causes.bindings,
        ...this.scope.environments,
      ],
    };
  }

  /** Per bucket: failures, recovered ones, median recovery time. */
  recoveries(bucketing: DoraBucketing) {
    const episodes = this.failureEpisodes();
    const bucket = this.bucket(bucketing, 'e.deployed_at');
    const recovered = 'case when e.seconds is not null then 1 else 0 end';
    return this.knex.raw<any>(
      `with episodes as (${episodes.sql}),
        ranked as (
          select ${bucket.sql} as bucket, e.seconds, ${recovered} as recovered,
            row_number() over (partition by ${
              bucket.sql
            }, ${recovered} order by e.seconds) as rn,
            count(*) over (partition by ${bucket.sql}, ${recovered}) as n
          from episodes e
        )
      select bucket,
        count(*) as failures,
        sum(recovered) as recovered,
        max(case when recovered = 1 and rn = ${nearestRank(
          50,
          'n',
        )} then seconds end) as median
      from ranked group by bucket`,
      [
        ...episodes.bindings,
        ...bucket.bindings,
        ...bucket.bindings,
        ...bucket.bindings,
      ],
    );
  }

  /** The rows behind deployment frequency, failure rate and rework rate. */
  deploymentRows(
    filter: 'reached' | 'failed' | 'unplanned',
    page: { limit: number; offset: number },
  ) {
    const win = this.windowDeployments();
    const causes = this.incidentCauses();
    const unplanned = this.unplannedCondition();
    const conditions = {
      reached: {
        sql: "w.status in ('succeeded', 'rolled_back')",
        bindings: [],
      },
      failed: {
        sql: "(w.status in ('failed', 'rolled_back') or c.deployment_id is not null)",
        bindings: [],
      },
      unplanned,
    }[filter];
    return this.knex.raw<any>(
      `with win as (${win.sql}),
        causes as (${causes.sql}),
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
          where ${conditions.sql}
        )
      select r.*, count(*) over () as total_count from rows r
      order by r.deployed_at desc, r.id desc
      limit ? offset ?`,
      [
        ...win.bindings,
        ...causes.bindings,
        ...conditions.bindings,
        page.limit,
        page.offset,
      ],
    );
  }

  /** The changes behind lead time, newest deployment first. */
  leadTimeRows(page: { limit: number; offset: number }) {
    const leads = this.changeLeadTimes();
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
