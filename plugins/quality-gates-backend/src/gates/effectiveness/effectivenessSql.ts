import { Knex } from 'knex';
import { EffectivenessSettings } from './effectivenessSettings';
import { versionOutcomes } from './versionOutcomes';
import { inListSql } from '../../database/inList';

/** Whose evaluations are judged: a period, optionally a gate and entities. */
export interface EffectivenessScope {
  from: Date;
  to: Date;
  gateId?: string;
  entityRef?: string;
  /** Only these entities (an owner's, or those a caller can see); never empty. */
  entityRefs?: string[];
}

type Statement = { sql: string; bindings: Knex.Value[] };

/**
 * SQL for gate effectiveness. The database aggregates: each statement
 * returns a handful of rows per gate (or at most `limit` flaky criteria),
 * however many evaluations the period holds. Outcome, judgement and class
 * names match the rules in docs/gates.md, "Are our gates right?".
 */
export class EffectivenessSql {
  constructor(
    private readonly knex: Knex,
    private readonly scope: EffectivenessScope,
    private readonly settings: EffectivenessSettings,
  ) {}

  /** CTE `scoped`: the evaluations of the period. */
  private scoped(): Statement {
    const { from, to, gateId, entityRef, entityRefs } = this.scope;
    const conditions = ['e.finished_at >= ?', 'e.finished_at < ?'];
    const bindings: Knex.Value[] = [from, to];
    if (gateId) {
      conditions.push('e.gate_id = ?');
      bindings.push(gateId);
    }
    if (entityRef) {
      conditions.push('e.entity_ref = ?');
      bindings.push(entityRef);
    }
    if (entityRefs) {
      const list = inListSql(this.knex, 'e.entity_ref', entityRefs);
      conditions.push(list.sql);
      bindings.push(...list.bindings);
    }
    return {
      sql: `scoped as (
          select e.id, e.gate_id, e.gate_title, e.entity_ref, e.environment,
            e.version, e.verdict, e.finished_at
          from gate_evaluations e
          where ${conditions.join(' and ')}
        )`,
      bindings,
    };
  }

  /**
   * CTEs `versions` (each evaluated entity, environment and version) and
   * their `outcomes`: bad, good or unknown (see versionOutcomes).
   */
  private outcomes(now: Date): Statement {
    const outcomes = versionOutcomes(this.knex, this.settings, now);
    return {
      sql: `versions as (
          select distinct entity_ref, environment, version from scoped
        ),
        ${outcomes.sql}`,
      bindings: outcomes.bindings,
    };
  }

  /**
   * Per gate, judgement (blocked, passed, error) and outcome: how many
   * versions. A version counts by its latest verdict that is a judgement.
   */
  gateJudgements(now: Date) {
    const scoped = this.scoped();
    const outcomes = this.outcomes(now);
    return this.knex.raw<any>(
      `with ${scoped.sql}, ${outcomes.sql},
        judged as (
          select s.gate_id, s.entity_ref, s.environment, s.version,
            case s.verdict when 'fail' then 'blocked' when 'error' then 'error'
              else 'passed' end as judgement,
            row_number() over (
              partition by s.gate_id, s.entity_ref, s.environment, s.version
              order by case when s.verdict = 'error' then 1 else 0 end,
                s.finished_at desc, s.id desc
            ) as rn
          from scoped s
        )
      select j.gate_id, j.judgement, o.outcome, count(*) as versions
      from judged j
      join outcomes o on o.entity_ref = j.entity_ref
        and o.environment = j.environment and o.version = j.version
      where j.rn = 1
      group by j.gate_id, j.judgement, o.outcome`,
      [...scoped.bindings, ...outcomes.bindings],
    );
  }

