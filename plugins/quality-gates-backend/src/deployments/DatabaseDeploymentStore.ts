import { Knex } from 'knex';
import {
  Change,
  Deployment,
  DeploymentDetails,
  DeploymentStatus,
  EnvironmentVersion,
  PipelineRun,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  DeploymentListOptions,
  DeploymentReport,
  DeploymentStore,
} from './DeploymentStore';
import { timestampFromDatabase } from '../database/timestamps';
import { inTimeRange, readNewestFirst } from '../database/pagedQuery';
import {
  changeFromRow,
  ChangeRow,
  pipelineRunFromRow,
  PipelineRunRow,
} from '../delivery/rows';
import { DeliveryEventWriter } from '../delivery/DeliveryEventWriter';
import { canonicalEntityRef } from '@can-i-deploy/plugin-quality-gates-common';

const TABLE = 'deployments';

/** A row of the `deployments` table. */
export interface DeploymentRow {
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

  async listDeployments(
    options: DeploymentListOptions,
  ): Promise<{ items: DeploymentDetails[]; totalCount: number }> {
    const filtered = this.db<DeploymentRow>(TABLE).where(
      'entity_ref',
      canonicalEntityRef(options.entityRef),
    );
    if (options.environment) {
      filtered.andWhere('environment', options.environment);
    }
    if (options.status) {
      filtered.andWhere('status', options.status);
    }
    inTimeRange(filtered, 'started_at', options);
    const { rows, totalCount } = await readNewestFirst<DeploymentRow>(
      filtered,
      {
        timeColumn: 'started_at',
        limit: options.limit,
        offset: options.offset,
      },
    );
    const deployments = rows.map(rowToDeployment);
    const [changes, runs] = await Promise.all([
      this.changesOf(deployments.map(d => d.id)),
      this.pipelineRunsById(
        deployments.flatMap(d => (d.pipelineRunId ? [d.pipelineRunId] : [])),
      ),
    ]);
    return {
      items: deployments.map(deployment => ({
        ...deployment,
        changes: changes.get(deployment.id) ?? [],
        ...(deployment.pipelineRunId && runs.has(deployment.pipelineRunId)
          ? { pipelineRun: runs.get(deployment.pipelineRunId) }
          : {}),
      })),
      totalCount,
    };
  }

  async getDeployment(id: string): Promise<DeploymentDetails | undefined> {
    const row = await this.db<DeploymentRow>(TABLE).where({ id }).first();
    if (!row) {
      return undefined;
    }
    const deployment = rowToDeployment(row);
    const [changes, runs] = await Promise.all([
      this.changesOf([id]),
      this.pipelineRunsById(
        deployment.pipelineRunId ? [deployment.pipelineRunId] : [],
      ),
    ]);
    const pipelineRun = deployment.pipelineRunId
      ? runs.get(deployment.pipelineRunId)
      : undefined;
    return {
      ...deployment,
      changes: changes.get(id) ?? [],
      ...(pipelineRun ? { pipelineRun } : {}),
    };
  }

  /** The commits each deployment brought, with commit data where known. */
  private async changesOf(
    deploymentIds: string[],
  ): Promise<Map<string, Change[]>> {
    const byDeployment = new Map<string, Change[]>();
    if (deploymentIds.length === 0) {
      return byDeployment;
    }
    const rows: Array<
      ChangeRow & {
        deployment_id: string;
        link_sha: string;
        link_repository: string;
      }
    > = await this.db('deployment_changes as link')
      .leftJoin('changes', function joinChange() {
        this.on('changes.repository', '=', 'link.repository').andOn(
          'changes.sha',
          '=',
          'link.sha',
        );
      })
      .whereIn('link.deployment_id', deploymentIds)
      .select(
        'changes.*',
        'link.deployment_id',
        'link.sha as link_sha',
        'link.repository as link_repository',
      )
      .orderBy('link.sha');
    for (const row of rows) {
      const change = changeFromRow({
        ...row,
        repository: row.link_repository,
        sha: row.link_sha,
      });
      const list = byDeployment.get(row.deployment_id) ?? [];
      list.push(change);
      byDeployment.set(row.deployment_id, list);
    }
    return byDeployment;
  }

  private async pipelineRunsById(
    ids: string[],
  ): Promise<Map<string, PipelineRun>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows: PipelineRunRow[] = await this.db('pipeline_runs').whereIn(
      'id',
      [...new Set(ids)],
    );
    return new Map(rows.map(row => [row.id, pipelineRunFromRow(row)]));
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
        entity_ref: canonicalEntityRef(entityRef),
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

/** A deployments row as the API shows it. */
export function rowToDeployment(row: DeploymentRow): Deployment {
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
