import type { DeploymentProtectionRuleRequestedEvent } from '@octokit/webhooks-types';
import {
  DeepPartial,
  deployment,
  DeploymentOptions,
  OWNER,
  repository,
} from './githubEvents';

// A `deployment_protection_rule` delivery shaped like GitHub's documented
// one: sent to a GitHub App when a job deploys to an environment that has
// the App as a protection rule. GitHub waits until the App answers through
// `deployment_callback_url`. Checked against @octokit/webhooks-types, plus
// the top-level `sha` and `ref` the documentation lists and the types lack.

export interface ProtectionRuleOptions extends DeploymentOptions {
  /** Where the GitHub API is; the callback URL lies under it. */
  apiBaseUrl?: string;
  runId?: number;
  installationId?: number;
}

type DocumentedProtectionRuleEvent =
  DeepPartial<DeploymentProtectionRuleRequestedEvent> & {
    sha?: string;
    ref?: string;
  };

export function deploymentProtectionRuleEvent(
  options: ProtectionRuleOptions = {},
): DocumentedProtectionRuleEvent {
  const repo = options.repositoryName ?? 'checkout';
  const apiBaseUrl = options.apiBaseUrl ?? 'https://api.github.com';
  const runId = options.runId ?? 11843920185;
  const base = deployment(options);
  return {
    action: 'requested',
    environment: base.environment,
    event: 'push',
    sha: base.sha,
    ref: 'refs/heads/main',
    deployment_callback_url: `${apiBaseUrl}/repos/${OWNER}/${repo}/actions/runs/${runId}/deployment_protection_rule`,
    deployment: base,
    pull_requests: [],
    repository: repository(repo),
    organization: { login: OWNER, id: 38302899 },
    installation: {
      id: options.installationId ?? 52341234,
      node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNTIzNDEyMzQ=',
    },
    sender: {
      login: 'octo-dev',
      id: 583231,
      type: 'User',
      site_admin: false,
    },
  };
}
