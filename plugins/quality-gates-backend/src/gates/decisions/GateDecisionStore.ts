import { Knex } from 'knex';
import {
  DecisionAnswer,
  GateDecision,
  GateDecisionPage,
  GateDecisionSummary,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../../database/timestamps';
import { inTimeRange, readNewestFirst } from '../../database/pagedQuery';
import { whereInList } from '../../database/inList';
import { insertAtOnce } from '../../database/insertAtOnce';
import {
  AppliedOverride,
  GateEvaluationStore,
  evaluationInserts,
  NewGateEvaluation,
} from '../store/GateEvaluationStore';

/** Filters of the decision list. */
export interface GateDecisionFilters {
  entityRef?: string;
  /** Only these entities, e.g. those a caller can see. */
  entityRefs?: string[];
  gateId?: string;
  environment?: string;
  version?: string;
  answer?: DecisionAnswer;
  from?: string;
  to?: string;
}

/** A decision to store, with its evaluations and their ids. */
export interface NewGateDecision extends Omit<GateDecision, 'evaluations'> {
  evaluations: Array<{
    id: string;
    evaluation: NewGateEvaluation;
    applied?: AppliedOverride;
  }>;
}

type DecisionRow = {
  id: string;
  entity_ref: string;
  environment: string;
  version: string;
  trigger: GateDecision['trigger'];
  requested_by: string | null;
  answer: DecisionAnswer;
  sentence: string;
  verdict: GateDecision['verdict'];
  ask_again_at: unknown;
  problems: string | null;
  decided_at: unknown;
};

function toDecision(row: DecisionRow): Omit<GateDecision, 'evaluations'> {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    trigger: row.trigger,
    ...(row.requested_by ? { requestedBy: row.requested_by } : {}),
    decidedAt: timestampFromDatabase(row.decided_at as Date),
    answer: row.answer,
    sentence: row.sentence,
    ...(row.ask_again_at
      ? { askAgainAt: timestampFromDatabase(row.ask_again_at as Date) }
      : {}),
    verdict: row.verdict,
    problems: row.problems ? JSON.parse(row.problems) : [],
  };
}

/**
 * Decisions: one per `POST /gates/evaluate`, written with its evaluations
 * in one atomic write; read with them, or listed as summaries.
 */
export class GateDecisionStore {
  constructor(
    private readonly knex: Knex,
    private readonly evaluations: GateEvaluationStore,
  ) {}

  /** The decision and its evaluations, in one write; nothing read back. */
  async save(decision: NewGateDecision): Promise<void> {
    await insertAtOnce(this.knex, db => [
      db('gate_decisions').insert({
        id: decision.id,
        entity_ref: decision.entityRef,
        environment: decision.environment,
        version: decision.version,
        trigger: decision.trigger,
        requested_by: decision.requestedBy ?? null,
        answer: decision.answer,
        sentence: decision.sentence,
        verdict: decision.verdict,
        ask_again_at: decision.askAgainAt
          ? timestampToDatabase(decision.askAgainAt)
          : null,
        problems: decision.problems.length
          ? JSON.stringify(decision.problems)
          : null,
        decided_at: timestampToDatabase(decision.decidedAt),
      }),
      ...evaluationInserts(
        db,
        decision.evaluations.map((item, position) => ({
          ...item,
          decisionId: decision.id,
          position,
        })),
      ),
    ]);
  }

  async get(id: string): Promise<GateDecision | undefined> {
    const row = await this.knex('gate_decisions').where({ id }).first();
    if (!row) return undefined;
    return {
      ...toDecision(row),
      evaluations: await this.evaluations.ofDecisions([id]),
    };
  }

  private filtered(filters: GateDecisionFilters): Knex.QueryBuilder {
    const query = this.knex('gate_decisions as d');
    if (filters.entityRef) query.where('d.entity_ref', filters.entityRef);
    if (filters.entityRefs) {
      whereInList(this.knex, query, 'd.entity_ref', filters.entityRefs);
    }
    if (filters.environment) query.where('d.environment', filters.environment);
    if (filters.version) query.where('d.version', filters.version);
    if (filters.answer) query.where('d.answer', filters.answer);
    if (filters.gateId) {
      query.whereExists(
        this.knex('gate_evaluations as e')
          .whereRaw('e.decision_id = d.id')
          .where('e.gate_id', filters.gateId)
          .select(this.knex.raw('1')),
      );
    }
    inTimeRange(query, 'd.decided_at', filters);
    return query;
  }

