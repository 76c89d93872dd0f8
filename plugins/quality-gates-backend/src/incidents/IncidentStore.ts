import { Knex } from 'knex';
import { Incident } from '@can-i-deploy/plugin-quality-gates-common';
import { inTimeRange, readNewestFirst } from '../database/pagedQuery';
import { incidentFromRow, IncidentRow } from '../delivery/rows';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';

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
      canonicalEntityRef(options.entityRef),
    );
    if (options.environment) {
      filtered.andWhere('environment', options.environment);
    }
    if (options.open) {
      filtered.whereNull('resolved_at');
    }
    inTimeRange(filtered, 'opened_at', options);
    const { rows, totalCount } = await readNewestFirst<IncidentRow>(filtered, {
      timeColumn: 'opened_at',
      limit: options.limit,
      offset: options.offset,
    });
    return { items: rows.map(incidentFromRow), totalCount };
  }
}
