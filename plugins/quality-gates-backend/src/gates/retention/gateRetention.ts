import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { isPostgres } from '../../database/dialect';
import { placeholders } from '../../dora/doraSql';
import { readCentralGates } from '../definitions/GateDefinitions';
import {
  EffectivenessSettings,
  readEffectivenessSettings,
} from '../effectiveness/effectivenessSettings';
import { versionOutcomes } from '../effectiveness/versionOutcomes';

/**
 * Why an evaluation older than the retention is kept, as column names of
 * the `judged` CTE below.
 */
export const GATE_RETENTION_REASONS = {
  /** Pinned as its gate's baseline (POST /gates/evaluations/{id}/pin). */
  pinned: 'pinned',
  /** Named by `baseline.pinnedEvaluationId` of a configured criterion. */
  configuredBaseline: 'configured_baseline',
  /** Among the newest passing evaluations relative criteria compare with. */
  relativeBaseline: 'relative_baseline',
  /** The newest evaluation of its gate, entity and environment. */
  latest: 'latest',
  /**
   * Someone overrode its verdict: an override made on it or on its
   * decision, or one that applied when it was evaluated.
   */
  overridden: 'overridden',
  /**
   * Its version turned out bad there: a deployment failed or was rolled
   * back, or an incident is tied to one (as gate effectiveness judges).
   */
  incidentOrRollback: 'incident_or_rollback',
} as const;
export type GateRetentionReason = keyof typeof GATE_RETENTION_REASONS;
const REASONS = Object.keys(GATE_RETENTION_REASONS) as GateRetentionReason[];

/** What gate evaluation retention keeps. */
export interface GateRetentionPolicy {
  /** Evaluations older than this go, unless kept for a reason. */
  evaluationsDays: number;
  /**
   * Passing evaluations kept per gate, criterion, entity and environment:
   * at least the largest `baseline.from` of a configured criterion.
   */
  baselineEvaluations: number;
  /** Evaluation ids configured criteria pin as their baseline. */
  configuredBaselines: string[];
  /** How bad versions are recognized. */
  outcomes: EffectivenessSettings;
}

export const DEFAULT_GATE_EVALUATIONS_DAYS = 730;
/** A relative criterion without `baseline` compares with the last 5. */
const DEFAULT_BASELINE_FROM = 5;

/**
 * Reads `qualityGates.retention.gateEvaluationsDays` and
 * `gateBaselineEvaluations`, and the baselines of the central gates.
 */
export function readGateRetentionPolicy(config: Config): GateRetentionPolicy {
  const baselines = readCentralGates(config).flatMap(gate =>
    gate.criteria.flatMap(criterion =>
      criterion.baseline ? [criterion.baseline] : [],
    ),
  );
  const largestFrom = Math.max(
    DEFAULT_BASELINE_FROM,
    ...baselines.map(baseline => ('from' in baseline ? baseline.from : 0)),
  );
  const evaluationsDays =
    config.getOptionalNumber('qualityGates.retention.gateEvaluationsDays') ??
    DEFAULT_GATE_EVALUATIONS_DAYS;
  if (!(evaluationsDays > 0)) {
    throw new Error(
      'qualityGates.retention.gateEvaluationsDays must be a positive number of days',
    );
  }
  const configuredCount = config.getOptionalNumber(
    'qualityGates.retention.gateBaselineEvaluations',
  );
  if (
    configuredCount !== undefined &&
    !(Number.isInteger(configuredCount) && configuredCount > 0)
  ) {
    throw new Error(
      'qualityGates.retention.gateBaselineEvaluations must be a positive whole number',
    );
  }
  return {
    evaluationsDays,
    baselineEvaluations: Math.max(largestFrom, configuredCount ?? 0),
    configuredBaselines: [
      ...new Set(
        baselines.flatMap(baseline =>
          'pinnedEvaluationId' in baseline ? [baseline.pinnedEvaluationId] : [],
        ),
      ),
    ],
    outcomes: readEffectivenessSettings(config),
  };
}

type Statement = { sql: string; bindings: Knex.Value[] };

/**
 * CTE `judged`: each evaluation older than the policy allows, with a 0/1
 * column per reason to keep it. The ranks are taken over every evaluation
 * of the series concerned, recent ones included: a baseline is the newest
 * passing evaluations, however old.
 */
function cutoffOf(policy: GateRetentionPolicy, now: DateTime): Date {
  return now.minus({ days: policy.evaluationsDays }).toJSDate();
}

