import {
  DeploymentDetails,
  EnvironmentVersion,
} from '../deployments/Deployment';
import { Incident, PipelineRun } from '../delivery/DeliveryEvents';

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
  items: DeploymentDetails[];
  totalCount: number;
  /** Latest succeeded deployment per environment ("what is where"). */
  currentVersions: EnvironmentVersion[];
}

/**
 * Answer of `GET /incidents`: newest first.
 *
 * @public
 */
export interface IncidentListResponse {
  entityRef: string;
  items: Incident[];
  totalCount: number;
}

/**
 * A pipeline run with its derived timings.
 *
 * @public
 */
export interface PipelineRunSummary extends PipelineRun {
  /** Seconds from start to finish; absent while running. */
  durationSeconds?: number;
  /** Seconds from queued to started, when the source reports queueing. */
  queueSeconds?: number;
}

/**
 * Answer of `GET /pipeline-runs`: newest first.
 *
 * @public
 */
export interface PipelineRunListResponse {
  entityRef: string;
  items: PipelineRunSummary[];
  totalCount: number;
}

/**
 * Events kept for entities the catalog does not know (yet), grouped by what
 * the events said about their entity.
 *
 * @public
 */
export interface UnresolvedEventsResponse {
  items: Array<{
    kind: 'deployment' | 'change' | 'incident' | 'pipeline_run';
    entityHint: string;
    count: number;
    lastSeenAt: string;
  }>;
}
