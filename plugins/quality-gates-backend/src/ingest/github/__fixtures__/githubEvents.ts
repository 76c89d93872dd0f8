import type {
  Commit,
  DeploymentCreatedEvent,
  DeploymentStatusCreatedEvent,
  DeploymentWorkflowRun,
  PingEvent,
  PullRequestClosedEvent,
  PullRequestOpenedEvent,
  PullRequest,
  PushEvent,
  Repository,
  User,
  WorkflowRun,
  WorkflowRunEvent,
  WorkflowRunInProgressEvent,
} from '@octokit/webhooks-types';

// Webhook payloads shaped like GitHub's documented and recorded ones,
// trimmed to the fields that matter plus some context. Every builder's
// result is checked against @octokit/webhooks-types, so a misspelt or
// invented field name fails the type check.

/** Any subset of a payload, with GitHub's field names and value types. */
export type DeepPartial<T> = T extends Array<infer U>
  ? Array<DeepPartial<U>>
  : T extends object
  ? { [K in keyof T]?: DeepPartial<T[K]> }
  : T;

export const OWNER = 'example-corp';

/** Shas of one small history of example-corp/checkout. */
export const SHAS = {
  featureFirst: '3f1c9a2be54d7e8f60a1b2c3d4e5f60718293a4b',
  featureSecond: '7d2e8b1c90f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7',
  merge: 'c0ffee0a1b2c3d4e5f60718293a4b5c6d7e8f901',
  mainBefore: '9e602444f49b8b69c3a9a51fa97a115f3d323508',
  released: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
};

const developer = {
  login: 'octo-dev',
  id: 583231,
  node_id: 'MDQ6VXNlcjU4MzIzMQ==',
  html_url: 'https://github.com/octo-dev',
  type: 'User',
  site_admin: false,
} satisfies DeepPartial<User>;

const actionsBot = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  html_url: 'https://github.com/apps/github-actions',
  type: 'Bot',
  site_admin: false,
} satisfies DeepPartial<User>;

export function repository(name = 'checkout'): DeepPartial<Repository> {
  return {
    id: 186853002,
    node_id: 'MDEwOlJlcG9zaXRvcnkxODY4NTMwMDI=',
    name,
    full_name: `${OWNER}/${name}`,
    private: true,
    owner: { login: OWNER, id: 38302899, type: 'Organization' },
    html_url: `https://github.com/${OWNER}/${name}`,
    url: `https://api.github.com/repos/${OWNER}/${name}`,
    default_branch: 'main',
    created_at: '2024-05-15T15:19:25Z',
    updated_at: '2026-11-20T09:58:41Z',
    pushed_at: '2026-11-20T10:02:11Z',
  };
}

export interface RunOptions {
  runId?: number;
  attempt?: number;
  status?: WorkflowRun['status'];
  conclusion?: WorkflowRun['conclusion'];
  sha?: string;
  updatedAt?: string;
}

/** The run of `.github/workflows/deploy.yml` ("Deploy"), in any state. */
export function workflowRun(
  options: RunOptions = {},
): DeepPartial<WorkflowRun> {
  const runId = options.runId ?? 11843920185;
  const attempt = options.attempt ?? 1;
  return {
    id: runId,
    name: 'Deploy',
    node_id: 'WFR_kwLOALyme88AAAACwe2FOQ',
    head_branch: 'main',
    head_sha: options.sha ?? SHAS.released,
    path: '.github/workflows/deploy.yml',
    display_title: 'Merge pull request #42 from example-corp/faster-checkout',
    run_number: 1187,
    event: 'push',
    status: options.status ?? 'in_progress',
    conclusion: options.conclusion ?? null,
    workflow_id: 17248323,
    url: `https://api.github.com/repos/${OWNER}/checkout/actions/runs/${runId}`,
    html_url: `https://github.com/${OWNER}/checkout/actions/runs/${runId}`,
    pull_requests: [],
    created_at: '2026-11-20T10:02:15Z',
    updated_at: options.updatedAt ?? '2026-11-20T10:03:01Z',
    run_attempt: attempt,
    run_started_at:
      attempt === 1 ? '2026-11-20T10:02:15Z' : '2026-11-20T11:30:00Z',
    actor: developer,
    triggering_actor: developer,
    previous_attempt_url: null,
  };
}

