import { createHmac, randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { TestBackend, TestDatabases } from '@backstage/backend-test-utils';
import {
  capturePluginDatabase,
  capturePluginScheduler,
  startQualityGatesBackend,
  STATIC_TOKEN,
  waitForCatalog,
} from '../../../__testUtils__/testBackend';
import {
  deploymentProtectionRuleEvent,
  ProtectionRuleOptions,
} from '../__fixtures__/deploymentProtectionRuleEvent';
import { SHAS } from '../__fixtures__/githubEvents';
import {
  RecordedRequest,
  RecordingGitHubApi,
  startRecordingGitHubApi,
} from './__testUtils__/recordingGitHubApi';

// GitHub deployment protection rules end to end: a signed delivery to the
// webhook of a real test backend (real catalog, real databases, real auth),
// the gates evaluated and stored, and the answer sent to a local stand-in
// for the GitHub API that records the App's token request and the callback.

jest.setTimeout(90_000);

const SECRET = 'test-webhook-secret';
const WEBHOOK = '/api/quality-gates/webhooks/github';
const APP_BASE_URL = 'https://backstage.example.com';
const CATALOG = path.resolve(__dirname, '../__fixtures__/catalog.yaml');

/** Never frozen but on 29 February at midnight, for one minute. */
const NEVER_FROZEN = {
  cron: '0 0 29 2 *',
  duration: { minutes: 1 },
  timeZone: 'UTC',
};
/** Frozen all day, every day. */
const ALWAYS_FROZEN = {
  cron: '0 0 * * *',
  duration: { hours: 24 },
  timeZone: 'UTC',
};

const GATES = [
  {
    id: 'release-window',
    title: 'Release window',
    environments: ['production'],
    criteria: [{ key: 'freeze', source: 'freeze', windows: [NEVER_FROZEN] }],
  },
  {
    id: 'change-freeze',
    title: 'Change freeze',
    environments: ['frozen'],
    criteria: [{ key: 'freeze', source: 'freeze', windows: [ALWAYS_FROZEN] }],
  },
  {
    id: 'short-soak',
    title: 'Soak in staging',
    environments: ['soaking'],
    criteria: [
      {
        key: 'soak',
        source: 'wait-timer',
        environment: 'staging',
        pass: ['>= 2'],
      },
    ],
  },
  {
    id: 'long-soak',
    title: 'A day in staging',
    environments: ['long-soak'],
    criteria: [
      {
        key: 'soak',
        source: 'wait-timer',
        environment: 'staging',
        pass: ['>= 86400'],
      },
    ],
  },
  {
    id: 'canary-watch',
    title: 'Canary watch',
    environments: ['canary'],
    mode: 'warn-only',
    criteria: [{ key: 'freeze', source: 'freeze', windows: [ALWAYS_FROZEN] }],
  },
];

/** Every line logged by the backend, to see what a failure reports. */
const logged: Array<{ level: string; message: string }> = [];

function recordingLogger(): LoggerService {
  const log = (level: string) => (message: string) => {
    logged.push({ level, message });
  };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

async function eventually<T>(
  find: () => T | undefined,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe('GitHub deployment protection rules', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
  let github: RecordingGitHubApi;

  beforeAll(async () => {
    github = await startRecordingGitHubApi();
  });

  afterAll(async () => {
    await github?.close();
  });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let nextRunId = 900_000;
    const database = capturePluginDatabase();
    const scheduler = capturePluginScheduler();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        realAuth: true,
        catalogFixture: CATALOG,
        config: {
          app: { baseUrl: APP_BASE_URL },
          integrations: {
            github: [
              {
                host: 'github.com',
                apiBaseUrl: github.baseUrl,
                apps: [
                  {
                    appId: github.appId,
                    privateKey: github.privateKey,
                    clientId: 'Iv1.0123456789abcdef',
                    clientSecret: 'test-client-secret',
                    webhookSecret: SECRET,
                  },
                ],
              },
            ],
          },
          qualityGates: {
            github: {
              webhookSecret: SECRET,
              deploymentProtection: {
                maxPendingTime: { seconds: 6 },
                pollFrequency: { seconds: 1 },
              },
            },
            gates: { definitions: GATES },
          },
        },
        features: [
          database.feature,
          scheduler.feature,
          createServiceFactory({
            service: coreServices.rootLogger,
            deps: {},
            factory: recordingLogger,
          }),
        ],
      });
      await waitForCatalog(backend, `Bearer ${STATIC_TOKEN}`, ['checkout']);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    beforeEach(() => {
      github.requests.length = 0;
      github.callbackMode = 'accept';
    });

    /** Delivers like GitHub: signed JSON with event and delivery headers. */
    function deliver(payload: object, delivery = randomUUID()) {
      const body = Buffer.from(JSON.stringify(payload));
      return request(backend.server)
        .post(WEBHOOK)
        .serialize(bytes => bytes as unknown as string)
        .set('Content-Type', 'application/json')
        .set('User-Agent', 'GitHub-Hookshot/8a1c2f3')
        .set('X-GitHub-Event', 'deployment_protection_rule')
        .set('X-GitHub-Delivery', delivery)
        .set(
          'X-Hub-Signature-256',
          `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
        )
        .send(body);
    }

    /** A protection rule for a run of its own, so its callback is told apart. */
    function protectionRule(options: ProtectionRuleOptions = {}) {
      const runId = nextRunId++;
      const payload = deploymentProtectionRuleEvent({
        apiBaseUrl: github.baseUrl,
        runId,
        ...options,
      });
      const callbackPath = new URL(payload.deployment_callback_url!).pathname;
      return { payload, callbackPath };
    }

    function callbacksTo(callbackPath: string): RecordedRequest[] {
      return github.requests.filter(r => r.path === callbackPath);
    }

    function callbackTo(callbackPath: string): Promise<RecordedRequest> {
      return eventually(
        () => callbacksTo(callbackPath)[0],
        `the callback to ${callbackPath}`,
      );
    }

    /** The evaluation ids the comment links to. */
    function linkedEvaluationIds(comment: string): string[] {
      return [...comment.matchAll(/\/gate-history\?evaluation=([\w-]+)/g)].map(
        match => match[1],
      );
    }

    it('approves a passing deploy as the App installation, linking the stored evaluation', async () => {
      const { payload, callbackPath } = protectionRule();

      const response = await deliver(payload);
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({
        status: 'evaluating',
        event: 'deployment_protection_rule',
      });

      const callback = await callbackTo(callbackPath);
      expect(callback.method).toBe('POST');
      expect(callback.headers).toMatchObject({
        authorization: `Bearer ${github.installationToken}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'content-type': 'application/json',
      });
      const body = JSON.parse(callback.body);
      expect(body).toEqual({
        environment_name: 'production',
        state: 'approved',
        comment: expect.any(String),
      });
      const [sentence, summary] = body.comment.split('\n');
      expect(sentence).toBe(
        `Yes: Release window passes for ${SHAS.released} in production.`,
      );
      expect(summary).toMatch(
        new RegExp(
          `^Quality gates approved component:default/checkout at ${SHAS.released.slice(
            0,
            7,
          )} in production\\. Decision: ${APP_BASE_URL}/gate-history/decisions/[\\w-]+$`,
        ),
      );
      expect(body.comment).toContain('- Release window: pass, score 100');

      // The token came from the App's installation, asked for with a JWT
      // signed by the App's private key, before the callback.
      const tokenRequests = github.requests.filter(
        r =>
          r.method === 'POST' &&
          r.path ===
            `/app/installations/${github.installationId}/access_tokens`,
      );
      expect(tokenRequests.length).toBeGreaterThan(0);
      for (const tokenRequest of tokenRequests) {
        expect(github.isAppJwt(tokenRequest.headers.authorization)).toBe(true);
      }
      expect(github.requests.indexOf(tokenRequests[0])).toBeLessThan(
        github.requests.indexOf(callback),
      );

      // The link opens the evaluation, stored like any other.
      const [evaluationId] = linkedEvaluationIds(body.comment);
      expect(body.comment).toContain(
        `${APP_BASE_URL}/gate-history?evaluation=${evaluationId}`,
      );
      const stored = await request(backend.server)
        .get(`/api/quality-gates/gates/evaluations/${evaluationId}`)
        .set('Authorization', `Bearer ${STATIC_TOKEN}`);
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({
        gateId: 'release-window',
        entityRef: 'component:default/checkout',
        environment: 'production',
        version: SHAS.released,
        verdict: 'pass',
      });
    });

    it('rejects a failing deploy, naming the failing criterion', async () => {
      const { payload, callbackPath } = protectionRule({
        environment: 'frozen',
      });
      expect((await deliver(payload)).status).toBe(202);

      const body = JSON.parse((await callbackTo(callbackPath)).body);
      expect(body).toMatchObject({
        environment_name: 'frozen',
        state: 'rejected',
      });
      expect(body.comment).toMatch(/^No: Change freeze fails — /);
      expect(body.comment).toContain('- Change freeze: fail, score 0');
      expect(body.comment).toMatch(/ {2}- freeze: fail, /);
      expect(linkedEvaluationIds(body.comment)).toHaveLength(1);
    });

    it('approves a redelivered deploy once an override unblocks it, saying so', async () => {
      const first = protectionRule({ environment: 'frozen' });
      expect((await deliver(first.payload)).status).toBe(202);
      const rejected = JSON.parse((await callbackTo(first.callbackPath)).body);
      expect(rejected.state).toBe('rejected');

      const override = await request(backend.server)
        .post('/api/quality-gates/gates/overrides')
        .set('Authorization', `Bearer ${STATIC_TOKEN}`)
        .send({
          entityRef: 'component:default/checkout',
          environment: 'frozen',
          version: SHAS.released,
          gateId: 'change-freeze',
          reason: 'Security fix approved by the release manager',
          expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        });
      expect(override.status).toBe(201);

      const retry = protectionRule({ environment: 'frozen' });
      expect((await deliver(retry.payload)).status).toBe(202);
      const body = JSON.parse((await callbackTo(retry.callbackPath)).body);
      expect(body.state).toBe('approved');
      expect(body.comment).toMatch(
        /^Yes: Change freeze fails but is overridden by service:ci-pipelines until .+ because Security fix approved by the release manager\.\n/,
      );
      expect(body.comment).toContain(
        '- Change freeze: pass (recorded fail, overridden by service:ci-pipelines because Security fix approved by the release manager, until ',
      );
      const decisionId = body.comment.match(
        /\/gate-history\/decisions\/([\w-]+)/,
      )[1];
      const decision = await request(backend.server)
        .get(`/api/quality-gates/gates/decisions/${decisionId}`)
        .set('Authorization', `Bearer ${STATIC_TOKEN}`);
      expect(decision.body).toMatchObject({
        answer: 'yes',
        environment: 'frozen',
        sentence: body.comment.split('\n')[0],
      });

      await request(backend.server)
        .post(`/api/quality-gates/gates/overrides/${override.body.id}/revoke`)
        .set('Authorization', `Bearer ${STATIC_TOKEN}`)
        .send({ reason: 'Release manager withdrew it' })
        .expect(200);
      const afterRevoke = protectionRule({ environment: 'frozen' });
      expect((await deliver(afterRevoke.payload)).status).toBe(202);
      expect(
        JSON.parse((await callbackTo(afterRevoke.callbackPath)).body).state,
      ).toBe('rejected');
    });

    it('approves a warning: a warn-only gate lets the deploy through', async () => {
      const { payload, callbackPath } = protectionRule({
        environment: 'canary',
      });
      expect((await deliver(payload)).status).toBe(202);

      const body = JSON.parse((await callbackTo(callbackPath)).body);
      expect(body.state).toBe('approved');
      expect(body.comment).toMatch(/^Yes: no gate enforces/);
      expect(body.comment).toContain(
        '- Canary watch: warn (recorded fail, warn-only)',
      );
    });

    it('rejects when no gate applies to the environment', async () => {
      const { payload, callbackPath } = protectionRule({
        environment: 'staging',
      });
      expect((await deliver(payload)).status).toBe(202);

      const body = JSON.parse((await callbackTo(callbackPath)).body);
      expect(body.state).toBe('rejected');
      expect(body.comment).toContain(
        'No gate applies to component:default/checkout in staging',
      );
    });

    it('rejects an unknown repository, saying how to map it', async () => {
      const { payload, callbackPath } = protectionRule({
        repositoryName: 'unknown-service',
      });
      expect((await deliver(payload)).status).toBe(202);

      const body = JSON.parse((await callbackTo(callbackPath)).body);
      expect(body).toEqual({
        environment_name: 'production',
        state: 'rejected',
        comment: expect.stringContaining(
          'No catalog entity matches github.com/project-slug=example-corp/unknown-service: annotate the component with github.com/project-slug: example-corp/unknown-service',
        ),
      });
    });

    it('answers a redelivery without calling back again', async () => {
      const { payload, callbackPath } = protectionRule();
      const delivery = randomUUID();

      expect((await deliver(payload, delivery)).status).toBe(202);
      await callbackTo(callbackPath);
      const again = await deliver(payload, delivery);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'duplicate', delivery });

      // A new delivery is answered as usual, and the first one not again.
      const { payload: rerun } = protectionRule();
      const rerunPath = new URL(rerun.deployment_callback_url!).pathname;
      expect((await deliver(rerun)).status).toBe(202);
      await callbackTo(rerunPath);
      expect(callbacksTo(callbackPath)).toHaveLength(1);
    });

    it('refuses a callback URL outside the GitHub API, sending nothing', async () => {
      const { payload } = protectionRule();
      payload.deployment_callback_url =
        'https://collector.example.net/repos/example-corp/checkout/actions/runs/1/deployment_protection_rule';
      const delivery = randomUUID();

      const response = await deliver(payload, delivery);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(
        'deployment_callback_url must lie under the GitHub API of github.com',
      );
      // Nothing was evaluated or marked: a fixed redelivery is still answered.
      await new Promise(resolve => setTimeout(resolve, 300));
      expect(github.requests).toEqual([]);
    });

    it('retries an unreachable callback, then logs it with the delivery id and carries on', async () => {
      github.callbackMode = 'unreachable';
      const { payload, callbackPath } = protectionRule({
        environment: 'frozen',
      });
      const delivery = randomUUID();

      expect((await deliver(payload, delivery)).status).toBe(202);
      const failure = await eventually(
        () =>
          logged.find(
            line => line.level === 'error' && line.message.includes(delivery),
          ),
        'the logged failure',
      );
      expect(failure.message).toContain(
        'Could not answer the deployment protection rule for example-corp/checkout to frozen',
      );
      expect(failure.message).toContain('gave up after 4 attempts');
      const attempts = callbacksTo(callbackPath);
      expect(attempts).toHaveLength(4);
      // Every attempt carried the same verdict: a failure changes nothing.
      expect(attempts.map(a => JSON.parse(a.body).state)).toEqual([
        'rejected',
        'rejected',
        'rejected',
        'rejected',
      ]);

      // The backend carries on.
      github.callbackMode = 'accept';
      const next = protectionRule();
      expect((await deliver(next.payload)).status).toBe(202);
      expect(JSON.parse((await callbackTo(next.callbackPath)).body).state).toBe(
        'approved',
      );
    });

    /** Deploys `sha` of checkout to staging now: its soak starts. */
    async function deployToStaging(sha: string) {
      const now = new Date();
      await database.knex()('deployments').insert({
        id: randomUUID(),
        source: 'test',
        external_id: randomUUID(),
        entity_ref: 'component:default/checkout',
        environment: 'staging',
        version: sha,
        artifact: null,
        actor: 'ci',
        status: 'succeeded',
        started_at: now,
        finished_at: now,
        created_at: now,
        updated_at: now,
      });
    }

    /**
     * Runs the scheduled task as the scheduler would every `pollFrequency`
     * until a callback reaches `callbackPath`.
     */
    async function askAgainUntilAnswered(
      callbackPath: string,
    ): Promise<RecordedRequest> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        await scheduler.trigger('quality-gates-github-pending-reviews');
        const [answered] = callbacksTo(callbackPath);
        if (answered) return answered;
        if (Date.now() > deadline) {
          throw new Error(
            `Timed out waiting for the callback to ${callbackPath}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 300));
      }
    }

    const pendingRows = () =>
      database.knex()('github_pending_reviews').select('id', 'next_at');

    it('keeps a not-yet rule pending and answers it once, when the soak is over', async () => {
      const sha = 'a'.repeat(40);
      await deployToStaging(sha);
      const { payload, callbackPath } = protectionRule({
        environment: 'soaking',
        sha,
      });
      expect((await deliver(payload)).status).toBe(202);
      // Not yet: nothing is sent, GitHub keeps the rule pending.
      for (let i = 0; (await pendingRows()).length === 0; i++) {
        if (i > 100)
          throw new Error('Timed out waiting for the pending review');
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      expect(callbacksTo(callbackPath)).toEqual([]);

      const callback = await askAgainUntilAnswered(callbackPath);
      const body = JSON.parse(callback.body);
      expect(body).toMatchObject({
        environment_name: 'soaking',
        state: 'approved',
      });
      expect(body.comment).toMatch(/^Yes: Soak in staging passes/);
      expect(await pendingRows()).toEqual([]);
      // Exactly once, whatever the scheduler does next.
      await scheduler.trigger('quality-gates-github-pending-reviews');
      await scheduler.trigger('quality-gates-github-pending-reviews');
      expect(callbacksTo(callbackPath)).toHaveLength(1);
    });

    it('rejects a rule still not decided after the longest pending time', async () => {
      const sha = 'b'.repeat(40);
      await deployToStaging(sha);
      const { payload, callbackPath } = protectionRule({
        environment: 'long-soak',
        sha,
      });
      const delivered = Date.now();
      expect((await deliver(payload)).status).toBe(202);
      const callback = await askAgainUntilAnswered(callbackPath);
      expect(Date.now() - delivered).toBeGreaterThanOrEqual(5_000);
      const body = JSON.parse(callback.body);
      expect(body.state).toBe('rejected');
      expect(body.comment).toMatch(
        /^Quality gates: rejected\. Still not decided after \d+ min, the longest a review waits: Not yet: A day in staging cannot decide yet/,
      );
      expect(await pendingRows()).toEqual([]);
    });
  });
});