  /** Per gate: its evaluations in the period and its latest title. */
  gateTotals() {
    const scoped = this.scoped();
    return this.knex.raw<any>(
      `with ${scoped.sql},
        latest as (
          select s.gate_id, s.gate_title,
            row_number() over (
              partition by s.gate_id order by s.finished_at desc, s.id desc
            ) as rn
          from scoped s
        )
      select l.gate_id, l.gate_title, c.evaluations
      from latest l
      join (select gate_id, count(*) as evaluations from scoped group by gate_id) c
        on c.gate_id = l.gate_id
      where l.rn = 1`,
      scoped.bindings,
    );
  }

  /**
   * Per gate, criterion, judgement (blocked, passed, error, no_data) and
   * outcome: how many versions, by the criterion's latest state that is a
   * judgement.
   */
  criterionJudgements(now: Date) {
    const scoped = this.scoped();
    const outcomes = this.outcomes(now);
    return this.knex.raw<any>(
      `with ${scoped.sql}, ${outcomes.sql},
        judged as (
          select s.gate_id, r.key as criterion_key, r.source, r.position,
            s.entity_ref, s.environment, s.version,
            case r.state when 'fail' then 'blocked' when 'pass' then 'passed'
              when 'warning' then 'passed' when 'error' then 'error'
              else 'no_data' end as judgement,
            row_number() over (
              partition by s.gate_id, r.key, s.entity_ref, s.environment, s.version
              order by case when r.state in ('pass', 'warning', 'fail') then 0 else 1 end,
                s.finished_at desc, s.id desc
            ) as rn
          from scoped s
          join gate_criterion_results r on r.evaluation_id = s.id
        )
      select j.gate_id, j.criterion_key, max(j.source) as source,
        min(j.position) as position, j.judgement, o.outcome, count(*) as versions
      from judged j
      join outcomes o on o.entity_ref = j.entity_ref
        and o.environment = j.environment and o.version = j.version
      where j.rn = 1
      group by j.gate_id, j.criterion_key, j.judgement, o.outcome`,
      [...scoped.bindings, ...outcomes.bindings],
    );
  }

  /**
   * Criteria that both passed and failed one version in one environment,
   * the most flips first, at most `limit`, with the total.
   */
  flakyCriteria(limit: number) {
    const scoped = this.scoped();
    const partition =
      't.gate_id, t.criterion_key, t.entity_ref, t.environment, t.version';
    return this.knex.raw<any>(
      `with ${scoped.sql},
        states as (
          select s.id, s.gate_id, r.key as criterion_key, s.entity_ref,
            s.environment, s.version, r.state, s.finished_at
          from scoped s
          join gate_criterion_results r on r.evaluation_id = s.id
        ),
        judged as (
          select t.*, lag(t.state) over (
              partition by ${partition} order by t.finished_at, t.id
            ) as previous
          from states t where t.state in ('pass', 'fail')
        ),
        flips as (
          select ${partition},
            sum(case when t.state = 'pass' then 1 else 0 end) as passes,
            sum(case when t.state = 'fail' then 1 else 0 end) as fails,
            sum(case when t.previous is not null and t.previous <> t.state
              then 1 else 0 end) as flips
          from judged t
          group by ${partition}
          having sum(case when t.state = 'pass' then 1 else 0 end) > 0
            and sum(case when t.state = 'fail' then 1 else 0 end) > 0
        ),
        flaky as (
          select f.gate_id, f.criterion_key, f.entity_ref, f.environment,
            f.version, f.passes, f.fails, f.flips,
            count(*) as evaluations, max(t.finished_at) as last_evaluated_at
          from flips f
          join states t on t.gate_id = f.gate_id
            and t.criterion_key = f.criterion_key and t.entity_ref = f.entity_ref
            and t.environment = f.environment and t.version = f.version
          group by f.gate_id, f.criterion_key, f.entity_ref, f.environment,
            f.version, f.passes, f.fails, f.flips
        )
      select k.*, count(*) over () as total_count from flaky k
      order by k.flips desc, k.evaluations desc, k.last_evaluated_at desc,
        k.gate_id, k.criterion_key, k.entity_ref, k.environment, k.version
      limit ?`,
      [...scoped.bindings, limit],
    );
  }
}
