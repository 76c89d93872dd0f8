import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  CriterionEvidence,
  effectiveGateVerdict,
  GateEvaluation,
  GateMode,
  GateOverride,
  GateVerdict,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../../database/timestamps';
import { inTimeRange, readNewestFirst } from '../../database/pagedQuery';

/** An evaluation as the evaluator hands it over, before it has an id. */
export type NewGateEvaluation = Omit<
  GateEvaluation,
  'id' | 'effectiveVerdict' | 'override'
> & { requestedBy?: string; problems?: string[] };

/** Filters of the history. */
export interface GateEvaluationQuery {
  entityRef?: string;
  entityRefs?: string[];
  gateId?: string;
  environment?: string;
  verdict?: GateVerdict;
  overridden?: boolean;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

function toOverride(row: any, now: DateTime): GateOverride {
  const expiresAt = timestampFromDatabase(row.expires_at);
  return {
    id: row.id,
    verdict: row.verdict,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: timestampFromDatabase(row.created_at),
    expiresAt,
    active: expiresAt > now.toISO()!,
  };
}

/**
 * Gate evaluations with their evidence and overrides. Everything an
 * evaluation decided is written in one transaction.
 */
export class GateEvaluationStore {
  constructor(private readonly knex: Knex) {}

  async save(evaluation: NewGateEvaluation): Promise<GateEvaluation> {
    const id = randomUUID();
    await this.knex.transaction(async tx => {
      await tx('gate_evaluations').insert({
        id,
        gate_id: evaluation.gateId,
        gate_title: evaluation.gateTitle,
        entity_ref: evaluation.entityRef,
        environment: evaluation.environment,
        version: evaluation.version,
        trigger: evaluation.trigger,
        mode: evaluation.mode,
        verdict: evaluation.verdict,
        score: evaluation.score,
        pass_percent: evaluation.passPercent,
        warning_percent: evaluation.warningPercent,
        requested_by: evaluation.requestedBy ?? null,
        problems: evaluation.problems?.length
          ? JSON.stringify(evaluation.problems)
          : null,
        started_at: timestampToDatabase(evaluation.startedAt),
        finished_at: timestampToDatabase(evaluation.finishedAt),
      });
      if (evaluation.criteria.length > 0) {
        await tx('gate_criterion_results').insert(
          evaluation.criteria.map((criterion, position) => {
            const {
              key,
              source,
              state,
              weight,
              keyCriterion,
              score,
              observed,
            } = criterion;
            return {
              evaluation_id: id,
              key,
              position,
              source,
              state,
              weight,
              key_criterion: keyCriterion,
              score,
              observed,
              evidence: JSON.stringify(criterion),
            };
          }),
        );
      }
    });
    const { requestedBy: _by, ...answer } = evaluation;
    return {
      ...answer,
      id,
      // The state before the flaky tolerance is kept for later evaluations.
      criteria: evaluation.criteria.map(
        ({ rawState: _raw, ...criterion }: any) => criterion,
      ),
      effectiveVerdict: effectiveGateVerdict(
        evaluation.verdict,
        evaluation.mode,
      ),
    };
  }

  /**
   * Observed values of a criterion in the latest passing evaluations of the
   * same gate, entity and environment: the baseline of relative criteria.
   */
  async passingObservations(options: {
    gateId: string;
    entityRef: string;
    environment: string;
    key: string;
    count: number;
  }): Promise<number[]> {
    const rows = await this.knex('gate_criterion_results as r')
      .join('gate_evaluations as e', 'e.id', 'r.evaluation_id')
      .where({
        'e.gate_id': options.gateId,
        'e.entity_ref': options.entityRef,
        'e.environment': options.environment,
        'e.verdict': 'pass',
        'r.key': options.key,
      })
      .whereNotNull('r.observed')
      .orderBy('e.finished_at', 'desc')
      .limit(options.count)
      .select('r.observed');
    return rows.map(row => Number(row.observed));
  }

  /** A criterion's observed value in one evaluation: a pinned baseline. */
  async observationOf(
    evaluationId: string,
    key: string,
  ): Promise<number | null> {
    const row = await this.knex('gate_criterion_results')
      .where({ evaluation_id: evaluationId, key })
      .first('observed');
    return row && row.observed !== null ? Number(row.observed) : null;
  }

  /** The criterion's states in the latest evaluations, newest first. */
  async recentStates(options: {
    gateId: string;
    entityRef: string;
    environment: string;
    key: string;
    count: number;
  }): Promise<string[]> {
    if (options.count === 0) return [];
    const rows = await this.knex('gate_criterion_results as r')
      .join('gate_evaluations as e', 'e.id', 'r.evaluation_id')
      .where({
        'e.gate_id': options.gateId,
        'e.entity_ref': options.entityRef,
        'e.environment': options.environment,
        'r.key': options.key,
      })
      .orderBy('e.finished_at', 'desc')
      .limit(options.count)
      .select('r.evidence');
    // The state before the flaky tolerance turned a failure into a warning.
    return rows.map(row => JSON.parse(row.evidence).rawState ?? 'pass');
  }

