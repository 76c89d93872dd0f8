import { Knex } from 'knex';
import { timestampFromDatabase } from '../../database/timestamps';

/** How many of a criterion's latest results to read. */
export interface CriterionHistoryRequest {
  key: string;
  count: number;
}

/** The history a gate's criteria are judged against, by criterion key. */
export interface CriterionHistory {
  /** Observed values in the latest passing evaluations, newest first. */
  passing: Map<string, number[]>;
  /** States before any flaky tolerance, in the latest evaluations, newest first. */
  recent: Map<string, string[]>;
}

/** The state before the flaky tolerance turned a failure into a warning. */
export function rawStateOf(evidence: string): string {
  return JSON.parse(evidence).rawState ?? 'pass';
}

/**
 * Every baseline and flaky-tolerance lookup of one gate's evaluation in one
 * statement: a `UNION ALL` of the per-criterion lookups, each still reading
 * only its newest rows through the index, instead of a round trip each.
 */
export async function readCriterionHistory(
  knex: Knex,
  scope: { gateId: string; entityRef: string; environment: string },
  requests: {
    passing: CriterionHistoryRequest[];
    recent: CriterionHistoryRequest[];
  },
): Promise<CriterionHistory> {
  const history: CriterionHistory = { passing: new Map(), recent: new Map() };
  const lookup = (
    kind: 'passing' | 'recent',
    { key, count }: CriterionHistoryRequest,
  ) => {
    const rows = knex('gate_criterion_results as r')
      .join('gate_evaluations as e', 'e.id', 'r.evaluation_id')
      .where({
        'e.gate_id': scope.gateId,
        'e.entity_ref': scope.entityRef,
        'e.environment': scope.environment,
        'r.key': key,
      })
      .orderBy('e.finished_at', 'desc')
      .limit(count);
    if (kind === 'passing') {
      rows.where('e.verdict', 'pass').whereNotNull('r.observed');
    }
    // Fixed literals, not bound values: PostgreSQL gives every member of
    // the union the same column types.
    return rows.select(
      knex.raw(kind === 'passing' ? "'passing' as kind" : "'recent' as kind"),
      'r.key as key',
      'e.finished_at as finished_at',
      'r.observed as observed',
      kind === 'recent'
        ? 'r.evidence as evidence'
        : knex.raw('cast(null as text) as evidence'),
    );
  };
  const lookups = [
    ...requests.passing
      .filter(request => request.count > 0)
      .map(request => lookup('passing', request)),
    ...requests.recent
      .filter(request => request.count > 0)
      .map(request => lookup('recent', request)),
  ];
  requests.passing.forEach(({ key }) => history.passing.set(key, []));
  requests.recent.forEach(({ key }) => history.recent.set(key, []));
  if (lookups.length === 0) return history;
  // Each lookup is wrapped in its own subquery: SQLite does not allow
  // ORDER BY or LIMIT on the members of a compound select.
  const [first, ...rest] = lookups.map((query, index) =>
    knex.select('*').from(query.as(`h${index}`)),
  );
  const rows: Array<{
    kind: 'passing' | 'recent';
    key: string;
    finished_at: string | number | Date;
    observed: number | string | null;
    evidence: string | null;
  }> = await (rest.length > 0 ? first.unionAll(rest) : first);
  const newestFirst = rows
    .map(row => ({
      ...row,
      at: Date.parse(timestampFromDatabase(row.finished_at)),
    }))
    .sort((a, b) => b.at - a.at);
  for (const row of newestFirst) {
    if (row.kind === 'passing') {
      history.passing.get(row.key)!.push(Number(row.observed));
    } else {
      history.recent.get(row.key)!.push(rawStateOf(row.evidence!));
    }
  }
  return history;
}
