import { PipelineResult } from '@can-i-deploy/plugin-quality-gates-common';
import { z } from 'zod';
import { PipelineRunReport, SourceKey } from '../../delivery/DeliveryBatch';
import { GitHubEventMapping, recordOf } from './GitHubEventMapping';
import {
  clip,
  GitHubRepository,
  normaliseRepository,
  parsePayload,
  repositorySchema,
  timestamp,
  toIsoTimestamp,
  userSchema,
} from './githubPayloadSchema';

/**
 * A workflow run as `workflow_run` events carry it; `deployment` and
 * `deployment_status` events embed the same fields for the run that deploys.
 */
export const workflowRunSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  run_attempt: z.number().int().positive(),
  head_branch: z.string().nullish(),
  head_sha: z.string().min(1).max(64),
  status: z.string(),
  conclusion: z.string().nullish(),
  html_url: z.string().optional(),
  created_at: timestamp,
  updated_at: timestamp,
  run_started_at: timestamp.nullish(),
  triggering_actor: userSchema.nullish(),
  actor: userSchema.nullish(),
});

export type GitHubWorkflowRun = z.infer<typeof workflowRunSchema>;

const workflowRunEventSchema = z.object({
  action: z.string(),
  workflow_run: workflowRunSchema,
  repository: repositorySchema,
});

/**
 * `conclusion` in the OpenTelemetry CI/CD vocabulary. Decisions beyond the
 * obvious ones:
 * - `neutral` counts as success, as it does for GitHub's required checks;
 * - `stale` (GitHub gave up on a run that never completed) and
 *   `startup_failure` (the workflow could not start) are CI errors;
 * - `action_required` (a run waiting for approval, e.g. from a fork) has no
 *   result yet: it has not run and may still run once approved.
 * An unknown conclusion is an error, never a success.
 */
const RESULTS = new Map<string, PipelineResult | undefined>([
  ['success', 'success'],
  ['failure', 'failure'],
  ['cancelled', 'cancellation'],
  ['timed_out', 'timeout'],
  ['skipped', 'skip'],
  ['neutral', 'success'],
  ['stale', 'error'],
  ['startup_failure', 'error'],
  ['action_required', undefined],
]);

function resultOf(run: GitHubWorkflowRun): PipelineResult | undefined {
  if (run.status !== 'completed' || !run.conclusion) {
    return undefined;
  }
  return RESULTS.has(run.conclusion) ? RESULTS.get(run.conclusion) : 'error';
}

/** Each attempt of a run is its own pipeline run: a re-run must not overwrite the first. */
export function workflowRunKey(run: {
  id: number;
  run_attempt: number;
}): SourceKey {
  return { source: 'github', externalId: `${run.id}/${run.run_attempt}` };
}

/** One attempt of a workflow run, without its entity. */
export function pipelineRunOf(
  run: GitHubWorkflowRun,
  repository: GitHubRepository,
): Omit<PipelineRunReport, 'entityRef' | 'entityHint'> {
  const result = resultOf(run);
  return {
    ...workflowRunKey(run),
    pipelineName: clip(run.name),
    runId: String(run.id),
    runAttempt: run.run_attempt,
    ref: clip(run.head_branch ?? undefined),
    sha: run.head_sha,
    repository: normaliseRepository(repository),
    result,
    queuedAt: toIsoTimestamp(run.created_at),
    startedAt: toIsoTimestamp(run.run_started_at ?? run.created_at),
    // updated_at is when the run completed; an unfinished one has no end.
    finishedAt: result ? toIsoTimestamp(run.updated_at) : undefined,
    url: run.html_url,
  };
}

/** `workflow_run` (requested, in_progress, completed) → one pipeline run. */
export function mapWorkflowRunEvent(payload: unknown): GitHubEventMapping {
  const event = parsePayload(workflowRunEventSchema, payload, 'workflow_run');
  return recordOf({
    hints: { repositorySlug: event.repository.full_name },
    pipelineRuns: [pipelineRunOf(event.workflow_run, event.repository)],
  });
}
