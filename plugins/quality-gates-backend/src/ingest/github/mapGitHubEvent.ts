import {
  mapDeploymentEvent,
  mapDeploymentStatusEvent,
} from './deploymentEvents';
import { GitHubEventMapping, ignore } from './GitHubEventMapping';
import { mapPullRequestEvent } from './pullRequestEvents';
import { mapPushEvent } from './pushEvents';
import { mapWorkflowRunEvent } from './workflowRunEvents';

const MAPPERS: ReadonlyMap<string, (payload: unknown) => GitHubEventMapping> =
  new Map([
    ['deployment', mapDeploymentEvent],
    ['deployment_status', mapDeploymentStatusEvent],
    ['workflow_run', mapWorkflowRunEvent],
    ['push', mapPushEvent],
    ['pull_request', mapPullRequestEvent],
  ]);

/** The events that record something (besides `ping`). */
export const SUPPORTED_EVENTS = [...MAPPERS.keys()];

/**
 * Maps one GitHub webhook event (the `X-GitHub-Event` name and its parsed
 * payload) to what it records. Events of other kinds are acknowledged and
 * ignored, so a webhook subscribed to more events keeps delivering.
 */
export function mapGitHubEvent(
  event: string,
  payload: unknown,
): GitHubEventMapping {
  const mapper = MAPPERS.get(event);
  if (!mapper) {
    return ignore(
      `GitHub event '${event}' is not recorded; supported events: ${SUPPORTED_EVENTS.join(
        ', ',
      )} (and ping)`,
    );
  }
  return mapper(payload);
}