  private async hydrate(rows: any[]): Promise<GateEvaluation[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(row => row.id);
    const [criteria, overrides] = await Promise.all([
      this.knex('gate_criterion_results')
        .whereIn('evaluation_id', ids)
        .orderBy(['evaluation_id', 'position'])
        .select('evaluation_id', 'evidence'),
      this.knex('gate_overrides')
        .whereIn('evaluation_id', ids)
        .orderBy('created_at', 'desc'),
    ]);
    const now = DateTime.utc();
    const criteriaOf = new Map<string, CriterionEvidence[]>();
    for (const row of criteria) {
      const list = criteriaOf.get(row.evaluation_id) ?? [];
      const { rawState: _raw, ...evidence } = JSON.parse(row.evidence);
      list.push(evidence);
      criteriaOf.set(row.evaluation_id, list);
    }
    const overrideOf = new Map<string, GateOverride>();
    for (const row of overrides) {
      if (!overrideOf.has(row.evaluation_id)) {
        overrideOf.set(row.evaluation_id, toOverride(row, now));
      }
    }
    return rows.map(row => {
      const override = overrideOf.get(row.id);
      const mode = row.mode as GateMode;
      const evaluation: GateEvaluation & { problems?: string[] } = {
        id: row.id,
        gateId: row.gate_id,
        gateTitle: row.gate_title,
        entityRef: row.entity_ref,
        environment: row.environment,
        version: row.version,
        trigger: row.trigger,
        mode,
        verdict: row.verdict,
        effectiveVerdict: effectiveGateVerdict(row.verdict, mode, override),
        score: row.score === null ? null : Number(row.score),
        passPercent: Number(row.pass_percent),
        warningPercent: Number(row.warning_percent),
        criteria: criteriaOf.get(row.id) ?? [],
        startedAt: timestampFromDatabase(row.started_at),
        finishedAt: timestampFromDatabase(row.finished_at),
        ...(override ? { override } : {}),
      };
      if (row.problems) evaluation.problems = JSON.parse(row.problems);
      return evaluation;
    });
  }

  async get(id: string): Promise<GateEvaluation | undefined> {
    const rows = await this.knex('gate_evaluations').where({ id });
    return (await this.hydrate(rows))[0];
  }

  async list(
    query: GateEvaluationQuery,
  ): Promise<{ items: GateEvaluation[]; totalCount: number }> {
    const builder = this.knex('gate_evaluations as e');
    if (query.entityRef) builder.where('e.entity_ref', query.entityRef);
    if (query.entityRefs) builder.whereIn('e.entity_ref', query.entityRefs);
    if (query.gateId) builder.where('e.gate_id', query.gateId);
    if (query.environment) builder.where('e.environment', query.environment);
    if (query.verdict) builder.where('e.verdict', query.verdict);
    inTimeRange(builder, 'e.finished_at', query);
    if (query.overridden !== undefined) {
      const overrides = this.knex('gate_overrides as o')
        .whereRaw('o.evaluation_id = e.id')
        .select(this.knex.raw('1'));
      if (query.overridden) builder.whereExists(overrides);
      else builder.whereNotExists(overrides);
    }
    const { rows, totalCount } = await readNewestFirst<any>(builder, {
      timeColumn: 'e.finished_at',
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.hydrate(rows), totalCount };
  }

  /** The latest evaluation of each gate in each environment of an entity. */
  async latestPerGate(entityRef: string): Promise<GateEvaluation[]> {
    const latest = this.knex('gate_evaluations')
      .where({ entity_ref: entityRef })
      .groupBy('gate_id', 'environment')
      .select('gate_id', 'environment')
      .max({ finished_at: 'finished_at' });
    const rows = await this.knex('gate_evaluations as e')
      .join(latest.as('l'), function joinLatest() {
        this.on('e.gate_id', 'l.gate_id')
          .andOn('e.environment', 'l.environment')
          .andOn('e.finished_at', 'l.finished_at');
      })
      .where('e.entity_ref', entityRef)
      .orderBy(['e.environment', 'e.gate_id'])
      .select('e.*');
    return this.hydrate(rows);
  }

  /** Recent evaluations of one gate in one environment, for a history strip. */
  async recentVerdicts(
    entityRef: string,
    limit: number,
  ): Promise<
    Array<{
      gateId: string;
      environment: string;
      id: string;
      verdict: GateVerdict;
      version: string;
      finishedAt: string;
    }>
  > {
    const rows = await this.knex('gate_evaluations')
      .where({ entity_ref: entityRef })
      .orderBy('finished_at', 'desc')
      .limit(limit)
      .select(
        'id',
        'gate_id',
        'environment',
        'verdict',
        'version',
        'finished_at',
      );
    return rows.map(row => ({
      id: row.id,
      gateId: row.gate_id,
      environment: row.environment,
      verdict: row.verdict,
      version: row.version,
      finishedAt: timestampFromDatabase(row.finished_at),
    }));
  }

  async addOverride(input: {
    evaluationId: string;
    verdict: 'pass' | 'fail';
    reason: string;
    createdBy: string;
    expiresAt: string;
  }): Promise<GateOverride> {
    const now = DateTime.utc();
    const row = {
      id: randomUUID(),
      evaluation_id: input.evaluationId,
      verdict: input.verdict,
      reason: input.reason,
      created_by: input.createdBy,
      created_at: now.toJSDate(),
      expires_at: timestampToDatabase(input.expiresAt),
    };
    await this.knex('gate_overrides').insert(row);
    return toOverride(row, now);
  }
}
