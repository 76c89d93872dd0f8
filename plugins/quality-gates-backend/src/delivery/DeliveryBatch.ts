import {
  Change,
  Deployment,
  Incident,
  PipelineRun,
} from '@can-i-deploy/plugin-quality-gates-common';

/** Identifies an event row across redeliveries: (source, the source's id). */
export interface SourceKey {
  source: string;
  externalId: string;
}

/**
 * Where an event points in the catalog: the resolved entity, or null while
 * the catalog does not know it, plus what the event said (kept either way).
 */
export interface EntityAssignment {
  entityRef: string | null;
  /** e.g. `github.com/project-slug=org/repo` or `service.name=checkout`. */
  entityHint?: string;
}

export type DeploymentReport = Omit<
  Deployment,
  'id' | 'entityRef' | 'pipelineRunId'
> &
  EntityAssignment & {
    /** The run that performed the deployment, by its source key. */
    pipelineRun?: SourceKey;
    /** Commits the deployment brought, when the source says. */
    changes?: Array<{ repository: string; sha: string }>;
  };

export type ChangeReport = Omit<Change, 'entityRef'> &
  EntityAssignment & {
    source: string;
    pushBeforeSha?: string;
    pushAfterSha?: string;
  };

export type IncidentReport = Omit<
  Incident,
  'id' | 'entityRef' | 'causedByDeploymentId'
> &
  EntityAssignment & {
    /** Explicit cause, by the deployment's source key. */
    causedBy?: SourceKey;
  };

export type PipelineRunReport = Omit<PipelineRun, 'id' | 'entityRef'> &
  EntityAssignment;

/**
 * Everything one ingest request carries, written in one transaction: a
 * request lands whole or not at all.
 */
export interface DeliveryBatch {
  deployments?: DeploymentReport[];
  changes?: ChangeReport[];
  incidents?: IncidentReport[];
  pipelineRuns?: PipelineRunReport[];
}
