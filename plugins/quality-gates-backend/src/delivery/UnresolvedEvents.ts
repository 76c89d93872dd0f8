import { Knex } from 'knex';
import { UnresolvedEventsResponse } from '@can-i-deploy/plugin-quality-gates-common';
import { timestampFromDatabase } from '../database/timestamps';

const KINDS = [
  { kind: 'deployment', table: 'deployments' },
  { kind: 'change', table: 'changes' },
  { kind: 'incident', table: 'incidents' },
  { kind: 'pipeline_run', table: 'pipeline_runs' },
] as const;

/**
 * Events kept for entities the catalog does not know, grouped by what they
 * said about their entity: the list a platform team works through to add
 * annotations or entities.
 */
export async function listUnresolvedEvents(
  db: Knex,
  limit: number,
): Promise<UnresolvedEventsResponse> {
  const groups = await Promise.all(
    KINDS.map(async ({ kind, table }) => {
      const rows: Array<{
        entity_hint: string | null;
        count: number | string;
        last_seen_at: Date | number | string;
      }> = await db(table)
        .whereNull('entity_ref')
        .groupBy('entity_hint')
        .select('entity_hint')
        .count({ count: '*' })
        .max({ last_seen_at: 'updated_at' });
      return rows.map(row => ({
        kind,
        entityHint: row.entity_hint ?? '(no hint)',
        count: Number(row.count),
        lastSeenAt: timestampFromDatabase(row.last_seen_at),
      }));
    }),
  );
  const items = groups
    .flat()
    .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))
    .slice(0, limit);
  return { items };
}