export function workflowRunEvent(
  action: WorkflowRunEvent['action'],
  run: RunOptions = {},
): DeepPartial<WorkflowRunEvent> {
  // The three actions carry the same fields.
  const event = {
    workflow: {
      id: 17248323,
      name: 'Deploy',
      path: '.github/workflows/deploy.yml',
      state: 'active',
    },
    workflow_run: workflowRun(run),
    repository: repository(),
    sender: developer,
  } satisfies DeepPartial<Omit<WorkflowRunInProgressEvent, 'action'>>;
  return { action, ...event } as DeepPartial<WorkflowRunEvent>;
}

export interface DeploymentOptions {
  deploymentId?: number;
  environment?: string;
  sha?: string;
  repositoryName?: string;
  payload?: Record<string, unknown> | string;
  /** The deploying Actions run; null for deployments made through the API. */
  run?: RunOptions | null;
}

/** The `deployment` object GitHub sends in deployment events. */
export function deployment(options: DeploymentOptions) {
  const id = options.deploymentId ?? 1874563021;
  const repo = options.repositoryName ?? 'checkout';
  return {
    url: `https://api.github.com/repos/${OWNER}/${repo}/deployments/${id}`,
    id,
    node_id: 'DE_kwDOALyme85vuG6N',
    task: 'deploy',
    original_environment: options.environment ?? 'production',
    environment: options.environment ?? 'production',
    description: null,
    created_at: '2026-11-20T10:02:40Z',
    updated_at: '2026-11-20T10:02:40Z',
    statuses_url: `https://api.github.com/repos/${OWNER}/${repo}/deployments/${id}/statuses`,
    repository_url: `https://api.github.com/repos/${OWNER}/${repo}`,
    creator: actionsBot,
    sha: options.sha ?? SHAS.released,
    ref: 'main',
    // The REST API types it as an object; a string is accepted too.
    payload: (options.payload ?? {}) as Record<string, unknown>,
    transient_environment: false,
    production_environment: options.environment !== 'staging',
    performed_via_github_app: null,
  } satisfies DeepPartial<DeploymentCreatedEvent['deployment']>;
}

function deployingRun(options: DeploymentOptions) {
  if (options.run === null) {
    return null;
  }
  const { previous_attempt_url, display_title, ...run } = workflowRun(
    options.run,
  );
  return run as DeepPartial<DeploymentWorkflowRun>;
}

export function deploymentEvent(
  options: DeploymentOptions = {},
): DeepPartial<DeploymentCreatedEvent> {
  return {
    action: 'created',
    deployment: deployment(options),
    workflow: null,
    workflow_run: deployingRun(options),
    repository: repository(options.repositoryName),
    sender: actionsBot,
  };
}

/**
 * GitHub's states, plus `inactive`: GitHub sets it on superseded
 * deployments, but @octokit/webhooks-types does not list it.
 */
export type DeploymentState =
  | DeploymentStatusCreatedEvent['deployment_status']['state']
  | 'inactive';

export function deploymentStatusEvent(
  state: DeploymentState,
  options: DeploymentOptions & { statusAt?: string; statusId?: number } = {},
): DeepPartial<DeploymentStatusCreatedEvent> {
  const base = deployment(options);
  const environmentUrl =
    state === 'success' ? 'https://checkout.example-corp.com' : '';
  return {
    action: 'created',
    deployment_status: {
      url: `${base.url}/statuses/${options.statusId ?? 9901}`,
      id: options.statusId ?? 9901,
      node_id: 'DES_kwDOALyme88AAAAEqYz2bw',
      state:
        state as DeploymentStatusCreatedEvent['deployment_status']['state'],
      creator: actionsBot,
      description: '',
      environment: base.environment,
      target_url: `https://github.com/${OWNER}/checkout/actions/runs/11843920185/job/33012345678`,
      log_url: `https://github.com/${OWNER}/checkout/actions/runs/11843920185/job/33012345678`,
      environment_url: environmentUrl,
      created_at: options.statusAt ?? '2026-11-20T10:05:12Z',
      updated_at: options.statusAt ?? '2026-11-20T10:05:12Z',
      deployment_url: base.url,
      repository_url: base.repository_url,
      performed_via_github_app: null,
    },
    deployment: base,
    workflow_run: deployingRun(options) ?? undefined,
    repository: repository(options.repositoryName),
    sender: actionsBot,
  };
}