function judged(db: Knex, policy: GateRetentionPolicy, now: DateTime) {
  const cutoff = cutoffOf(policy, now);
  const outcomes = versionOutcomes(db, policy.outcomes, now.toJSDate());
  const configured = policy.configuredBaselines;
  const series = `join series s on s.gate_id = e.gate_id
        and s.entity_ref = e.entity_ref and s.environment = e.environment`;
  const statement: Statement = {
    sql: `expired as (
        select e.id, e.gate_id, e.entity_ref, e.environment, e.version,
          e.decision_id, e.override_id
        from gate_evaluations e where e.finished_at < ?
      ),
      series as (
        select distinct gate_id, entity_ref, environment from expired
      ),
      versions as (
        select distinct entity_ref, environment, version from expired
      ),
      ${outcomes.sql},
      baseline_ranks as (
        select r.evaluation_id, row_number() over (
            partition by e.gate_id, e.entity_ref, e.environment, r.key
            order by e.finished_at desc, e.id desc
          ) as rn
        from gate_evaluations e
        ${series}
        join gate_criterion_results r on r.evaluation_id = e.id
        where e.verdict = 'pass' and r.observed is not null
      ),
      latest_ranks as (
        select e.id, row_number() over (
            partition by e.gate_id, e.entity_ref, e.environment
            order by e.finished_at desc, e.id desc
          ) as rn
        from gate_evaluations e
        ${series}
      ),
      judged as (
        select x.id,
          case when exists (select 1 from gate_baseline_pins p
            where p.evaluation_id = x.id) then 1 else 0 end as pinned,
          case when ${
            configured.length > 0
              ? `x.id in (${placeholders(configured)})`
              : '1 = 0'
          } then 1 else 0 end as configured_baseline,
          case when exists (select 1 from baseline_ranks b
            where b.evaluation_id = x.id and b.rn <= ?) then 1 else 0 end
            as relative_baseline,
          case when exists (select 1 from latest_ranks l
            where l.id = x.id and l.rn = 1) then 1 else 0 end as latest,
          case when x.override_id is not null
            or exists (select 1 from gate_overrides o
              where o.evaluation_id = x.id)
            or exists (select 1 from gate_overrides o
              where o.decision_id = x.decision_id
                and (o.gate_id is null or o.gate_id = x.gate_id))
            then 1 else 0 end as overridden,
          case when exists (select 1 from outcomes o
            where o.entity_ref = x.entity_ref and o.environment = x.environment
              and o.version = x.version and o.outcome = 'bad') then 1 else 0 end
            as incident_or_rollback
        from expired x
      )`,
    bindings: [
      cutoff,
      ...outcomes.bindings,
      ...configured,
      policy.baselineEvaluations,
    ],
  };
  return statement;
}

const KEPT = Object.values(GATE_RETENTION_REASONS).join(' + ');

/**
 * The evaluations older than the policy allows, each with the reasons it
 * is kept (none: the next pass deletes it).
 */
export async function gateRetentionPlan(
  db: Knex,
  policy: GateRetentionPolicy,
  now: DateTime = DateTime.utc(),
): Promise<Array<{ id: string; reasons: GateRetentionReason[] }>> {
  const { sql, bindings } = judged(db, policy, now);
  const result = await db.raw(
    `with ${sql} select * from judged order by id`,
    bindings,
  );
  const rows: Array<Record<string, unknown>> = result.rows ?? result;
  return rows.map(row => ({
    id: String(row.id),
    reasons: REASONS.filter(
      reason => Number(row[GATE_RETENTION_REASONS[reason]]) === 1,
    ),
  }));
}

/** What one pass deleted, and how many old evaluations it kept and why. */
export interface GateRetentionResult {
  gateEvaluations: number;
  /** Decisions older than the retention with no evaluation left. */
  gateDecisions: number;
  kept: Record<GateRetentionReason, number>;
}

/**
 * Deletes the gate evaluations older than the policy allows, except those
 * kept for a reason (GATE_RETENTION_REASONS); their criterion results go
 * with them (foreign keys cascade). Overrides and pins are never deleted:
 * their evaluations are kept.
 *
 * Decisions follow their evaluations: a decision is kept while any of its
 * evaluations is (so an overridden one stays), and goes once it is older
 * than the retention and has none left.
 */
export async function applyGateRetention(
  db: Knex,
  policy: GateRetentionPolicy,
  now: DateTime = DateTime.utc(),
): Promise<GateRetentionResult> {
  const { sql, bindings } = judged(db, policy, now);
  return db.transaction(async tx => {
    const counted = await tx.raw(
      `with ${sql} select ${REASONS.map(
        reason =>
          `coalesce(sum(${GATE_RETENTION_REASONS[reason]}), 0) as ${GATE_RETENTION_REASONS[reason]}`,
      ).join(', ')} from judged`,
      bindings,
    );
    const [counts] = counted.rows ?? counted;
    const deleted = await tx.raw(
      `with ${sql} delete from gate_evaluations
        where id in (select id from judged where ${KEPT} = 0)`,
      bindings,
    );
    const gateEvaluations = isPostgres(tx)
      ? deleted.rowCount
      : Number((await tx.raw('select changes() as n'))[0].n);
    const gateDecisions = await tx('gate_decisions as d')
      .where('d.decided_at', '<', cutoffOf(policy, now))
      .whereNotExists(
        tx('gate_evaluations as e')
          .whereRaw('e.decision_id = d.id')
          .select(tx.raw('1')),
      )
      .delete();
    return {
      gateEvaluations,
      gateDecisions,
      kept: Object.fromEntries(
        REASONS.map(reason => [
          reason,
          Number(counts[GATE_RETENTION_REASONS[reason]]),
        ]),
      ) as Record<GateRetentionReason, number>,
    };
  });
}