  /** The entities with decisions matching the filters, for visibility. */
  async entityRefsOf(filters: GateDecisionFilters): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.filtered(
      filters,
    ).distinct('d.entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async list(
    filters: GateDecisionFilters & { limit: number; offset: number },
  ): Promise<GateDecisionPage> {
    const { rows, totalCount } = await readNewestFirst<DecisionRow>(
      this.filtered(filters),
      {
        timeColumn: 'd.decided_at',
        limit: filters.limit,
        offset: filters.offset,
      },
    );
    return { items: await this.summaries(rows), total: totalCount };
  }

  private async summaries(rows: DecisionRow[]): Promise<GateDecisionSummary[]> {
    const evaluations = await this.evaluations.ofDecisions(
      rows.map(row => row.id),
      { withCriteria: false },
    );
    return rows.map(row => ({
      ...toDecision(row),
      gates: evaluations
        .filter(evaluation => evaluation.decisionId === row.id)
        .map(evaluation => ({
          id: evaluation.id,
          gateId: evaluation.gateId,
          gateTitle: evaluation.gateTitle,
          mode: evaluation.mode,
          verdict: evaluation.verdict,
          effectiveVerdict: evaluation.effectiveVerdict,
          score: evaluation.score,
          ...(evaluation.override ? { override: evaluation.override } : {}),
        })),
    }));
  }

  /** The newest decision for a version in each environment that has one. */
  async latestForVersion(
    entityRef: string,
    version: string,
  ): Promise<GateDecision[]> {
    const newest = this.knex('gate_decisions')
      .where({ entity_ref: entityRef, version })
      .groupBy('environment')
      .select('environment')
      .max({ decided_at: 'decided_at' });
    const rows: DecisionRow[] = await this.knex('gate_decisions as d')
      .join(newest.as('n'), function joinNewest() {
        this.on('d.environment', 'n.environment').andOn(
          'd.decided_at',
          'n.decided_at',
        );
      })
      .where({ 'd.entity_ref': entityRef, 'd.version': version })
      .orderBy('d.id')
      .select('d.*');
    // Two decisions in the same millisecond: one per environment.
    const unique = [
      ...new Map(rows.map(row => [row.environment, row])).values(),
    ];
    const evaluations = await this.evaluations.ofDecisions(
      unique.map(row => row.id),
    );
    return unique.map(row => ({
      ...toDecision(row),
      evaluations: evaluations.filter(e => e.decisionId === row.id),
    }));
  }

  /**
   * Each entity's newest decision in one environment, for the catalog
   * table's column: one query for a page of rows. Entities without one are
   * left out.
   */
  async latestPerEntity(
    entityRefs: string[],
    environment: string,
  ): Promise<Array<Omit<GateDecision, 'evaluations'>>> {
    if (entityRefs.length === 0) return [];
    const newest = this.knex('gate_decisions')
      .where({ environment })
      .groupBy('entity_ref')
      .select('entity_ref')
      .max({ decided_at: 'decided_at' });
    whereInList(this.knex, newest, 'entity_ref', entityRefs);
    const rows: DecisionRow[] = await this.knex('gate_decisions as d')
      .join(newest.as('n'), function joinNewest() {
        this.on('d.entity_ref', 'n.entity_ref').andOn(
          'd.decided_at',
          'n.decided_at',
        );
      })
      .where({ 'd.environment': environment })
      .orderBy('d.id')
      .select('d.*');
    // Two decisions in the same millisecond: one per entity.
    return [...new Map(rows.map(row => [row.entity_ref, row])).values()].map(
      toDecision,
    );
  }

  /** Versions asked about for an entity, newest first. */
  async versions(
    entityRef: string,
    limit: number,
  ): Promise<Array<{ version: string; at: string }>> {
    const rows = (await this.knex('gate_decisions')
      .where({ entity_ref: entityRef })
      .groupBy('version')
      .select('version')
      .max({ at: 'decided_at' })
      .orderBy('at', 'desc')
      .limit(limit)) as unknown as Array<{
      version: string;
      at: Date | number;
    }>;
    return rows.map(row => ({
      version: row.version,
      at: timestampFromDatabase(row.at),
    }));
  }
}
