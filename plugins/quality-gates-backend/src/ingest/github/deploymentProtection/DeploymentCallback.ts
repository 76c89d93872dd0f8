import { Config } from '@backstage/config';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { GitHubRepository } from '../githubPayloadSchema';
import { GateReview } from './gateReview';

/** Where one answer goes and whose installation token it carries. */
export interface CallbackTarget {
  callbackUrl: string;
  /** The repository's web address, which picks the App installation. */
  repositoryUrl: string;
  environment: string;
}

export interface CallbackRetryPolicy {
  attempts: number;
  /** Delay before the second attempt; doubled for each one after. */
  firstDelayMs: number;
  /** How long one attempt may take. */
  timeoutMs: number;
}

/** A GitHub blip is retried for a few seconds; the rule then stays waiting. */
export const DEFAULT_RETRY_POLICY: CallbackRetryPolicy = {
  attempts: 4,
  firstDelayMs: 1000,
  timeoutMs: 10_000,
};

/** GitHub refused the answer for good (e.g. the run no longer waits). */
class RefusedCallback extends Error {}

/**
 * Answers a deployment protection rule: `POST deployment_callback_url` as
 * the GitHub App installation of the repository's owner, with the token
 * Backstage's GitHub integration makes from `integrations.github[].apps`.
 */
export class DeploymentCallback {
  private readonly credentials: GithubCredentialsProvider;

  constructor(
    private readonly integrations: ScmIntegrations,
    private readonly retry: CallbackRetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.credentials =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  }

  static fromConfig(config: Config): DeploymentCallback {
    return new DeploymentCallback(ScmIntegrations.fromConfig(config));
  }

  /**
   * Checks, before anything is evaluated, that an answer can be sent: an
   * App is configured for the repository's host, and the callback URL lies
   * under that host's API, so the installation token goes nowhere else.
   */
  targetOf(
    repository: GitHubRepository,
    callbackUrl: string,
    environment: string,
  ): CallbackTarget {
    const repositoryUrl = (
      repository.html_url ?? `https://github.com/${repository.full_name}`
    ).replace(/\/+$/, '');
    const host = new URL(repositoryUrl).host;
    const integration = this.integrations.github.byHost(host);
    if (!integration?.config.apps?.length) {
      throw new ServiceUnavailableError(
        `Cannot answer deployment protection rules for ${host}: configure the GitHub App under integrations.github (host ${host}, apps)`,
      );
    }
    // github.com has a default; the App's token requests need it too.
    const apiBaseUrl = integration.config.apiBaseUrl?.replace(/\/+$/, '');
    if (!apiBaseUrl) {
      throw new ServiceUnavailableError(
        `Cannot answer deployment protection rules for ${host}: set integrations.github[].apiBaseUrl for it`,
      );
    }
    if (!callbackUrl.startsWith(`${apiBaseUrl}/`)) {
      throw new InputError(
        `deployment_callback_url must lie under the GitHub API of ${host} (${apiBaseUrl}); the installation token is sent nowhere else`,
      );
    }
    return { callbackUrl, repositoryUrl, environment };
  }

  /**
   * Sends the answer, retrying network errors, 5xx and 429 with backoff.
   * Throws when every attempt failed or GitHub refused it: the rule then
   * stays waiting on GitHub's side, never approved.
   */
  async send(target: CallbackTarget, review: GateReview): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.retry.attempts; attempt += 1) {
      if (attempt > 1) {
        await sleep(this.retry.firstDelayMs * 2 ** (attempt - 2));
      }
      try {
        await this.sendOnce(target, review);
        return;
      } catch (error) {
        if (error instanceof RefusedCallback) throw error;
        lastError = error;
      }
    }
    throw new Error(
      `gave up after ${this.retry.attempts} attempts: ${
        (lastError as Error)?.message ?? lastError
      }`,
    );
  }

  private async sendOnce(
    target: CallbackTarget,
    review: GateReview,
  ): Promise<void> {
    const { token } = await this.credentials.getCredentials({
      url: target.repositoryUrl,
    });
    if (!token) {
      throw new Error(
        `no GitHub App installation token for ${target.repositoryUrl}: is the App installed on its owner?`,
      );
    }
    const response = await fetch(target.callbackUrl, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        environment_name: target.environment,
        state: review.state,
        comment: review.comment,
      }),
      signal: AbortSignal.timeout(this.retry.timeoutMs),
    });
    if (response.ok) return;
    const detail = `GitHub answered ${response.status}: ${(
      await response.text().catch(() => '')
    ).slice(0, 300)}`;
    if (response.status >= 500 || [408, 429].includes(response.status)) {
      throw new Error(detail);
    }
    throw new RefusedCallback(detail);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
