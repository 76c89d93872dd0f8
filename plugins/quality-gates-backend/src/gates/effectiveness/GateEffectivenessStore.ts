import { InputError } from '@backstage/errors';
import {
  CriterionEffectiveness,
  EffectivenessCounts,
  EffectivenessFigures,
  FlakyCriterion,
  GateEffectiveness,
  GateEffectivenessResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { rawRows } from '../../database/rawRows';
import { timestampFromDatabase } from '../../database/timestamps';
import { EffectivenessSettings } from './effectivenessSettings';
import { EffectivenessScope, EffectivenessSql } from './effectivenessSql';

/** Longest period asked for at once, as for DORA. */
const MAX_PERIOD_DAYS = 731;

/** Flaky criteria listed; the total says how many more there are. */
export const FLAKY_LIMIT = 100;

/** What the route asks: ISO times and the history's filters. */
export interface EffectivenessQuery {
  from: string;
  to: string;
  gateId?: string;
  entityRef?: string;
  entityRefs?: string[];
}

/** One aggregated row: versions of one judgement and one outcome. */
interface JudgementRow {
  judgement: 'blocked' | 'passed' | 'error' | 'no_data';
  outcome: 'bad' | 'good' | 'unknown';
  versions: number;
}

function emptyCounts(): EffectivenessCounts {
  return {
    trueBlocks: 0,
    falseBlocks: 0,
    misses: 0,
    correctPasses: 0,
    unknown: 0,
    errors: 0,
  };
}

/** The confusion matrix of judgement × outcome, and its two ratios. */
function figuresOf(rows: JudgementRow[]): EffectivenessFigures & {
  noData: number;
  versions: number;
} {
  const counts = emptyCounts();
  let noData = 0;
  let versions = 0;
  for (const { judgement, outcome, versions: n } of rows) {
    versions += n;
    if (judgement === 'error') counts.errors += n;
    else if (judgement === 'no_data') noData += n;
    else if (outcome === 'unknown') counts.unknown += n;
    else if (judgement === 'blocked') {
      if (outcome === 'bad') counts.trueBlocks += n;
      else counts.falseBlocks += n;
    } else if (outcome === 'bad') counts.misses += n;
    else counts.correctPasses += n;
  }
  const bad = counts.trueBlocks + counts.misses;
  const good = counts.correctPasses + counts.falseBlocks;
  return {
    counts,
    sensitivity: bad > 0 ? counts.trueBlocks / bad : null,
    specificity: good > 0 ? counts.correctPasses / good : null,
    noData,
    versions,
  };
}

function judgementRow(row: any): JudgementRow {
  return {
    judgement: row.judgement,
    outcome: row.outcome,
    versions: Number(row.versions),
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** The period as dates; 400 when it is backwards or too long. */
function periodOf(query: EffectivenessQuery): { from: Date; to: Date } {
  const from = DateTime.fromISO(query.from, { setZone: true });
  const to = DateTime.fromISO(query.to, { setZone: true });
  if (!from.isValid || !to.isValid) {
    throw new InputError('from and to must be ISO 8601 times');
  }
  if (from >= to) throw new InputError('from must be before to');
  if (to.diff(from, 'days').days > MAX_PERIOD_DAYS) {
    throw new InputError(
      `The period may be at most ${MAX_PERIOD_DAYS} days long`,
    );
  }
  return { from: from.toJSDate(), to: to.toJSDate() };
}

/**
 * How often each gate, and each of its criteria, judged versions right:
 * computed by the database from the evaluations, deployments and
 * incidents (see EffectivenessSql); this class only adds the ratios.
 */
export class GateEffectivenessStore {
  constructor(
    private readonly knex: Knex,
    readonly settings: EffectivenessSettings,
  ) {}

  async effectiveness(
    query: EffectivenessQuery,
    now: Date = new Date(),
  ): Promise<GateEffectivenessResponse> {
    const period = periodOf(query);
    const answer: GateEffectivenessResponse = {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      windowSeconds: this.settings.windowSeconds,
      gates: [],
      flaky: { items: [], totalCount: 0, limit: FLAKY_LIMIT },
    };
    // An owner without entities owns no evaluations.
    if (query.entityRefs?.length === 0) return answer;

    const scope: EffectivenessScope = { ...query, ...period };
    const sql = new EffectivenessSql(this.knex, scope, this.settings);
    const totals = rawRows(await sql.gateTotals());
    if (totals.length === 0) return answer;
    const gateRows = rawRows(await sql.gateJudgements(now));
    const criterionRows = rawRows(await sql.criterionJudgements(now));
    const flakyRows = rawRows(await sql.flakyCriteria(FLAKY_LIMIT));

    const judgementsOfGate = groupBy(gateRows, row => row.gate_id);
    const criteriaOfGate = groupBy(criterionRows, row => row.gate_id);
    answer.gates = totals
      .map((total): GateEffectiveness => {
        const { noData: _none, ...figures } = figuresOf(
          (judgementsOfGate.get(total.gate_id) ?? []).map(judgementRow),
        );
        return {
          gateId: total.gate_id,
          gateTitle: total.gate_title,
          evaluations: Number(total.evaluations),
          ...figures,
          criteria: criteriaOf(criteriaOfGate.get(total.gate_id) ?? []),
        };
      })
      .sort((a, b) => a.gateId.localeCompare(b.gateId));
    answer.flaky.items = flakyRows.map(flakyOf);
    answer.flaky.totalCount = Number(flakyRows[0]?.total_count ?? 0);
    return answer;
  }
}

/** A gate's criteria, in the order its definition lists them. */
function criteriaOf(rows: any[]): CriterionEffectiveness[] {
  return [...groupBy(rows, row => row.criterion_key).values()]
    .map(ofKey => ({
      position: Math.min(...ofKey.map(row => Number(row.position))),
      criterion: {
        key: ofKey[0].criterion_key,
        source: ofKey[0].source,
        ...figuresOf(ofKey.map(judgementRow)),
      },
    }))
    .sort(
      (a, b) =>
        a.position - b.position ||
        a.criterion.key.localeCompare(b.criterion.key),
    )
    .map(({ criterion }) => criterion);
}

function flakyOf(row: any): FlakyCriterion {
  return {
    gateId: row.gate_id,
    criterionKey: row.criterion_key,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    evaluations: Number(row.evaluations),
    passes: Number(row.passes),
    fails: Number(row.fails),
    flips: Number(row.flips),
    lastEvaluatedAt: timestampFromDatabase(row.last_evaluated_at),
  };
}
