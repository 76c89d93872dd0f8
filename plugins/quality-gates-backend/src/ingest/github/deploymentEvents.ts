import { DeploymentStatus } from '@can-i-deploy/plugin-quality-gates-common';
import { z } from 'zod';
import { DeploymentReport } from '../../delivery/DeliveryBatch';
import {
  GitHubEventMapping,
  GitHubEventRecord,
  ignore,
  recordOf,
} from './GitHubEventMapping';
import {
  clip,
  firstNonEmpty,
  normaliseRepository,
  parsePayload,
  repositorySchema,
  timestamp,
  toIsoTimestamp,
  userSchema,
} from './githubPayloadSchema';
import {
  pipelineRunOf,
  workflowRunKey,
  workflowRunSchema,
} from './workflowRunEvents';

/**
 * Key of the deployment payload that names the catalog entity deployed,
 * e.g. `{"backstageEntityRef": "component:default/checkout-worker"}`. It
 * wins over the repository's `github.com/project-slug`, which a monorepo
 * shares between several components.
 */
export const ENTITY_REF_PAYLOAD_KEY = 'backstageEntityRef';

export const deploymentPayloadSchema = z
  .object({ [ENTITY_REF_PAYLOAD_KEY]: z.string().min(1).optional() })
  .passthrough();

const deploymentSchema = z.object({
  id: z.number().int().positive(),
  sha: z.string().min(1).max(64),
  ref: z.string().nullish(),
  environment: z.string().min(1),
  description: z.string().nullish(),
  payload: z.preprocess(payloadAsObject, deploymentPayloadSchema),
  creator: userSchema.nullish(),
  created_at: timestamp,
});

const deploymentEventSchema = z.object({
  action: z.string(),
  deployment: deploymentSchema,
  workflow_run: workflowRunSchema.nullish(),
  repository: repositorySchema,
});

const deploymentStatusEventSchema = deploymentEventSchema.extend({
  deployment_status: z.object({
    state: z.string(),
    created_at: timestamp,
    log_url: z.string().nullish(),
    target_url: z.string().nullish(),
    environment_url: z.string().nullish(),
  }),
});

/**
 * Deployment status states. `waiting` is a deployment held by an
 * environment protection rule; `error` is counted as a failed deployment,
 * like `failure`. `inactive` is handled apart (see mapDeploymentStatusEvent).
 */
const STATUSES = new Map<string, DeploymentStatus>([
  ['success', 'succeeded'],
  ['failure', 'failed'],
  ['error', 'failed'],
  ['pending', 'in_progress'],
  ['queued', 'in_progress'],
  ['in_progress', 'in_progress'],
  ['waiting', 'in_progress'],
]);

type DeploymentEvent = z.infer<typeof deploymentEventSchema>;

/**
 * The deployment as it stands after one event. Every event of one
 * deployment carries the same deployment object, so only status, end and
 * link vary; the writer keeps a finished status when a late "in progress"
 * arrives.
 */
function recordDeployment(
  event: DeploymentEvent,
  status: DeploymentStatus,
  statusEvent?: { finishedAt?: string; url?: string },
): GitHubEventRecord {
  const { deployment, repository } = event;
  const run = event.workflow_run ?? undefined;
  const report: Omit<DeploymentReport, 'entityRef' | 'entityHint'> = {
    source: 'github',
    externalId: String(deployment.id),
    environment: clip(deployment.environment),
    version: deployment.sha,
    actor: clip(actorOf(event)),
    status,
    startedAt: toIsoTimestamp(deployment.created_at),
    finishedAt: statusEvent?.finishedAt,
    url: firstNonEmpty(statusEvent?.url, run?.html_url),
    description: describe(deployment),
    pipelineRun: run ? workflowRunKey(run) : undefined,
    changes: [
      { repository: normaliseRepository(repository), sha: deployment.sha },
    ],
  };
  return {
    hints: {
      entityRef: deployment.payload?.[ENTITY_REF_PAYLOAD_KEY],
      repositorySlug: repository.full_name,
    },
    deployments: [report],
    // The run that deploys, as far as it has got: written in the same
    // transaction, so the deployment links to it even before its own
    // workflow_run event arrives.
    pipelineRuns: run ? [pipelineRunOf(run, repository)] : undefined,
  };
}

/** `deployment` (created) → a deployment in progress. */
export function mapDeploymentEvent(payload: unknown): GitHubEventMapping {
  const event = parsePayload(deploymentEventSchema, payload, 'deployment');
  if (event.action !== 'created') {
    return ignore(`deployment action '${event.action}' records nothing`);
  }
  return recordOf(recordDeployment(event, 'in_progress'));
}

/**
 * `deployment_status` → the deployment's new status, updated in place
 * (keyed by the deployment id).
 *
 * `inactive` records nothing: GitHub sets it on the previous deployment to
 * an environment when a newer one succeeds (and when a transient
 * environment goes away). That is "superseded", not "rolled back" nor
 * "failed"; the newer succeeded deployment already says which version runs.
 */
export function mapDeploymentStatusEvent(payload: unknown): GitHubEventMapping {
  const event = parsePayload(
    deploymentStatusEventSchema,
    payload,
    'deployment_status',
  );
  const { state, created_at, log_url, target_url, environment_url } =
    event.deployment_status;
  if (state === 'inactive') {
    return ignore(
      "deployment_status 'inactive' records nothing: GitHub marks a deployment inactive when a newer one to the same environment succeeds, which is not a rollback",
    );
  }
  const status = STATUSES.get(state);
  if (!status) {
    return ignore(
      `deployment_status state '${state}' is not supported; supported states: ${[
        ...STATUSES.keys(),
      ].join(', ')}, inactive`,
    );
  }
  return recordOf(
    recordDeployment(event, status, {
      finishedAt:
        status === 'in_progress' ? undefined : toIsoTimestamp(created_at),
      url: firstNonEmpty(log_url, target_url, environment_url),
    }),
  );
}

/** Who started it: the person behind the Actions run, else the deployment's creator. */
function actorOf(event: DeploymentEvent): string | undefined {
  return firstNonEmpty(
    event.workflow_run?.triggering_actor?.login,
    event.workflow_run?.actor?.login,
    event.deployment.creator?.login,
  );
}

/** Deployments have no ref column: a branch or tag deployed is kept in the description. */
function describe(
  deployment: z.infer<typeof deploymentSchema>,
): string | undefined {
  const ref =
    deployment.ref && deployment.ref !== deployment.sha
      ? `ref ${deployment.ref}`
      : undefined;
  return (
    [firstNonEmpty(deployment.description), ref].filter(Boolean).join(' · ') ||
    undefined
  );
}

/**
 * The REST API takes an object or a string as the deployment payload; a
 * string holding a JSON object is read as that object, anything else names
 * no entity.
 */
export function payloadAsObject(value: unknown): unknown {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
  }
  const isObject =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  return isObject ? parsed : {};
}
