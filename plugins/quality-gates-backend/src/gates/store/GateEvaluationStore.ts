import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  CriterionEvidence,
  effectiveGateVerdict,
  GateBaselinePin,
  PinnedBaselineFacts,
  GateEvaluation,
  GateMode,
  GateOverride,
  GateVerdict,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../../database/timestamps';
import { toOverride } from '../overrides/GateOverrideStore';
import { inTimeRange, readNewestFirst } from '../../database/pagedQuery';
import { whereInList } from '../../database/inList';
import { insertAtOnce } from '../../database/insertAtOnce';
import {
  CriterionHistory,
  CriterionHistoryRequest,
  readCriterionHistory,
} from './criterionHistory';

/** An evaluation as the evaluator hands it over, before it has an id. */
export type NewGateEvaluation = Omit<
  GateEvaluation,
  'id' | 'effectiveVerdict' | 'override' | 'decisionId'
> & { requestedBy?: string; problems?: string[] };

/** The override that applied when a gate was evaluated, and what it gave. */
export interface AppliedOverride {
  override: GateOverride;
  effectiveVerdict: GateVerdict;
}

/** An evaluation to write, with its id and what links it to a decision. */
export interface EvaluationToInsert {
  id: string;
  evaluation: NewGateEvaluation;
  decisionId?: string;
  position?: number;
  applied?: AppliedOverride;
}

/** Rows per insert statement: well under SQLite's limit of bound values. */
const ROWS_PER_INSERT = 200;

function insertRows(
  db: Knex | Knex.Transaction,
  table: string,
  rows: object[],
): Knex.QueryBuilder[] {
  const inserts: Knex.QueryBuilder[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    inserts.push(db(table).insert(rows.slice(start, start + ROWS_PER_INSERT)));
  }
  return inserts;
}

/**
 * The inserts of evaluations and their criteria, to run as one write
 * (`insertAtOnce`): one multi-row insert per table, not one per
 * evaluation, and nothing is read back.
 */
