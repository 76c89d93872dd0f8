import { Knex } from 'knex';
import { SourceKey } from '../../delivery/DeliveryBatch';

/** A row as stored after a write, for the answer to the sender. */
export interface StoredRow {
  id: string;
  source: string;
  externalId: string;
  entityRef: string | null;
  entityHint?: string;
  /** Deployments: the status now. */
  status?: string;
  /** Incidents: the deployment that caused it; null when none is known. */
  causedByDeploymentId?: string | null;
  /** Deployments: the run that performed it; null when that run is unknown. */
  pipelineRunId?: string | null;
}

type Table = 'deployments' | 'incidents' | 'pipeline_runs';

const EXTRA_COLUMNS: Record<Table, string[]> = {
  deployments: ['status', 'pipeline_run_id'],
  incidents: ['caused_by_deployment_id'],
  pipeline_runs: [],
};

/**
 * Reads back rows just written, by their source keys: the answer reports
 * what is stored (after merging with earlier deliveries), not what was sent.
 */
export async function readStoredRows(
  db: Knex,
  table: Table,
  keys: SourceKey[],
): Promise<Map<string, StoredRow>> {
  const rows = new Map<string, StoredRow>();
  for (let i = 0; i < keys.length; i += 300) {
    const chunk = keys.slice(i, i + 300);
    const found: Array<Record<string, string | null>> = await db(table)
      .select(
        'id',
        'source',
        'external_id',
        'entity_ref',
        'entity_hint',
        ...EXTRA_COLUMNS[table],
      )
      .whereIn(
        ['source', 'external_id'],
        chunk.map(key => [key.source, key.externalId]),
      );
    for (const row of found) {
      const stored: StoredRow = {
        id: row.id!,
        source: row.source!,
        externalId: row.external_id!,
        entityRef: row.entity_ref,
        entityHint: row.entity_hint ?? undefined,
      };
      if (table === 'deployments') {
        stored.status = row.status ?? undefined;
        stored.pipelineRunId = row.pipeline_run_id;
      }
      if (table === 'incidents') {
        stored.causedByDeploymentId = row.caused_by_deployment_id;
      }
      rows.set(storedRowKey(stored), stored);
    }
  }
  return rows;
}

export function storedRowKey(key: SourceKey): string {
  return JSON.stringify([key.source, key.externalId]);
}
