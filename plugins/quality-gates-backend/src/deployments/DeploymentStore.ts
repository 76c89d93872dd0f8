import {
  DeploymentDetails,
  DeploymentStatus,
  EnvironmentVersion,
} from '@can-i-deploy/plugin-quality-gates-common';

import { DeploymentReport } from '../delivery/DeliveryBatch';

export type { DeploymentReport };

export interface DeploymentListOptions {
  entityRef: string;
  limit: number;
  offset: number;
  environment?: string;
  status?: DeploymentStatus;
  /** ISO 8601: deployments started at or after. */
  from?: string;
  /** ISO 8601: deployments started before. */
  to?: string;
}

/** Persists deployments; the router and ingest never write SQL. */
export interface DeploymentStore {
  /**
   * Inserts new deployments and updates known ones in place, keyed by
   * (source, externalId): delivering the same report twice changes nothing.
   */
  upsertDeployments(reports: DeploymentReport[]): Promise<void>;

  /** One entity's deployments, newest first, with changes and pipeline run. */
  listDeployments(
    options: DeploymentListOptions,
  ): Promise<{ items: DeploymentDetails[]; totalCount: number }>;

  /** One deployment by its id, with changes and pipeline run. */
  getDeployment(id: string): Promise<DeploymentDetails | undefined>;

  /** The latest succeeded deployment per environment of one entity. */
  currentVersions(entityRef: string): Promise<EnvironmentVersion[]>;

  /** Cheap round trip for health checks. */
  ping(): Promise<void>;
}
