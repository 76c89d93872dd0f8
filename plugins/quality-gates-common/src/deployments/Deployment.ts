import { Change, PipelineRun } from '../delivery/DeliveryEvents';

/**
 * Where a deployment is in its life. A deployment that was rolled back is
 * kept as `rolled_back`, never deleted: history is the product.
 *
 * @public
 */
export const DEPLOYMENT_STATUSES = [
  'in_progress',
  'succeeded',
  'failed',
  'rolled_back',
] as const;

/** @public */
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/**
 * One rollout of one version of a catalog entity to one environment.
 *
 * @public
 */
export interface Deployment {
  /** Stable id assigned by the plugin. */
  id: string;
  /** Which system reported it: cdevents, github, api, demo, ... */
  source: string;
  /** The id the source uses, unique per source; makes delivery idempotent. */
  externalId: string;
  /** The catalog entity deployed, e.g. `component:default/checkout`. */
  entityRef: string;
  environment: string;
  /** A commit sha, tag or semantic version. */
  version: string;
  /** Artifact digest or package URL, when the source reports one. */
  artifact?: string;
  /** Who or what started it. */
  actor?: string;
  status: DeploymentStatus;
  /** ISO 8601 timestamp in UTC. */
  startedAt: string;
  /** ISO 8601 timestamp in UTC; absent while in progress. */
  finishedAt?: string;
  /** Deploy log or target. */
  url?: string;
  description?: string;
  /** The pipeline run that performed it, when known. */
  pipelineRunId?: string;
}

/**
 * The version an environment runs now: the latest succeeded deployment there.
 *
 * @public
 */
export interface EnvironmentVersion {
  environment: string;
  version: string;
  deploymentId: string;
  deployedAt: string;
}

/**
 * A deployment with what it brought (its changes, as far as they are known)
 * and the pipeline run that performed it.
 *
 * @public
 */
export interface DeploymentDetails extends Deployment {
  /** Commits the deployment brought; commit data where it was received. */
  changes: Change[];
  pipelineRun?: PipelineRun;
}
