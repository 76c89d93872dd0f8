import { Knex } from 'knex';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';
import { lockEntityHistories } from '../database/entityHistoryLocks';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../database/timestamps';
import { DeploymentReport } from './DeliveryBatch';

/** Reports per statement: two bindings each. */
const CHUNK = 300;

/** A deployment's source key as one string. */
export const sourceKey = (source: string, externalId: string) =>
  JSON.stringify([source, externalId]);

/** What a write of deployments changes about the ones already stored. */
export interface PreviousDeployments {
  /** By deployment id, the entity each one leaves for another. */
  entitiesLeft: Map<string, string>;
  /**
   * Source keys of the deployments whose listings move: new ones, and
   * those that start at another time or belong to another entity now. A
   * report that only finishes a deployment moves none.
   */
  relisted: Set<string>;
}

const epochOf = (value: Date | number | string) =>
  new Date(timestampFromDatabase(value)).getTime();

/**
 * Reads the stored deployments that reports are about, and locks the
 * histories of the entities they leave (a report naming another entity
 * than the stored one; one naming none keeps it), besides those the writer
 * locked already. Read again after each lock taken, as the writer that
 * held it may have moved them once more.
 */
export async function readPreviousDeployments(
  tx: Knex.Transaction,
  reports: DeploymentReport[],
): Promise<PreviousDeployments> {
  // The last report of a key wins, as in the upsert.
  const reported = new Map(
    reports.map(report => [
      sourceKey(report.source, report.externalId),
      report,
    ]),
  );
  const entityOf = (report: DeploymentReport) =>
    report.entityRef ? canonicalEntityRef(report.entityRef) : null;
  const locked = new Set([...reported.values()].map(entityOf));
  for (;;) {
    const previous: PreviousDeployments = {
      entitiesLeft: new Map(),
      relisted: new Set(reported.keys()),
    };
    for (let i = 0; i < reports.length; i += CHUNK) {
      const rows: Array<{
        id: string;
        source: string;
        external_id: string;
        entity_ref: string | null;
        started_at: Date | number | string;
      }> = await tx('deployments')
        .select('id', 'source', 'external_id', 'entity_ref', 'started_at')
        .whereIn(
          ['source', 'external_id'],
          reports
            .slice(i, i + CHUNK)
            .map(report => [report.source, report.externalId]),
        );
      for (const row of rows) {
        const key = sourceKey(row.source, row.external_id);
        const report = reported.get(key)!;
        const to = entityOf(report) ?? row.entity_ref;
        if (row.entity_ref !== null && to !== row.entity_ref) {
          previous.entitiesLeft.set(row.id, row.entity_ref);
        }
        if (
          to === row.entity_ref &&
          epochOf(row.started_at) ===
            timestampToDatabase(report.startedAt).getTime()
        ) {
          previous.relisted.delete(key);
        }
      }
    }
    const unlocked = [...previous.entitiesLeft.values()].filter(
      ref => !locked.has(ref),
    );
    if (unlocked.length === 0) return previous;
    await lockEntityHistories(tx, unlocked);
    unlocked.forEach(ref => locked.add(ref));
  }
}
