import {
  Deployment,
  DeploymentStatus,
  EnvironmentVersion,
} from '@can-i-deploy/plugin-quality-gates-common';

/** A deployment as a source reports it, before the plugin assigns an id. */
export type DeploymentReport = Omit<Deployment, 'id'>;

/** Persists deployments; the router and ingest never write SQL. */
export interface DeploymentStore {
  /**
   * Inserts new deployments and updates known ones in place, keyed by
   * (source, externalId): delivering the same report twice changes nothing.
   */
  upsertDeployments(reports: DeploymentReport[]): Promise<void>;

  /** One entity's deployments, newest first. */
  listDeployments(options: {
    entityRef: string;
    limit: number;
    offset: number;
    environment?: string;
    status?: DeploymentStatus;
  }): Promise<{ items: Deployment[]; totalCount: number }>;

  /** The latest succeeded deployment per environment of one entity. */
  currentVersions(entityRef: string): Promise<EnvironmentVersion[]>;

  /** Cheap round trip for health checks. */
  ping(): Promise<void>;
}
