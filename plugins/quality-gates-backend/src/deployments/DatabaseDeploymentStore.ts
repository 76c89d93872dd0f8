import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  Deployment,
  DeploymentStatus,
  EnvironmentVersion,
} from '@can-i-deploy/plugin-quality-gates-common';
import { DeploymentReport, DeploymentStore } from './DeploymentStore';
import {
  timestampFromDatabase,
  timestampToDatabase,
} from '../database/timestamps';

const TABLE = 'deployments';

interface DeploymentRow {
  id: string;
  source: string;
  external_id: string;
  entity_ref: string;
  environment: string;
  version: string;
  artifact: string | null;
  actor: string | null;
  status: DeploymentStatus;
  started_at: Date | number | string;
  finished_at: Date | number | string | null;
}

/** Knex implementation of {@link DeploymentStore}, for PostgreSQL and SQLite. */
export class DatabaseDeploymentStore implements DeploymentStore {
  constructor(private readonly db: Knex) {}

  async upsertDeployments(reports: DeploymentReport[]): Promise<void> {
    if (reports.length === 0) {
      return;
    }
    const now = new Date();
    const allRows = reports.map(report => ({
      id: randomUUID(),
      source: report.source,
      external_id: report.externalId,
      entity_ref: report.entityRef.toLocaleLowerCase('en-US'),
      environment: report.environment,
      version: report.version,
      artifact: report.artifact ?? null,
      actor: report.actor ?? null,
      status: report.status,
      started_at: timestampToDatabase(report.startedAt),
      finished_at: report.finishedAt
        ? timestampToDatabase(report.finishedAt)
        : null,
      created_at: now,
      updated_at: now,
    }));
    // A batch may report one deployment twice (e.g. started, then finished):
    // keep the last row per key, as sequential upserts would. PostgreSQL
    // rejects an upsert statement that touches the same row twice.
    const lastRowByKey = new Map<string, (typeof allRows)[number]>();
    for (const row of allRows) {
      lastRowByKey.set(JSON.stringify([row.source, row.external_id]), row);
    }
    // Sorted by key so that concurrent writers of overlapping batches lock
    // rows in the same order: PostgreSQL deadlocks on opposite orders.
    const rows = [...lastRowByKey.values()].sort(compareKeys);
    // One transaction, chunked statements: a report either lands whole or
    // not at all, and concurrent writers of the same key converge on the
    // unique constraint instead of racing in JavaScript.
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += 500) {
        await tx(TABLE)
          .insert(rows.slice(i, i + 500))
          .onConflict(['source', 'external_id'])
          .merge([
            'entity_ref',
            'environment',
            'version',
            'artifact',
            'actor',
            'status',
            'started_at',
            'finished_at',
            'updated_at',
          ]);
      }
    });
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

/** Orders rows by (source, external_id); any fixed total order will do. */
function compareKeys(
  a: { source: string; external_id: string },
  b: { source: string; external_id: string },
): number {
  if (a.source !== b.source) {
    return a.source < b.source ? -1 : 1;
  }
  if (a.external_id !== b.external_id) {
    return a.external_id < b.external_id ? -1 : 1;
  }
  return 0;
}

function rowToDeployment(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    source: row.source,
    externalId: row.external_id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    ...(row.artifact ? { artifact: row.artifact } : {}),
    ...(row.actor ? { actor: row.actor } : {}),
    status: row.status,
    startedAt: timestampFromDatabase(row.started_at),
    ...(row.finished_at
      ? { finishedAt: timestampFromDatabase(row.finished_at) }
      : {}),
  };
}
