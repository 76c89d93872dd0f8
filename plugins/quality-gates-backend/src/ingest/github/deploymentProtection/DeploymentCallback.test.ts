import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { DeploymentCallback } from './DeploymentCallback';
import {
  RecordingGitHubApi,
  startRecordingGitHubApi,
} from './__testUtils__/recordingGitHubApi';

// The callback alone, against the local GitHub API stand-in, with short
// delays: which answers are retried, which are final, and where the
// installation token may go.

const REPOSITORY = {
  full_name: 'example-corp/checkout',
  html_url: 'https://github.com/example-corp/checkout',
};
const REVIEW = { state: 'rejected' as const, comment: 'Quality gates: fail' };

describe('DeploymentCallback', () => {
  let github: RecordingGitHubApi;
  let callback: DeploymentCallback;

  function integrations(apps: boolean) {
    return ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            {
              host: 'github.com',
              apiBaseUrl: github.baseUrl,
              ...(apps
                ? {
                    apps: [
                      {
                        appId: github.appId,
                        privateKey: github.privateKey,
                        clientId: 'Iv1.0123456789abcdef',
                        clientSecret: 'test-client-secret',
                      },
                    ],
                  }
                : {}),
            },
          ],
        },
      }),
    );
  }

  function callbacks() {
    return github.requests.filter(r =>
      r.path.endsWith('/deployment_protection_rule'),
    );
  }

  beforeAll(async () => {
    github = await startRecordingGitHubApi();
    callback = new DeploymentCallback(integrations(true), {
      attempts: 3,
      firstDelayMs: 10,
      timeoutMs: 2000,
    });
  });

  afterAll(async () => {
    await github?.close();
  });

  beforeEach(() => {
    github.requests.length = 0;
    github.callbackMode = 'accept';
  });

  function target() {
    return callback.targetOf(
      REPOSITORY,
      `${github.baseUrl}/repos/example-corp/checkout/actions/runs/1/deployment_protection_rule`,
      'production',
    );
  }

  it('answers once when GitHub accepts', async () => {
    await callback.send(target(), REVIEW);
    expect(callbacks()).toHaveLength(1);
    expect(JSON.parse(callbacks()[0].body)).toEqual({
      environment_name: 'production',
      state: 'rejected',
      comment: 'Quality gates: fail',
    });
  });

  it('retries a 503 and gives up after the last attempt', async () => {
    github.callbackMode = 'unavailable';
    await expect(callback.send(target(), REVIEW)).rejects.toThrow(
      /^gave up after 3 attempts: GitHub answered 503/,
    );
    expect(callbacks()).toHaveLength(3);
  });

  it('does not retry what GitHub refuses for good', async () => {
    github.callbackMode = 'refused';
    await expect(callback.send(target(), REVIEW)).rejects.toThrow(
      /^GitHub answered 422: .*No pending deployment requests/,
    );
    expect(callbacks()).toHaveLength(1);
  });

  it('sends the token only under the configured GitHub API', () => {
    expect(() =>
      callback.targetOf(
        REPOSITORY,
        'https://api.github.com.example.net/repos/example-corp/checkout/actions/runs/1/deployment_protection_rule',
        'production',
      ),
    ).toThrow(/deployment_callback_url must lie under the GitHub API/);
    expect(() =>
      callback.targetOf(
        REPOSITORY,
        `${github.baseUrl}.example.net/x/deployment_protection_rule`,
        'production',
      ),
    ).toThrow(/must lie under/);
  });

  it('needs a GitHub App for the repository host', () => {
    const withoutApp = new DeploymentCallback(integrations(false));
    expect(() =>
      withoutApp.targetOf(
        REPOSITORY,
        `${github.baseUrl}/repos/example-corp/checkout/actions/runs/1/deployment_protection_rule`,
        'production',
      ),
    ).toThrow(
      'Cannot answer deployment protection rules for github.com: configure the GitHub App under integrations.github (host github.com, apps)',
    );
    expect(() =>
      callback.targetOf(
        { full_name: 'corp/app', html_url: 'https://git.example.com/corp/app' },
        `${github.baseUrl}/x/deployment_protection_rule`,
        'production',
      ),
    ).toThrow(/for git\.example\.com/);
  });
});