export function evaluationInserts(
  db: Knex | Knex.Transaction,
  items: EvaluationToInsert[],
): Knex.QueryBuilder[] {
  return [
    ...insertRows(
      db,
      'gate_evaluations',
      items.map(({ id, evaluation, decisionId, position, applied }) => ({
        id,
        decision_id: decisionId ?? null,
        decision_position: position ?? null,
        override_id: applied?.override.id ?? null,
        effective_verdict: applied?.effectiveVerdict ?? null,
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
      })),
    ),
    ...insertRows(
      db,
      'gate_criterion_results',
      items.flatMap(({ id, evaluation }) =>
        evaluation.criteria.map((criterion, position) => {
          const { key, source, state, weight, keyCriterion, score, observed } =
            criterion;
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
      ),
    ),
  ];
}

/** A just-stored evaluation as the API answers it. */
export function storedEvaluation(
  id: string,
  evaluation: NewGateEvaluation,
  links: { decisionId?: string; applied?: AppliedOverride } = {},
): GateEvaluation {
  const { requestedBy: _by, ...answer } = evaluation;
  return {
    ...answer,
    id,
    ...(links.decisionId ? { decisionId: links.decisionId } : {}),
    // The state before the flaky tolerance is kept for later evaluations.
    criteria: evaluation.criteria.map(
      ({ rawState: _raw, ...criterion }: any) => criterion,
    ),
    effectiveVerdict:
      links.applied?.effectiveVerdict ??
      effectiveGateVerdict(evaluation.verdict, evaluation.mode),
    ...(links.applied ? { override: links.applied.override } : {}),
  };
}

/** Filters of the history. */
export interface GateEvaluationFilters {
  entityRef?: string;
  /** Only these entities, e.g. those a caller can see. */
  entityRefs?: string[];
  gateId?: string;
  environment?: string;
  verdict?: GateVerdict;
  overridden?: boolean;
  from?: string;
  to?: string;
}

/** One page of the history. */
export interface GateEvaluationQuery extends GateEvaluationFilters {
  limit: number;
  offset: number;
}

/**
 * Gate evaluations with their evidence and overrides. Everything an
 * evaluation decided is written in one transaction.
 */
export class GateEvaluationStore {
  constructor(private readonly knex: Knex) {}

  async save(evaluation: NewGateEvaluation): Promise<GateEvaluation> {
    const id = randomUUID();
    await insertAtOnce(this.knex, db =>
      evaluationInserts(db, [{ id, evaluation }]),
    );
    return storedEvaluation(id, evaluation);
  }

  /**
   * Baseline and flaky-tolerance history of several criteria of one gate,
   * entity and environment, in one statement.
   */
  async criterionHistory(
    scope: { gateId: string; entityRef: string; environment: string },
    requests: {
      passing: CriterionHistoryRequest[];
      recent: CriterionHistoryRequest[];
    },
  ): Promise<CriterionHistory> {
    return readCriterionHistory(this.knex, scope, requests);
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
    const { key, count, ...scope } = options;
    const history = await this.criterionHistory(scope, {
      passing: [{ key, count }],
      recent: [],
    });
    return history.passing.get(key)!;
  }

  /**
   * What a criterion observed in one evaluation of this entity. An
   * evaluation of another entity has nothing to give: a pinned baseline
   * is one entity's, never every entity's.
   */
  async observationOf(
    evaluationId: string,
    key: string,
    entityRef: string,
  ): Promise<number | null> {
    const row = await this.knex('gate_criterion_results as r')
      .join('gate_evaluations as e', 'e.id', 'r.evaluation_id')
      .where({
        'r.evaluation_id': evaluationId,
        'r.key': key,
        'e.entity_ref': entityRef,
      })
      .first('r.observed as observed');
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
    const { key, count, ...scope } = options;
    const history = await this.criterionHistory(scope, {
      passing: [],
      recent: [{ key, count }],
    });
    return history.recent.get(key)!;
  }

  private async hydrate(
    rows: any[],
    options: { withCriteria?: boolean } = {},
  ): Promise<GateEvaluation[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(row => row.id);
    const [criteria, overrideRows, pins] = await Promise.all([
      options.withCriteria === false
        ? Promise.resolve(
            [] as Array<{ evaluation_id: string; evidence: string }>,
          )
        : this.knex('gate_criterion_results')
            .whereIn('evaluation_id', ids)
            .orderBy(['evaluation_id', 'position'])
            .select('evaluation_id', 'evidence'),
      this.knex('gate_overrides')
        .whereIn('evaluation_id', ids)
        .orWhereIn(
          'id',
          rows.flatMap(row => (row.override_id ? [row.override_id] : [])),
        )
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]),
      this.knex('gate_baseline_pins')
        .whereIn('evaluation_id', ids)
        .select('evaluation_id', 'pinned_by', 'pinned_at'),
    ]);
    const pinOf = new Map<string, GateBaselinePin>(
      pins.map(row => [
        row.evaluation_id,
        {
          pinnedBy: row.pinned_by,
          pinnedAt: timestampFromDatabase(row.pinned_at),
        },
      ]),
    );
    const now = DateTime.utc();
    const criteriaOf = new Map<string, CriterionEvidence[]>();
    for (const row of criteria) {
      const list = criteriaOf.get(row.evaluation_id) ?? [];
      const { rawState: _raw, ...evidence } = JSON.parse(row.evidence);
      list.push(evidence);
      criteriaOf.set(row.evaluation_id, list);
    }
    const overrides = overrideRows.map(row => toOverride(row, now));
    // An evaluation shows the override that applied when it was evaluated,
    // unless one was made on it afterwards (the newest made on it).
    const madeOn = new Map<string, GateOverride>();
    for (const override of overrides) {
      if (override.evaluationId && !madeOn.has(override.evaluationId)) {
        madeOn.set(override.evaluationId, override);
      }
    }
    const byId = new Map(overrides.map(override => [override.id, override]));
    const overrideOf = (row: any) => {
      const applied = row.override_id ? byId.get(row.override_id) : undefined;
      const later = madeOn.get(row.id);
      if (later && (!applied || later.createdAt >= applied.createdAt)) {
        return {
          override: later,
          effectiveVerdict: effectiveGateVerdict(row.verdict, row.mode, later),
        };
      }
      // History keeps the effective verdict given at the time.
      return {
        override: applied,
        effectiveVerdict: (row.effective_verdict ??
          effectiveGateVerdict(row.verdict, row.mode)) as GateVerdict,
      };
    };
    return rows.map(row => {
      const { override, effectiveVerdict } = overrideOf(row);
      const pin = pinOf.get(row.id);
      const mode = row.mode as GateMode;
      const evaluation: GateEvaluation & { problems?: string[] } = {
        id: row.id,
        ...(row.decision_id ? { decisionId: row.decision_id } : {}),
        gateId: row.gate_id,
        gateTitle: row.gate_title,
        entityRef: row.entity_ref,
        environment: row.environment,
        version: row.version,
        trigger: row.trigger,
        mode,
        verdict: row.verdict,
        effectiveVerdict,
        score: row.score === null ? null : Number(row.score),
        passPercent: Number(row.pass_percent),
        warningPercent: Number(row.warning_percent),
        criteria: criteriaOf.get(row.id) ?? [],
        startedAt: timestampFromDatabase(row.started_at),
        finishedAt: timestampFromDatabase(row.finished_at),
        ...(override ? { override } : {}),
        ...(pin ? { pin } : {}),
      };
      if (row.problems) evaluation.problems = JSON.parse(row.problems);
      return evaluation;
    });
  }

  /** The evaluations of decisions, each in the order its gates were listed. */
  /**
   * The evaluations of decisions, in their decisions' order. Lists of
   * decisions show gates without their criteria: `withCriteria: false`
   * leaves the evidence unread.
   */
  async ofDecisions(
    decisionIds: string[],
    options: { withCriteria?: boolean } = {},
  ): Promise<GateEvaluation[]> {
    if (decisionIds.length === 0) return [];
    const rows = await this.knex('gate_evaluations')
      .whereIn('decision_id', decisionIds)
      .orderBy([
        { column: 'decision_position', order: 'asc' },
        { column: 'gate_id', order: 'asc' },
      ]);
    return this.hydrate(rows, options);
  }

  async get(id: string): Promise<GateEvaluation | undefined> {
    const rows = await this.knex('gate_evaluations').where({ id });
    return (await this.hydrate(rows))[0];
  }

  /** The evaluations matching the history's filters, unpaged. */
  private filtered(query: GateEvaluationFilters): Knex.QueryBuilder {
    const builder = this.knex('gate_evaluations as e');
    if (query.entityRef) builder.where('e.entity_ref', query.entityRef);
    if (query.entityRefs) {
      whereInList(this.knex, builder, 'e.entity_ref', query.entityRefs);
    }
    if (query.gateId) builder.where('e.gate_id', query.gateId);
    if (query.environment) builder.where('e.environment', query.environment);
    if (query.verdict) builder.where('e.verdict', query.verdict);
    inTimeRange(builder, 'e.finished_at', query);
    if (query.overridden !== undefined) {
      const overrides = this.knex('gate_overrides as o')
        .whereRaw('o.evaluation_id = e.id')
        .select(this.knex.raw('1'));
      if (query.overridden) {
        builder.where(overridden =>
          overridden.whereExists(overrides).orWhereNotNull('e.override_id'),
        );
      } else {
        builder.whereNotExists(overrides).whereNull('e.override_id');
      }
    }
    return builder;
  }

  async list(
    query: GateEvaluationQuery,
  ): Promise<{ items: GateEvaluation[]; totalCount: number }> {
    const { rows, totalCount } = await readNewestFirst<any>(
      this.filtered(query),
      {
        timeColumn: 'e.finished_at',
        limit: query.limit,
        offset: query.offset,
      },
    );
    return { items: await this.hydrate(rows), totalCount };
  }

  /**
   * The entities that have evaluations matching the filters: the candidates
   * a caller's visibility is checked against before a list is paged.
   */
  async entityRefsOf(query: GateEvaluationFilters): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.filtered(
      query,
    ).distinct('e.entity_ref');
    return rows.map(row => row.entity_ref);
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

  /**
   * Pins an evaluation as its gate's baseline for the entity and
   * environment, in place of the one pinned there before.
   */
  async pin(
    evaluation: Pick<
      GateEvaluation,
      'id' | 'gateId' | 'entityRef' | 'environment'
    >,
    pinnedBy: string,
  ): Promise<void> {
    await this.knex('gate_baseline_pins')
      .insert({
        gate_id: evaluation.gateId,
        entity_ref: evaluation.entityRef,
        environment: evaluation.environment,
        evaluation_id: evaluation.id,
        pinned_by: pinnedBy,
        pinned_at: new Date(),
      })
      .onConflict(['gate_id', 'entity_ref', 'environment'])
      .merge(['evaluation_id', 'pinned_by', 'pinned_at']);
  }

  /** Unpins an evaluation; whether it was pinned. */
  async unpin(evaluationId: string): Promise<boolean> {
    const deleted = await this.knex('gate_baseline_pins')
      .where({ evaluation_id: evaluationId })
      .delete();
    return deleted > 0;
  }

  /**
   * The evaluation pinned as baseline of a gate for an entity in an
   * environment, and who pinned it when. Only that entity's own pin counts.
   */
  async pinnedBaseline(options: {
    gateId: string;
    entityRef: string;
    environment: string;
  }): Promise<
    | (Omit<PinnedBaselineFacts, 'decisionUrl'> & { decisionId?: string })
    | undefined
  > {
    const row = await this.knex('gate_baseline_pins as p')
      .join('gate_evaluations as e', 'e.id', 'p.evaluation_id')
      .where({
        'p.gate_id': options.gateId,
        'p.entity_ref': options.entityRef,
        'p.environment': options.environment,
        'e.entity_ref': options.entityRef,
      })
      .first(
        'e.id as id',
        'e.version as version',
        'e.finished_at as finished_at',
        'e.decision_id as decision_id',
        'p.pinned_by as pinned_by',
        'p.pinned_at as pinned_at',
      );
    if (!row) return undefined;
    return {
      evaluationId: row.id,
      version: row.version,
      evaluatedAt: timestampFromDatabase(row.finished_at),
      pinnedBy: row.pinned_by,
      pinnedAt: timestampFromDatabase(row.pinned_at),
      ...(row.decision_id ? { decisionId: row.decision_id } : {}),
    };
  }
}
