import { createHmac, randomUUID } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { Knex } from 'knex';
import {
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { timestampFromDatabase } from '../../database/timestamps';
import { qualityGatesPlugin } from '../../plugin';
import {
  databasePerPlugin,
  capturePluginDatabase,
  startQualityGatesBackend,
  STATIC_TOKEN,
  waitForCatalog,
} from '../../__testUtils__/testBackend';
import {
  deploymentEvent,
  deploymentStatusEvent,
  DeploymentOptions,
  DeploymentState,
  pingEvent,
  pullRequestClosedEvent,
  pullRequestOpenedEvent,
  pushEvent,
  SHAS,
  workflowRunEvent,
} from './__fixtures__/githubEvents';

// The webhook endpoint over HTTP, as GitHub calls it: no Backstage token,
// a signed body. Real catalog (this folder's fixture), real auth services,
// real databases; rows are checked in the plugin's own database.

const SECRET = 'test-webhook-secret';
const ROTATED_OUT_SECRET = 'previous-webhook-secret';
const WEBHOOK = '/api/quality-gates/webhooks/github';
const CHECKOUT = 'component:default/checkout';
const CHECKOUT_WORKER = 'component:default/checkout-worker';
const CATALOG = path.resolve(__dirname, '__fixtures__/catalog.yaml');

function sign(body: Buffer, secret = SECRET) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * A POST to the webhook that sends its body's exact bytes (supertest would
 * JSON-encode a Buffer sent as application/json).
 */
function postWebhook(server: TestBackend['server']) {
  return request(server)
    .post(WEBHOOK)
    .serialize(bytes => bytes as unknown as string);
}

jest.setTimeout(60_000);

