import { Knex } from 'knex';
import { TimelineGateDecision } from '@can-i-deploy/plugin-quality-gates-common';
import { DbTimestamp } from '../delivery/rows';
import { timestampFromDatabase } from '../database/timestamps';
import { inTimeRange } from '../database/pagedQuery';

/** Which of an entity's gate evaluations to read. */
export interface GateDecisionFilter {
  entityRef: string;
  environment?: string;
  /** Only evaluations of these versions. */
  versions?: string[];
  /** ISO times: decided at or after `from`, before `to`. */
  from?: string;
  to?: string;
}

interface DecisionRow {
  id: string;
  gate_id: string;
  environment: string;
  version: string;
  verdict: TimelineGateDecision['verdict'];
  mode: TimelineGateDecision['mode'];
  finished_at: DbTimestamp;
  overridden_to: TimelineGateDecision['verdict'] | null;
}

/**
 * Gate decisions, newest first, at most `limit`. An evaluation's latest
 * override, expired or not, is what a person decided about it: the marker
 * shows it beside the recorded verdict.
 */
export async function readGateDecisions(
  knex: Knex,
  filter: GateDecisionFilter,
  limit: number,
): Promise<TimelineGateDecision[]> {
  if (filter.versions && filter.versions.length === 0) {
    return [];
  }
  const latestOverride = knex('gate_overrides as o')
    .whereRaw('o.evaluation_id = e.id')
    .orderBy([
      { column: 'o.created_at', order: 'desc' },
      { column: 'o.id', order: 'desc' },
    ])
    .limit(1)
    .select('o.verdict');
  const query = knex('gate_evaluations as e')
    .where('e.entity_ref', filter.entityRef)
    .select(
      'e.id',
      'e.gate_id',
      'e.environment',
      'e.version',
      'e.verdict',
      'e.mode',
      'e.finished_at',
      // Or the override that applied when it was evaluated.
      knex.raw(
        `coalesce((?), case when e.override_id is not null then e.effective_verdict end) as overridden_to`,
        [latestOverride],
      ),
    )
    .orderBy([
      { column: 'e.finished_at', order: 'desc' },
      { column: 'e.id', order: 'desc' },
    ])
    .limit(limit);
  if (filter.environment) query.where('e.environment', filter.environment);
  if (filter.versions) query.whereIn('e.version', filter.versions);
  inTimeRange(query, 'e.finished_at', filter);
  const rows: DecisionRow[] = await query;
  return rows.map(row => ({
    evaluationId: row.id,
    gateId: row.gate_id,
    environment: row.environment,
    version: row.version,
    verdict: row.verdict,
    mode: row.mode,
    decidedAt: timestampFromDatabase(row.finished_at),
    ...(row.overridden_to ? { overriddenTo: row.overridden_to } : {}),
  }));
}
