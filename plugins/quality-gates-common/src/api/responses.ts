import { Deployment, EnvironmentVersion } from '../deployments/Deployment';

/**
 * Answer of `GET /health`.
 *
 * @public
 */
export interface HealthResponse {
  status: 'ok';
  /** Whether the plugin's database answers. */
  database: 'ok';
  /** Criterion sources registered through the extension point. */
  criterionSources: string[];
}

/**
 * Answer of `GET /deployments`: newest first.
 *
 * @public
 */
export interface DeploymentListResponse {
  entityRef: string;
  items: Deployment[];
  totalCount: number;
  /** Latest succeeded deployment per environment ("what is where"). */
  currentVersions: EnvironmentVersion[];
}
