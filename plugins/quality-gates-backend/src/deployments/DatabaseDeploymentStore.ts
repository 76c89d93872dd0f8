import { Knex } from 'knex';
import {
  Deployment,
  DeploymentStatus,
  EnvironmentVersion,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DeploymentReport, DeploymentStore } from './DeploymentStore';
import { timestampFromDatabase } from '../database/timestamps';
import { DeliveryEventWriter } from '../delivery/DeliveryEventWriter';

const TABLE = 'deployments';

interface DeploymentRow {
  id: string;
  source: string;
  external_id: string;
  entity_ref: string | null;
  environment: string;
  version: string;
  artifact: string | null;
  actor: string | null;
  status: DeploymentStatus;
  started_at: Date | number | string;
  finished_at: Date | number | string | null;
  url: string | null;
  description: string | null;
  pipeline_run_id: string | null;
}

/** Knex implementation of {@link DeploymentStore}, for PostgreSQL and SQLite. */
export class DatabaseDeploymentStore implements DeploymentStore {
  constructor(private readonly db: Knex) {}

  async upsertDeployments(reports: DeploymentReport[]): Promise<void> {
    await new DeliveryEventWriter(this.db).write({ deployments: reports });
  }

  async listDeployments(options: {
    entityRef: string;
    limit: number;
    offset: number;
    environment?: string;
    status?: DeploymentStatus;
  }): Promise<{ items: Deployment[]; totalCount: number }> {
    const filtered = this.db<DeploymentRow>(TABLE).where(
      'entity_ref',
      options.entityRef.toLocaleLowerCase('en-US'),
    );
    if (options.environment) {
      filtered.andWhere('environment', options.environment);
    }
    if (options.status) {
      filtered.andWhere('status', options.status);
    }
    const [rows, [{ count }]] = await Promise.all([
      filtered
        .clone()
        .select('*')
        .orderBy([
          { column: 'started_at', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(options.limit)
        .offset(options.offset),
      filtered.clone().count({ count: '*' }),
    ]);
    return {
      items: rows.map(rowToDeployment),
      totalCount: Number(count),
    };
  }

  async currentVersions(entityRef: string): Promise<EnvironmentVersion[]> {
    // Window function: supported by PostgreSQL and SQLite >= 3.25.
    const ranked = this.db(TABLE)
      .select(
        'id',
        'environment',
        'version',
        this.db.raw('COALESCE(finished_at, started_at) AS deployed_at'),
        this.db.raw(
          'ROW_NUMBER() OVER (PARTITION BY environment ORDER BY COALESCE(finished_at, started_at) DESC, id) AS position',
        ),
      )
      .where({
        entity_ref: entityRef.toLocaleLowerCase('en-US'),
        status: 'succeeded',
      });
    const rows: Array<{
      id: string;
      environment: string;
      version: string;
      deployed_at: Date | number | string;
    }> = await this.db
      .from(ranked.as('ranked'))
      .select('id', 'environment', 'version', 'deployed_at')
      .where('position', 1)
      .orderBy('environment');
    return rows.map(row => ({
      environment: row.environment,
      version: row.version,
      deploymentId: row.id,
      deployedAt: timestampFromDatabase(row.deployed_at),
    }));
  }

  async ping(): Promise<void> {
    await this.db.raw('SELECT 1');
  }
}

function rowToDeployment(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    source: row.source,
    externalId: row.external_id,
    entityRef: row.entity_ref ?? '',
    environment: row.environment,
    version: row.version,
    ...(row.artifact ? { artifact: row.artifact } : {}),
    ...(row.actor ? { actor: row.actor } : {}),
    status: row.status,
    startedAt: timestampFromDatabase(row.started_at),
    ...(row.finished_at
      ? { finishedAt: timestampFromDatabase(row.finished_at) }
      : {}),
    ...(row.url ? { url: row.url } : {}),
    ...(row.description ? { description: row.description } : {}),
    ...(row.pipeline_run_id ? { pipelineRunId: row.pipeline_run_id } : {}),
  };
}
