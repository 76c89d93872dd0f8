import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { GateOverride } from '@can-i-deploy/plugin-quality-gates-common';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../../database/timestamps';
import { whereInList } from '../../database/inList';

/** Where an override applies. */
export type OverrideScope = Pick<
  GateOverride,
  'entityRef' | 'environment' | 'version' | 'gateId'
>;

/** An override as a caller asks for it. */
export interface NewGateOverride extends OverrideScope {
  verdict: 'pass' | 'fail';
  reason: string;
  createdBy: string;
  expiresAt: string;
  decisionId?: string;
  evaluationId?: string;
}

/** Filters of `GET /gates/overrides`. */
export interface GateOverrideFilters {
  entityRef?: string;
  /** Only these entities, e.g. those a caller can see. */
  entityRefs?: string[];
  environment?: string;
  version?: string;
  active?: boolean;
}

/** A stored override; `active` is as of `now`. */
export function toOverride(row: any, now: DateTime): GateOverride {
  const expiresAt = timestampFromDatabase(row.expires_at);
  const revokedAt = row.revoked_at
    ? timestampFromDatabase(row.revoked_at)
    : undefined;
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    ...(row.gate_id ? { gateId: row.gate_id } : {}),
    verdict: row.verdict,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: timestampFromDatabase(row.created_at),
    expiresAt,
    ...(revokedAt
      ? {
          revokedAt,
          revokedBy: row.revoked_by ?? undefined,
          revokeReason: row.revoke_reason ?? undefined,
        }
      : {}),
    ...(row.decision_id ? { decisionId: row.decision_id } : {}),
    ...(row.evaluation_id ? { evaluationId: row.evaluation_id } : {}),
    active: !revokedAt && expiresAt > now.toUTC().toISO()!,
  };
}

/**
 * Overrides: scoped to an entity, environment, version and a gate (or every
 * gate), never deleted; revoking one records who, when and why.
 */
export class GateOverrideStore {
  constructor(private readonly knex: Knex) {}

  async create(input: NewGateOverride): Promise<GateOverride> {
    const now = DateTime.utc();
    const row = {
      id: randomUUID(),
      evaluation_id: input.evaluationId ?? null,
      decision_id: input.decisionId ?? null,
      entity_ref: input.entityRef,
      environment: input.environment,
      version: input.version,
      gate_id: input.gateId ?? null,
      verdict: input.verdict,
      reason: input.reason,
      created_by: input.createdBy,
      created_at: now.toJSDate(),
      expires_at: timestampToDatabase(input.expiresAt),
    };
    await this.knex('gate_overrides').insert(row);
    return toOverride(row, now);
  }

  async get(id: string): Promise<GateOverride | undefined> {
    const row = await this.knex('gate_overrides').where({ id }).first();
    return row ? toOverride(row, DateTime.utc()) : undefined;
  }

  async byIds(ids: string[]): Promise<GateOverride[]> {
    if (ids.length === 0) return [];
    const now = DateTime.utc();
    const rows = await this.knex('gate_overrides').whereIn('id', ids);
    return rows.map(row => toOverride(row, now));
  }

  /** Active overrides where a decision is made, newest first. */
  async activeIn(
    scope: Omit<OverrideScope, 'gateId'>,
    now: DateTime = DateTime.utc(),
  ): Promise<GateOverride[]> {
    const rows = await this.knex('gate_overrides')
      .where({
        entity_ref: scope.entityRef,
        environment: scope.environment,
        version: scope.version,
      })
      .whereNull('revoked_at')
      .where('expires_at', '>', now.toJSDate())
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(row => toOverride(row, now));
  }

  async list(filters: GateOverrideFilters): Promise<GateOverride[]> {
    const now = DateTime.utc();
    const query = this.knex('gate_overrides');
    if (filters.entityRef) query.where('entity_ref', filters.entityRef);
    if (filters.entityRefs) {
      whereInList(this.knex, query, 'entity_ref', filters.entityRefs);
    }
    if (filters.environment) query.where('environment', filters.environment);
    if (filters.version) query.where('version', filters.version);
    if (filters.active === true) {
      query.whereNull('revoked_at').where('expires_at', '>', now.toJSDate());
    } else if (filters.active === false) {
      query.where(inactive =>
        inactive
          .whereNotNull('revoked_at')
          .orWhere('expires_at', '<=', now.toJSDate()),
      );
    }
    const rows = await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(500);
    return rows.map(row => toOverride(row, now));
  }

  /** The entities that have overrides: checked against visibility. */
  async entityRefsOf(
    filters: Omit<GateOverrideFilters, 'entityRefs'>,
  ): Promise<string[]> {
    const query = this.knex('gate_overrides').distinct('entity_ref');
    if (filters.environment) query.where('environment', filters.environment);
    if (filters.version) query.where('version', filters.version);
    const rows: Array<{ entity_ref: string }> = await query;
    return rows.map(row => row.entity_ref);
  }

  /** Revokes an active override; undefined when it was not active. */
  async revoke(
    id: string,
    input: { revokedBy: string; reason: string },
  ): Promise<GateOverride | undefined> {
    const updated = await this.knex('gate_overrides')
      .where({ id })
      .whereNull('revoked_at')
      .update({
        revoked_at: new Date(),
        revoked_by: input.revokedBy,
        revoke_reason: input.reason,
      });
    return updated > 0 ? this.get(id) : undefined;
  }
}