describe('POST /webhooks/github', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let backend: TestBackend;
    let knex: Knex;
    const database = capturePluginDatabase();

    beforeAll(async () => {
      backend = await startQualityGatesBackend({
        databases,
        databaseId,
        realAuth: true,
        catalogFixture: CATALOG,
        config: {
          qualityGates: {
            github: { webhookSecret: [SECRET, ROTATED_OUT_SECRET] },
            ingest: { maxBodySize: '256kb' },
          },
        },
        features: [database.feature],
      });
      await waitForCatalog(backend, `Bearer ${STATIC_TOKEN}`, [
        'checkout',
        'checkout-worker',
      ]);
      knex = database.knex();
    });

    afterAll(async () => {
      await backend?.stop();
    });

    /** Delivers like GitHub: JSON body, event and delivery headers, signature. */
    function deliver(
      event: string,
      payload: object | Buffer,
      options: {
        delivery?: string;
        signature?: string | null;
        contentType?: string;
      } = {},
    ) {
      const body = Buffer.isBuffer(payload)
        ? payload
        : Buffer.from(JSON.stringify(payload));
      const call = postWebhook(backend.server)
        .set('Content-Type', options.contentType ?? 'application/json')
        .set('User-Agent', 'GitHub-Hookshot/8a1c2f3')
        .set('X-GitHub-Event', event)
        .set('X-GitHub-Delivery', options.delivery ?? randomUUID())
        .set('X-GitHub-Hook-ID', '512345678');
      if (options.signature !== null) {
        call.set('X-Hub-Signature-256', options.signature ?? sign(body));
      }
      return call.send(body);
    }

    function deliverStatus(
      state: DeploymentState,
      options: DeploymentOptions & { statusAt?: string; delivery?: string },
    ) {
      return deliver(
        'deployment_status',
        deploymentStatusEvent(state, options),
        {
          delivery: options.delivery,
        },
      );
    }

    function deploymentRows(deploymentId: number) {
      return knex('deployments').where({
        source: 'github',
        external_id: String(deploymentId),
      });
    }

    /** Everything a GitHub delivery can write, to show that nothing was. */
    async function storedCounts() {
      const count = async (table: string) =>
        Number((await knex(table).count({ n: '*' }))[0].n);
      return {
        deployments: await count('deployments'),
        changes: await count('changes'),
        pipelineRuns: await count('pipeline_runs'),
        deliveries: await count('github_webhook_deliveries'),
      };
    }

    it('answers a ping, signed with any configured secret', async () => {
      for (const secret of [SECRET, ROTATED_OUT_SECRET]) {
        const body = Buffer.from(JSON.stringify(pingEvent));
        const response = await deliver('ping', body, {
          signature: sign(body, secret),
        });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ status: 'pong', event: 'ping' });
      }
    });

    it('records a deployment from created to success as one row, with its run', async () => {
      const deploymentId = 700001;
      const created = await deliver(
        'deployment',
        deploymentEvent({ deploymentId }),
      );
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        status: 'recorded',
        entityRef: CHECKOUT,
        recorded: { deployments: 1, pipelineRuns: 1, changes: 0 },
      });
      expect((await deploymentRows(deploymentId).first()).status).toBe(
        'in_progress',
      );

      for (const state of ['queued', 'in_progress', 'success'] as const) {
        const response = await deliverStatus(state, { deploymentId });
        expect(response.status).toBe(200);
      }

      const rows = await deploymentRows(deploymentId);
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row).toMatchObject({
        entity_ref: CHECKOUT,
        entity_hint: 'github.com/project-slug=example-corp/checkout',
        environment: 'production',
        version: SHAS.released,
        actor: 'octo-dev',
        status: 'succeeded',
        description: 'ref main',
        url: 'https://github.com/example-corp/checkout/actions/runs/11843920185/job/33012345678',
      });
      expect(timestampFromDatabase(row.started_at)).toBe(
        '2026-11-20T10:02:40.000Z',
      );
      expect(timestampFromDatabase(row.finished_at)).toBe(
        '2026-11-20T10:05:12.000Z',
      );

      // Linked to the deploying run and to the commit it deployed.
      const run = await knex('pipeline_runs')
        .where({ source: 'github', external_id: '11843920185/1' })
        .first();
      expect(row.pipeline_run_id).toBe(run.id);
      expect(
        await knex('deployment_changes')
          .where({ deployment_id: row.id })
          .select('repository', 'sha'),
      ).toEqual([
        { repository: 'github.com/example-corp/checkout', sha: SHAS.released },
      ]);

      // And served by the read API.
      const listed = await request(backend.server)
        .get('/api/quality-gates/deployments')
        .query({ entityRef: CHECKOUT })
        .set('Authorization', `Bearer ${STATIC_TOKEN}`);
      expect(listed.status).toBe(200);
      expect(listed.body.items).toContainEqual(
        expect.objectContaining({
          source: 'github',
          externalId: String(deploymentId),
          status: 'succeeded',
          version: SHAS.released,
        }),
      );
    });

    it('keeps a deployment succeeded when its in-progress status arrives late', async () => {
      const deploymentId = 700002;
      expect((await deliverStatus('success', { deploymentId })).status).toBe(
        200,
      );
      expect(
        (
          await deliverStatus('in_progress', {
            deploymentId,
            statusAt: '2026-11-20T10:03:00Z',
          })
        ).status,
      ).toBe(200);
      expect(
        (await deliver('deployment', deploymentEvent({ deploymentId }))).status,
      ).toBe(200);

      const rows = await deploymentRows(deploymentId);
      expect(rows).toHaveLength(1);
      expect(rows[0].status).toBe('succeeded');
      expect(timestampFromDatabase(rows[0].finished_at)).toBe(
        '2026-11-20T10:05:12.000Z',
      );
    });

    it.each([
      ['failure', 'failed'],
      ['error', 'failed'],
      ['pending', 'in_progress'],
    ] as const)('records state %s as %s', async (state, status) => {
      const deploymentId =
        700010 + ['failure', 'error', 'pending'].indexOf(state);
      expect((await deliverStatus(state, { deploymentId })).status).toBe(200);
      expect((await deploymentRows(deploymentId).first()).status).toBe(status);
    });

    it('acknowledges inactive without changing the deployment', async () => {
      const deploymentId = 700020;
      await deliverStatus('success', { deploymentId });
      const before = await deploymentRows(deploymentId).first();

      const response = await deliverStatus('inactive', {
        deploymentId,
        statusAt: '2026-11-21T08:00:00Z',
      });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({
        status: 'ignored',
        message: expect.stringContaining('not a rollback'),
      });
      expect(await deploymentRows(deploymentId).first()).toEqual(before);
    });

    it('maps a monorepo deployment to the entity its payload names', async () => {
      const deploymentId = 700030;
      const response = await deliverStatus('success', {
        deploymentId,
        payload: { backstageEntityRef: CHECKOUT_WORKER, region: 'eu-west-1' },
      });
      expect(response.status).toBe(200);
      expect(response.body.entityRef).toBe(CHECKOUT_WORKER);
      expect((await deploymentRows(deploymentId).first()).entity_ref).toBe(
        CHECKOUT_WORKER,
      );
    });

    it('keeps events of a repository the catalog does not know, with the hint', async () => {
      const deploymentId = 700040;
      const response = await deliverStatus('success', {
        deploymentId,
        repositoryName: 'legacy-billing',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'recorded',
        entityRef: null,
        entityHint: 'github.com/project-slug=example-corp/legacy-billing',
        message: expect.stringContaining(
          'annotate the component with github.com/project-slug: example-corp/legacy-billing',
        ),
      });
      expect(await deploymentRows(deploymentId).first()).toMatchObject({
        entity_ref: null,
        entity_hint: 'github.com/project-slug=example-corp/legacy-billing',
        status: 'succeeded',
      });
    });

    describe('redelivery', () => {
      it('answers a repeated delivery id without writing again', async () => {
        const deploymentId = 700050;
        const delivery = randomUUID();
        expect(
          (await deliverStatus('success', { deploymentId, delivery })).status,
        ).toBe(200);
        const before = await deploymentRows(deploymentId).first();

        const again = await deliverStatus('success', {
          deploymentId,
          delivery,
        });
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({
          status: 'duplicate',
          message: `Delivery ${delivery} was already recorded; nothing changed`,
        });
        // Not even updated_at moved.
        expect(await deploymentRows(deploymentId).first()).toEqual(before);
      });

      it('does not let a replayed older status overwrite a newer one', async () => {
        const deploymentId = 700051;
        const failureDelivery = randomUUID();
        await deliverStatus('failure', {
          deploymentId,
          delivery: failureDelivery,
          statusAt: '2026-11-20T10:04:00Z',
        });
        await deliverStatus('success', { deploymentId });
        // GitHub's "Redeliver" sends the failure again, with its id.
        const replay = await deliverStatus('failure', {
          deploymentId,
          delivery: failureDelivery,
          statusAt: '2026-11-20T10:04:00Z',
        });
        expect(replay.body.status).toBe('duplicate');
        expect((await deploymentRows(deploymentId).first()).status).toBe(
          'succeeded',
        );
      });

      it('changes nothing when the same content arrives under a new id', async () => {
        const deploymentId = 700052;
        await deliverStatus('success', { deploymentId });
        const { updated_at: _first, ...before } = await deploymentRows(
          deploymentId,
        ).first();
        const response = await deliverStatus('success', { deploymentId });
        expect(response.body.status).toBe('recorded');
        const rows = await deploymentRows(deploymentId);
        expect(rows).toHaveLength(1);
        const { updated_at: _second, ...after } = rows[0];
        expect(after).toEqual(before);
      });
    });

    it('settles concurrent deliveries of one deployment on one succeeded row', async () => {
      const deploymentId = 700060;
      const successDelivery = randomUUID();
      const responses = await Promise.all([
        deliver('deployment', deploymentEvent({ deploymentId })),
        deliverStatus('queued', { deploymentId }),
        deliverStatus('in_progress', { deploymentId }),
        deliverStatus('success', { deploymentId, delivery: successDelivery }),
        deliverStatus('success', { deploymentId, delivery: successDelivery }),
        deliverStatus('success', { deploymentId }),
        deliver(
          'workflow_run',
          workflowRunEvent('completed', {
            runId: 990060,
            status: 'completed',
            conclusion: 'success',
          }),
        ),
        deliver(
          'workflow_run',
          workflowRunEvent('in_progress', { runId: 990060 }),
        ),
      ]);
      expect(responses.map(r => r.status)).toEqual(Array(8).fill(200));
      // The same delivery twice: exactly one of them wrote.
      expect(responses.filter(r => r.body.status === 'duplicate')).toHaveLength(
        1,
      );

      const rows = await deploymentRows(deploymentId);
      expect(rows).toHaveLength(1);
      expect(rows[0].status).toBe('succeeded');
      expect(
        await knex('github_webhook_deliveries').where({
          delivery_id: successDelivery,
        }),
      ).toHaveLength(1);
      const runs = await knex('pipeline_runs').where({
        source: 'github',
        external_id: '990060/1',
      });
      expect(runs).toHaveLength(1);
      expect(runs[0].result).toBe('success');
    });

    it('settles concurrent pushes and pull requests of the same commits', async () => {
      const repositoryName = 'parallel-checkout';
      const responses = await Promise.all([
        deliver('push', pushEvent({ repositoryName })),
        deliver('push', pushEvent({ repositoryName })),
        deliver('pull_request', pullRequestClosedEvent(true, repositoryName)),
        deliver('pull_request', pullRequestOpenedEvent(repositoryName)),
      ]);
      expect(responses.map(r => r.status)).toEqual([200, 200, 200, 200]);

      const changes = await knex('changes').where({
        repository: `github.com/example-corp/${repositoryName}`,
      });
      expect(changes).toHaveLength(3);
      const merge = changes.find(change => change.sha === SHAS.merge);
      expect(merge).toMatchObject({
        pr_number: 42,
        push_after_sha: SHAS.merge,
      });
      expect(merge.pr_merged_at).not.toBeNull();
      expect(merge.pushed_at).not.toBeNull();
    });

    it('records a workflow run from requested to completed, each attempt apart', async () => {
      const runId = 990001;
      for (const action of ['requested', 'in_progress'] as const) {
        expect(
          (await deliver('workflow_run', workflowRunEvent(action, { runId })))
            .status,
        ).toBe(200);
      }
      const completed = await deliver(
        'workflow_run',
        workflowRunEvent('completed', {
          runId,
          status: 'completed',
          conclusion: 'timed_out',
          updatedAt: '2026-11-20T10:32:15Z',
        }),
      );
      expect(completed.body).toMatchObject({
        status: 'recorded',
        entityRef: CHECKOUT,
        recorded: { pipelineRuns: 1 },
      });
      await deliver(
        'workflow_run',
        workflowRunEvent('in_progress', { runId, attempt: 2 }),
      );

      const runs = await knex('pipeline_runs')
        .where({ source: 'github', run_id: String(runId) })
        .orderBy('run_attempt');
      expect(runs).toHaveLength(2);
      expect(runs[0]).toMatchObject({
        external_id: `${runId}/1`,
        entity_ref: CHECKOUT,
        pipeline_name: 'Deploy',
        run_attempt: 1,
        ref: 'main',
        sha: SHAS.released,
        repository: 'github.com/example-corp/checkout',
        result: 'timeout',
        url: `https://github.com/example-corp/checkout/actions/runs/${runId}`,
      });
      expect(timestampFromDatabase(runs[0].queued_at)).toBe(
        '2026-11-20T10:02:15.000Z',
      );
      expect(timestampFromDatabase(runs[0].finished_at)).toBe(
        '2026-11-20T10:32:15.000Z',
      );
      expect(runs[1]).toMatchObject({
        external_id: `${runId}/2`,
        result: null,
        finished_at: null,
      });
    });

    it('records pushes and pull requests on the same commits, in any order', async () => {
      const merged = await deliver(
        'pull_request',
        pullRequestClosedEvent(true),
      );
      expect(merged.body).toMatchObject({
        status: 'recorded',
        recorded: { changes: 2 },
      });
      const pushed = await deliver('push', pushEvent());
      expect(pushed.body).toMatchObject({
        status: 'recorded',
        entityRef: CHECKOUT,
        recorded: { changes: 3 },
      });
      // Opened arrives last (redelivered): it must not erase the merge time.
      await deliver('pull_request', pullRequestOpenedEvent());

      const changes = await knex('changes')
        .where({ repository: 'github.com/example-corp/checkout' })
        .whereIn('sha', Object.values(SHAS));
      const bySha = new Map(changes.map(change => [change.sha, change]));
      expect(bySha.size).toBe(3);

      const merge = bySha.get(SHAS.merge);
      expect(merge).toMatchObject({
        entity_ref: CHECKOUT,
        source: 'github',
        author: 'octo-dev',
        ref: 'refs/heads/main',
        push_before_sha: SHAS.mainBefore,
        push_after_sha: SHAS.merge,
        pr_number: 42,
        url: `https://github.com/example-corp/checkout/commit/${SHAS.merge}`,
      });
      expect(timestampFromDatabase(merge.pushed_at)).toBe(
        '2026-11-20T10:02:11.000Z',
      );
      expect(timestampFromDatabase(merge.pr_merged_at)).toBe(
        '2026-11-20T10:02:09.000Z',
      );

      const head = bySha.get(SHAS.featureSecond);
      expect(head.pr_number).toBe(42);
      expect(timestampFromDatabase(head.pr_opened_at)).toBe(
        '2026-11-18T16:45:10.000Z',
      );
      expect(timestampFromDatabase(head.pr_merged_at)).toBe(
        '2026-11-20T10:02:09.000Z',
      );
      expect(timestampFromDatabase(head.committed_at)).toBe(
        '2026-11-19T08:12:44.000Z',
      );

      const first = bySha.get(SHAS.featureFirst);
      expect(first).toMatchObject({
        pr_number: null,
        push_after_sha: SHAS.merge,
      });
      expect(timestampFromDatabase(first.committed_at)).toBe(
        '2026-11-18T15:40:03.000Z',
      );
    });

    it('reads form-encoded deliveries', async () => {
      const body = Buffer.from(
        new URLSearchParams({
          payload: JSON.stringify(
            pushEvent({ repositoryName: 'form-encoded' }),
          ),
        }).toString(),
      );
      const response = await deliver('push', body, {
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(response.status).toBe(200);
      expect(
        await knex('changes').where({
          repository: 'github.com/example-corp/form-encoded',
        }),
      ).toHaveLength(3);
    });

    it('reads gzip-compressed deliveries inflated', async () => {
      const body = Buffer.from(
        JSON.stringify(pushEvent({ repositoryName: 'compressed' })),
      );
      const response = await postWebhook(backend.server)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .set('X-GitHub-Event', 'push')
        .set('X-GitHub-Delivery', randomUUID())
        .set('X-Hub-Signature-256', sign(body))
        .send(gzipSync(body));
      expect(response.status).toBe(200);
      expect(
        await knex('changes').where({
          repository: 'github.com/example-corp/compressed',
        }),
      ).toHaveLength(3);
    });

    it('acknowledges unsupported events with 202, naming the supported ones', async () => {
      const before = await storedCounts();
      const response = await deliver('issues', {
        action: 'opened',
        issue: { number: 7, title: 'Checkout is slow' },
        repository: { full_name: 'example-corp/checkout' },
      });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        status: 'ignored',
        event: 'issues',
        delivery: expect.any(String),
        message:
          "GitHub event 'issues' is not recorded; supported events: deployment, deployment_status, workflow_run, push, pull_request (and ping)",
      });
      expect(await storedCounts()).toEqual(before);
    });

    describe('rejects, storing nothing,', () => {
      const payload = () =>
        deploymentStatusEvent('success', { deploymentId: 700099 });
      const bytes = (value: object) => Buffer.from(JSON.stringify(value));
      const oversized = () => {
        const huge = pushEvent({ repositoryName: 'oversized' });
        huge.commits![0].message = 'x'.repeat(300 * 1024);
        return bytes(huge);
      };
      const BAD_SIGNATURE = /Missing or invalid X-Hub-Signature-256/;

      it.each<[string, () => request.Test, number, string | RegExp]>([
        [
          'a delivery without a signature',
          () => deliver('deployment_status', payload(), { signature: null }),
          401,
          BAD_SIGNATURE,
        ],
        [
          'a delivery signed with another secret',
          () =>
            deliver('deployment_status', payload(), {
              signature: sign(bytes(payload()), 'guessed-secret'),
            }),
          401,
          BAD_SIGNATURE,
        ],
        [
          'a tampered body',
          () => {
            const body = bytes(payload());
            const tampered = Buffer.from(
              body.toString().replace('"production"', '"staging"'),
            );
            if (tampered.equals(body)) throw new Error('nothing tampered');
            return deliver('deployment_status', tampered, {
              signature: sign(body),
            });
          },
          401,
          BAD_SIGNATURE,
        ],
        [
          'an oversized delivery',
          () => deliver('push', oversized()),
          413,
          /too large/,
        ],
        [
          'an oversized delivery, compressed',
          () =>
            postWebhook(backend.server)
              .set('Content-Type', 'application/json')
              .set('Content-Encoding', 'gzip')
              .set('X-GitHub-Event', 'push')
              .set('X-Hub-Signature-256', sign(oversized()))
              .send(gzipSync(oversized())),
          413,
          /too large/,
        ],
        [
          'malformed JSON with a valid signature',
          () =>
            deliver('deployment_status', Buffer.from('{"action":"created",')),
          400,
          /The webhook body is not valid JSON/,
        ],
        [
          'a payload without a field it needs, naming the field',
          () => {
            const incomplete = payload();
            delete incomplete.deployment!.environment;
            return deliver('deployment_status', incomplete);
          },
          400,
          'Invalid deployment_status payload: deployment.environment: Required',
        ],
        [
          'a delivery without X-GitHub-Event',
          () =>
            postWebhook(backend.server)
              .set('Content-Type', 'application/json')
              .set('X-Hub-Signature-256', sign(bytes(payload())))
              .send(bytes(payload())),
          400,
          'Missing X-GitHub-Event header',
        ],
      ])('%s', async (_case, call, status, message) => {
        const before = await storedCounts();
        const response = await call();
        expect(response.status).toBe(status);
        expect(response.body.error.message).toMatch(message);
        expect(await storedCounts()).toEqual(before);
      });
    });
  });

  describe.each(databases.eachSupportedId())(
    '%p without a webhook secret',
    databaseId => {
      let backend: TestBackend;

      beforeAll(async () => {
        backend = await startTestBackend({
          features: [
            databasePerPlugin(databases, databaseId),
            mockServices.rootConfig.factory({ data: {} }),
            qualityGatesPlugin,
          ],
        });
      });

      afterAll(async () => {
        await backend?.stop();
      });

      it('refuses every delivery, saying it is not configured', async () => {
        const body = Buffer.from(JSON.stringify(pingEvent));
        for (const signature of [undefined, sign(body)]) {
          const call = postWebhook(backend.server)
            .set('Content-Type', 'application/json')
            .set('X-GitHub-Event', 'ping');
          if (signature) call.set('X-Hub-Signature-256', signature);
          const response = await call.send(body);
          expect(response.status).toBe(503);
          expect(response.body.error.message).toBe(
            "GitHub webhooks are not configured: set qualityGates.github.webhookSecret to the webhook's secret",
          );
        }
      });
    },
  );
});
