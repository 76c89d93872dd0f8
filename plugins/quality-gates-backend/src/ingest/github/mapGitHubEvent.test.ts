import { mapGitHubEvent, SUPPORTED_EVENTS } from './mapGitHubEvent';
import { pushEvent, workflowRunEvent } from './__fixtures__/githubEvents';

describe('mapGitHubEvent', () => {
  it('dispatches by event name', () => {
    expect(mapGitHubEvent('push', pushEvent()).kind).toBe('record');
    expect(
      mapGitHubEvent('workflow_run', workflowRunEvent('requested')).kind,
    ).toBe('record');
  });

  it('ignores other events, naming the supported ones', () => {
    expect(mapGitHubEvent('issues', { action: 'opened' })).toEqual({
      kind: 'ignore',
      reason:
        "GitHub event 'issues' is not recorded; supported events: deployment, deployment_status, workflow_run, push, pull_request (and ping)",
    });
    expect(SUPPORTED_EVENTS).toHaveLength(5);
  });
});
