import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { ReadinessExemption } from '@can-i-deploy/plugin-quality-gates-common';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../../database/timestamps';
import { isPostgres } from '../../database/dialect';
import { whereInList } from '../../database/inList';

interface ExemptionRow {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  created_by: string;
  created_at: Date | number | string;
  expires_at: Date | number | string;
  revoked_by: string | null;
  revoked_at: Date | number | string | null;
}

function toExemption(row: ExemptionRow, now: DateTime): ReadinessExemption {
  const expiresAt = timestampFromDatabase(row.expires_at);
  const exemption: ReadinessExemption = {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: timestampFromDatabase(row.created_at),
    expiresAt,
    active: row.revoked_at === null && DateTime.fromISO(expiresAt) > now,
  };
  if (row.revoked_at !== null) {
    exemption.revokedAt = timestampFromDatabase(row.revoked_at);
    exemption.revokedBy = row.revoked_by ?? undefined;
  }
  return exemption;
}

/**
 * Exemptions from readiness checks. They end by expiring or being revoked;
 * rows are never deleted, so the table is the audit trail.
 */
export class ExemptionStore {
  constructor(private readonly knex: Knex) {}

  private activeRows(at: DateTime) {
    return this.knex<ExemptionRow>('readiness_exemptions')
      .whereNull('revoked_at')
      .where('expires_at', '>', at.toJSDate());
  }

  /** Exemptions in force now for the given entities, by entity then check. */
  async activeFor(
    entityRefs: string[],
    now: DateTime = DateTime.utc(),
  ): Promise<Map<string, Map<string, { id: string }>>> {
    const result = new Map<string, Map<string, { id: string }>>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows = await this.activeRows(now)
        .select('id', 'entity_ref', 'check_id')
        .whereIn('entity_ref', entityRefs.slice(i, i + 500));
      for (const row of rows) {
        const forEntity = result.get(row.entity_ref) ?? new Map();
        forEntity.set(row.check_id, { id: row.id });
        result.set(row.entity_ref, forEntity);
      }
    }
    return result;
  }

  async get(id: string): Promise<ReadinessExemption | undefined> {
    const row = await this.knex<ExemptionRow>('readiness_exemptions')
      .where({ id })
      .first();
    return row ? toExemption(row, DateTime.utc()) : undefined;
  }

  private filtered(
    options: { entityRef?: string; entityRefs?: string[]; active?: boolean },
    now: DateTime,
  ) {
    const query = options.active
      ? this.activeRows(now)
      : this.knex<ExemptionRow>('readiness_exemptions');
    if (options.entityRef) query.where('entity_ref', options.entityRef);
    if (options.entityRefs) {
      whereInList(this.knex, query, 'entity_ref', options.entityRefs);
    }
    return query;
  }

  async list(options: {
    entityRef?: string;
    /** Only these entities, e.g. those a caller can see. */
    entityRefs?: string[];
    active?: boolean;
    limit: number;
    /** The time `active` is decided at. Default now. */
    now?: DateTime;
  }): Promise<ReadinessExemption[]> {
    const now = options.now ?? DateTime.utc();
    const rows = await this.filtered(options, now)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'asc')
      .limit(options.limit);
    return rows.map(row => toExemption(row, now));
  }

  /** The entities with exemptions (active ones only, if asked). */
  async entityRefsOf(options: { active?: boolean }): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.filtered(
      options,
      DateTime.utc(),
    ).distinct('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  /**
   * Grants an exemption. Two concurrent grants for the same entity and check
   * cannot both succeed: on PostgreSQL a transaction-scoped advisory lock on
   * (entity, check) serialises them; SQLite has a single writer anyway.
   */
  async create(input: {
    entityRef: string;
    checkId: string;
    reason: string;
    expiresAt: string;
    createdBy: string;
  }): Promise<ReadinessExemption> {
    const now = DateTime.utc();
    return this.knex.transaction(async tx => {
      if (isPostgres(tx)) {
        await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [
          `quality-gates.exemption:${input.entityRef}:${input.checkId}`,
        ]);
      }
      const inForce = await tx<ExemptionRow>('readiness_exemptions')
        .where({ entity_ref: input.entityRef, check_id: input.checkId })
        .whereNull('revoked_at')
        .where('expires_at', '>', now.toJSDate())
        .first();
      if (inForce) {
        throw new ConflictError(
          `${input.entityRef} is already exempt from '${
            input.checkId
          }' until ${timestampFromDatabase(inForce.expires_at)} (exemption ${
            inForce.id
          }); revoke it first to change it`,
        );
      }
      const row: ExemptionRow = {
        id: randomUUID(),
        entity_ref: input.entityRef,
        check_id: input.checkId,
        reason: input.reason,
        created_by: input.createdBy,
        created_at: now.toJSDate(),
        expires_at: timestampToDatabase(input.expiresAt),
        revoked_by: null,
        revoked_at: null,
      };
      await tx('readiness_exemptions').insert(row);
      return toExemption(row, now);
    });
  }

  async revoke(id: string, revokedBy: string): Promise<ReadinessExemption> {
    const now = DateTime.utc();
    return this.knex.transaction(async tx => {
      const row = await tx<ExemptionRow>('readiness_exemptions')
        .where({ id })
        .first();
      if (!row) throw new NotFoundError(`No exemption ${id}`);
      if (row.revoked_at !== null) {
        throw new ConflictError(
          `Exemption ${id} was already revoked at ${timestampFromDatabase(
            row.revoked_at,
          )}`,
        );
      }
      const updated = await tx('readiness_exemptions')
        .where({ id })
        .whereNull('revoked_at')
        .update({ revoked_at: now.toJSDate(), revoked_by: revokedBy });
      if (updated === 0) {
        throw new ConflictError(`Exemption ${id} was revoked concurrently`);
      }
      return toExemption(
        { ...row, revoked_at: now.toJSDate(), revoked_by: revokedBy },
        now,
      );
    });
  }
}
