/**
 * A commit that can reach production: the unit of lead time for changes.
 *
 * @public
 */
export interface Change {
  /** Normalised repository, e.g. `github.com/example-corp/checkout`. */
  repository: string;
  sha: string;
  entityRef?: string;
  message?: string;
  author?: string;
  authoredAt?: string;
  committedAt?: string;
  /** When the commit reached the repository. */
  pushedAt?: string;
  ref?: string;
  pullRequest?: {
    number: number;
    openedAt?: string;
    mergedAt?: string;
  };
  url?: string;
}

/**
 * A production problem, and the deployment that caused it when known.
 *
 * @public
 */
export interface Incident {
  id: string;
  source: string;
  externalId: string;
  entityRef?: string;
  environment?: string;
  severity?: string;
  title?: string;
  description?: string;
  url?: string;
  openedAt: string;
  resolvedAt?: string;
  /** Explicit link to the deployment that caused it. */
  causedByDeploymentId?: string;
  labels?: Record<string, string>;
}

/**
 * How a pipeline run ended, in the OpenTelemetry CI/CD vocabulary
 * (`cicd.pipeline.result`).
 *
 * @public
 */
export const PIPELINE_RESULTS = [
  'success',
  'failure',
  'error',
  'timeout',
  'cancellation',
  'skip',
] as const;

/** @public */
export type PipelineResult = (typeof PIPELINE_RESULTS)[number];

/**
 * One run of a CI/CD pipeline.
 *
 * @public
 */
export interface PipelineRun {
  id: string;
  source: string;
  externalId: string;
  entityRef?: string;
  pipelineName: string;
  runId?: string;
  runAttempt?: number;
  ref?: string;
  sha?: string;
  repository?: string;
  /** Absent while the run is in progress. */
  result?: PipelineResult;
  queuedAt?: string;
  startedAt: string;
  finishedAt?: string;
  /** The OTLP trace of the run, when one was received. */
  traceId?: string;
  url?: string;
}
