import { Knex } from 'knex';
import { Incident } from '@can-i-deploy/plugin-quality-gates-common';
import { timestampToDatabase } from '../database/timestamps';
import { incidentFromRow, IncidentRow } from '../delivery/rows';

export interface IncidentListOptions {
  entityRef: string;
  limit: number;
  offset: number;
  environment?: string;
  /** Only incidents still open. */
  open?: boolean;
  /** ISO 8601: opened at or after. */
  from?: string;
  /** ISO 8601: opened before. */
  to?: string;
}

/** Reads incidents; ingest writes them through the DeliveryEventWriter. */
export class IncidentStore {
  constructor(private readonly db: Knex) {}

  async list(
    options: IncidentListOptions,
  ): Promise<{ items: Incident[]; totalCount: number }> {
    const filtered = this.db<IncidentRow>('incidents').where(
      'entity_ref',
      options.entityRef.toLocaleLowerCase('en-US'),
    );
    if (options.environment) {
      filtered.andWhere('environment', options.environment);
    }
    if (options.open) {
      filtered.whereNull('resolved_at');
    }
    if (options.from) {
      filtered.andWhere('opened_at', '>=', timestampToDatabase(options.from));
    }
    if (options.to) {
      filtered.andWhere('opened_at', '<', timestampToDatabase(options.to));
    }
    const [rows, [{ count }]] = await Promise.all([
      filtered
        .clone()
        .select('*')
        .orderBy([
          { column: 'opened_at', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(options.limit)
        .offset(options.offset),
      filtered.clone().count({ count: '*' }),
    ]);
    return { items: rows.map(incidentFromRow), totalCount: Number(count) };
  }
}
