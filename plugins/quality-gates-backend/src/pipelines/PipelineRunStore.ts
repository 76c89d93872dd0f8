import { Knex } from 'knex';
import {
  PipelineResult,
  PipelineRunSummary,
} from '@can-i-deploy/plugin-quality-gates-common';
import { inTimeRange, readNewestFirst } from '../database/pagedQuery';
import { pipelineRunFromRow, PipelineRunRow } from '../delivery/rows';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';

export interface PipelineRunListOptions {
  entityRef: string;
  limit: number;
  offset: number;
  pipelineName?: string;
  result?: PipelineResult;
  /** Head revision built. */
  sha?: string;
  /** ISO 8601: started at or after. */
  from?: string;
  /** ISO 8601: started before. */
  to?: string;
}

/** Reads pipeline runs; ingest writes them through the DeliveryEventWriter. */
export class PipelineRunStore {
  constructor(private readonly db: Knex) {}

  async list(
    options: PipelineRunListOptions,
  ): Promise<{ items: PipelineRunSummary[]; totalCount: number }> {
    const filtered = this.db<PipelineRunRow>('pipeline_runs').where(
      'entity_ref',
      canonicalEntityRef(options.entityRef),
    );
    if (options.pipelineName) {
      filtered.andWhere('pipeline_name', options.pipelineName);
    }
    if (options.result) {
      filtered.andWhere('result', options.result);
    }
    if (options.sha) {
      filtered.andWhere('sha', options.sha);
    }
    inTimeRange(filtered, 'started_at', options);
    const { rows, totalCount } = await readNewestFirst<PipelineRunRow>(
      filtered,
      {
        timeColumn: 'started_at',
        limit: options.limit,
        offset: options.offset,
      },
    );
    return { items: rows.map(pipelineRunFromRow), totalCount };
  }
}
