import { CloudEvent, HTTP } from 'cloudevents';
import { DemoHistory, DemoIncident, DemoRelease } from './demoHistory';

function repositoryOf(history: DemoHistory) {
  return {
    full_name: history.repositorySlug,
    html_url: `https://github.com/${history.repositorySlug}`,
    default_branch: 'main',
  };
}

/** The `push` of a merged pull request's commits to main. */
export function demoPushEvent(history: DemoHistory, release: DemoRelease) {
  const repository = repositoryOf(history);
  const commits = release.commits.map(commit => ({
    id: commit.sha,
    distinct: true,
    message: commit.message,
    timestamp: commit.committedAt.toUTC().toISO(),
    url: `${repository.html_url}/commit/${commit.sha}`,
    author: { name: commit.author, username: commit.author },
  }));
  return {
    ref: 'refs/heads/main',
    before: release.beforeSha,
    after: release.mergeSha,
    commits,
    head_commit: commits[commits.length - 1],
    repository: {
      ...repository,
      pushed_at: Math.floor(release.pullRequest.mergedAt.toSeconds()),
    },
  };
}

/** The `pull_request` event of the merge. */
export function demoPullRequestMergedEvent(
  history: DemoHistory,
  release: DemoRelease,
) {
  const headCommit = release.commits[release.commits.length - 2];
  return {
    action: 'closed',
    pull_request: {
      number: release.pullRequest.number,
      created_at: release.pullRequest.openedAt.toUTC().toISO(),
      merged: true,
      merged_at: release.pullRequest.mergedAt.toUTC().toISO(),
      merge_commit_sha: release.mergeSha,
      head: { sha: headCommit.sha },
    },
    repository: repositoryOf(history),
  };
}

/** One entity's deployments for the plain JSON API, with changes and runs. */
export function demoDeploymentItems(history: DemoHistory) {
  const repository = `github.com/${history.repositorySlug}`.toLowerCase();
  const name = history.entityRef.split('/').pop();
  return history.releases.flatMap(release =>
    release.deployments.map(deployment => ({
      externalId: deployment.externalId,
      entityRef: history.entityRef,
      environment: deployment.environment,
      version: release.version,
      status: deployment.status,
      startedAt: deployment.startedAt.toUTC().toISO()!,
      ...(deployment.finishedAt
        ? { finishedAt: deployment.finishedAt.toUTC().toISO()! }
        : {}),
      artifact: `pkg:oci/${name}@sha256:${
        release.mergeSha
      }${release.mergeSha.slice(0, 24)}?tag=${release.version}`,
      actor: 'argocd',
      changes: release.commits.map(commit => ({ repository, sha: commit.sha })),
      pipelineRun: {
        source: 'otlp',
        externalId: `ci#${release.ciRun.runId}#1`,
      },
    })),
  );
}

/** CDEvents for an incident: reported, and resolved when it was. */
export function demoIncidentEvents(
  history: DemoHistory,
  incident: DemoIncident,
) {
  const name = history.entityRef.split('/').pop()!;
  const subject = (description: string) => ({
    id: incident.id,
    source: '/alertmanager/production',
    type: 'incident',
    content: {
      description,
      environment: { id: incident.environment, source: '/argocd/production' },
      service: { id: name, source: '/argocd/production' },
      ticketURI: `https://tickets.example.com/${incident.id}`,
    },
  });
  const event = (kind: 'reported' | 'resolved', at: string) => {
    const id = `${incident.id}-${kind}`;
    const type = `dev.cdevents.incident.${kind}.0.2.0`;
    return HTTP.structured(
      new CloudEvent({
        specversion: '1.0',
        id,
        source: '/alertmanager/production',
        type,
        time: at,
        datacontenttype: 'application/json',
        data: {
          context: {
            version: '0.4.1',
            id,
            source: '/alertmanager/production',
            type,
            timestamp: at,
          },
          subject: subject(incident.description),
          customData: { severity: incident.severity },
          customDataContentType: 'application/json',
        },
      }),
    );
  };
  return [
    event('reported', incident.openedAt.toUTC().toISO()!),
    ...(incident.resolvedAt
      ? [event('resolved', incident.resolvedAt.toUTC().toISO()!)]
      : []),
  ];
}
