import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../database/timestamps';
import { EntityAssignment } from '../delivery/DeliveryBatch';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';

/** One heartbeat to store, with the entity it resolved to. */
export interface HeartbeatReport extends EntityAssignment {
  source: string;
  /** The sender's id: a resend of it is a duplicate and changes nothing. */
  externalId?: string;
  name: string;
  environment?: string;
  version?: string;
  /** ISO 8601. */
  occurredAt: string;
  details?: Record<string, unknown>;
}

/** What is stored for one heartbeat sent. */
export interface StoredHeartbeat {
  id: string;
  name: string;
  entityRef: string | null;
  entityHint?: string;
  occurredAt: string;
  /** An `externalId` already stored: nothing new was written. */
  duplicate: boolean;
}

/** A stored heartbeat as the gate criterion reports it. */
export interface HeartbeatSeen {
  occurredAt: string;
  receivedAt: string;
  environment: string | null;
  version: string | null;
}

/** Which heartbeats count: one entity's, of one name, optionally narrowed. */
export interface HeartbeatQuery {
  entityRef: string;
  name: string;
  environment?: string;
  version?: string;
  /** ISO 8601: heartbeats at or after this count. */
  from: string;
  /** ISO 8601: later heartbeats (a sender's clock ahead) do not count yet. */
  to: string;
}

/** SQLite takes at most 500 rows in one INSERT; a request carries at most 500. */
const INSERT_CHUNK = 500;

/**
 * Heartbeats: written by `POST /heartbeats`, counted by the `heartbeat`
 * gate criterion.
 */
export class HeartbeatStore {
  constructor(private readonly db: Knex) {}

  /** Stores heartbeats in one transaction; answers in the order sent. */
  async write(
    reports: HeartbeatReport[],
    receivedAt: Date = new Date(),
  ): Promise<StoredHeartbeat[]> {
    const rows = reports.map(report => ({
      id: randomUUID(),
      source: report.source,
      external_id: report.externalId ?? null,
      entity_ref: report.entityRef
        ? canonicalEntityRef(report.entityRef)
        : null,
      entity_hint: report.entityHint?.slice(0, 512) ?? null,
      name: report.name,
      environment: report.environment ?? null,
      version: report.version ?? null,
      occurred_at: timestampToDatabase(report.occurredAt),
      received_at: receivedAt,
      details: report.details ? JSON.stringify(report.details) : null,
    }));
    const storedIds = await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx('heartbeats')
          .insert(rows.slice(i, i + INSERT_CHUNK))
          .onConflict(['source', 'external_id'])
          .ignore();
      }
      return this.idsByExternalId(tx, reports);
    });
    return reports.map((report, index) => {
      const row = rows[index];
      const storedId =
        report.externalId !== undefined
          ? storedIds.get(keyOf(report.source, report.externalId))
          : row.id;
      return {
        id: storedId ?? row.id,
        name: report.name,
        entityRef: row.entity_ref,
        ...(row.entity_hint ? { entityHint: row.entity_hint } : {}),
        occurredAt: report.occurredAt,
        duplicate: storedId !== row.id,
      };
    });
  }

  /**
   * How many heartbeats count in the range, and the latest one at or before
   * its end (inside the range or not: a stale one is evidence too).
   */
  async seen(
    query: HeartbeatQuery,
  ): Promise<{ count: number; last?: HeartbeatSeen }> {
    const to = timestampToDatabase(query.to);
    const scope = this.db('heartbeats')
      .where({
        entity_ref: canonicalEntityRef(query.entityRef),
        name: query.name,
      })
      .where('occurred_at', '<=', to);
    if (query.environment !== undefined) {
      scope.where('environment', query.environment);
    }
    if (query.version !== undefined) {
      scope.where('version', query.version);
    }
    const [counted, last] = await Promise.all([
      scope
        .clone()
        .where('occurred_at', '>=', timestampToDatabase(query.from))
        .count({ count: '*' })
        .first(),
      scope
        .clone()
        .orderBy([
          { column: 'occurred_at', order: 'desc' },
          { column: 'received_at', order: 'desc' },
        ])
        .first('occurred_at', 'received_at', 'environment', 'version'),
    ]);
    return {
      count: Number(counted?.count ?? 0),
      ...(last
        ? {
            last: {
              occurredAt: timestampFromDatabase(last.occurred_at),
              receivedAt: timestampFromDatabase(last.received_at),
              environment: last.environment,
              version: last.version,
            },
          }
        : {}),
    };
  }

  /** The stored id of every sent (source, externalId), new or not. */
  private async idsByExternalId(
    tx: Knex.Transaction,
    reports: HeartbeatReport[],
  ): Promise<Map<string, string>> {
    const keys = reports
      .filter(report => report.externalId !== undefined)
      .map(report => [report.source, report.externalId!]);
    const ids = new Map<string, string>();
    for (let i = 0; i < keys.length; i += 300) {
      const found: Array<{ id: string; source: string; external_id: string }> =
        await tx('heartbeats')
          .select('id', 'source', 'external_id')
          .whereIn(['source', 'external_id'], keys.slice(i, i + 300));
      for (const row of found) {
        ids.set(keyOf(row.source, row.external_id), row.id);
      }
    }
    return ids;
  }
}

function keyOf(source: string, externalId: string): string {
  return JSON.stringify([source, externalId]);
}