/** `git push` of two feature commits merged to main by a merge commit. */
export function pushEvent(
  options: { repositoryName?: string; ref?: string } = {},
): DeepPartial<PushEvent> {
  const repo = options.repositoryName ?? 'checkout';
  const commit = (
    id: string,
    message: string,
    timestamp: string,
    distinct = true,
  ) =>
    ({
      id,
      tree_id: 'c3a6a8f2b1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6',
      distinct,
      message,
      timestamp,
      url: `https://github.com/${OWNER}/${repo}/commit/${id}`,
      author: {
        name: 'Octo Dev',
        email: 'octo-dev@example-corp.com',
        username: 'octo-dev',
      },
      committer: {
        name: 'GitHub',
        email: 'noreply@github.com',
        username: 'web-flow',
      },
      added: [],
      removed: [],
      modified: ['src/checkout/basket.ts'],
    } satisfies DeepPartial<Commit>);
  const merge = commit(
    SHAS.merge,
    'Merge pull request #42 from example-corp/faster-checkout\n\nFaster checkout',
    '2026-11-20T10:02:09Z',
  );
  return {
    ref: options.ref ?? 'refs/heads/main',
    before: SHAS.mainBefore,
    after: SHAS.merge,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `https://github.com/${OWNER}/${repo}/compare/9e602444f49b...c0ffee0a1b2c`,
    commits: [
      commit(
        SHAS.featureFirst,
        'Cache basket totals',
        '2026-11-18T16:40:03+01:00',
        false,
      ),
      commit(
        SHAS.featureSecond,
        'Drop the second price lookup',
        '2026-11-19T09:12:44+01:00',
        false,
      ),
      merge,
    ],
    head_commit: merge,
    // Push events carry repository times as epoch seconds.
    repository: {
      ...repository(repo),
      created_at: 1715786365,
      pushed_at: 1795168931, // 2026-11-20T10:02:11Z
    },
    pusher: { name: 'octo-dev', email: 'octo-dev@example-corp.com' },
    sender: developer,
  };
}

const pullRequestBase = (repo: string) =>
  ({
    url: `https://api.github.com/repos/${OWNER}/${repo}/pulls/42`,
    id: 2170012345,
    node_id: 'PR_kwDOALyme86BVq1Z',
    html_url: `https://github.com/${OWNER}/${repo}/pull/42`,
    number: 42,
    title: 'Faster checkout',
    user: developer,
    created_at: '2026-11-18T16:45:10Z',
    updated_at: '2026-11-19T09:15:00Z',
    draft: false,
    head: {
      label: 'example-corp:faster-checkout',
      ref: 'faster-checkout',
      sha: SHAS.featureSecond,
      user: developer,
    },
    base: {
      label: 'example-corp:main',
      ref: 'main',
      sha: SHAS.mainBefore,
      user: developer,
    },
    author_association: 'MEMBER',
  } satisfies DeepPartial<PullRequest>);

export function pullRequestOpenedEvent(
  repo = 'checkout',
): DeepPartial<PullRequestOpenedEvent> {
  return {
    action: 'opened',
    number: 42,
    pull_request: {
      ...pullRequestBase(repo),
      state: 'open',
      closed_at: null,
      merged_at: null,
      merge_commit_sha: 'e1d2c3b4a5f60718293a4b5c6d7e8f9012345678', // test merge
      merged: false,
    },
    repository: repository(repo),
    sender: developer,
  };
}

export function pullRequestClosedEvent(
  merged: boolean,
  repo = 'checkout',
): DeepPartial<PullRequestClosedEvent> {
  return {
    action: 'closed',
    number: 42,
    pull_request: {
      ...pullRequestBase(repo),
      state: 'closed',
      updated_at: '2026-11-20T10:02:10Z',
      closed_at: '2026-11-20T10:02:10Z',
      merged_at: merged ? '2026-11-20T10:02:09Z' : null,
      merge_commit_sha: SHAS.merge,
      merged,
    },
    repository: repository(repo),
    sender: developer,
  };
}

export const pingEvent = {
  zen: 'Design for failure.',
  hook_id: 512345678,
  hook: {
    type: 'Repository',
    id: 512345678,
    name: 'web',
    active: true,
    events: [
      'deployment',
      'deployment_status',
      'push',
      'pull_request',
      'workflow_run',
    ],
    config: {
      content_type: 'json',
      insecure_ssl: '0',
      url: 'https://backstage.example-corp.com/api/quality-gates/webhooks/github',
    },
    updated_at: '2026-11-20T09:00:00Z',
    created_at: '2026-11-20T09:00:00Z',
  },
  repository: repository(),
  sender: developer,
} satisfies DeepPartial<PingEvent>;
