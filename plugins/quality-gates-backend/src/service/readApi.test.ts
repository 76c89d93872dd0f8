import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { DeliveryEventWriter } from '../delivery/DeliveryEventWriter';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';

// The read API over HTTP, on a real test backend with the real catalog:
// delivery events are written the way ingest writes them (one batch through
// the DeliveryEventWriter) and read back with their links.

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout';

describe('read API', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;

    beforeAll(async () => {
      plugin = await startPluginUnderTest({ databases, databaseId });
      await new DeliveryEventWriter(plugin.knex).write({
        pipelineRuns: [
          {
            source: 'github',
            externalId: '9001-1',
            entityRef: CHECKOUT,
            pipelineName: 'deploy',
            runId: '9001',
            runAttempt: 1,
            sha: 'abc123',
            ref: 'main',
            repository: 'github.com/example-corp/checkout',
            result: 'success',
            queuedAt: '2026-11-20T09:59:00Z',
            startedAt: '2026-11-20T10:00:00Z',
            finishedAt: '2026-11-20T10:05:30Z',
          },
          {
            source: 'github',
            externalId: '9002-1',
            entityRef: CHECKOUT,
            pipelineName: 'ci',
            startedAt: '2026-11-21T10:00:00Z',
          },
          {
            source: 'github',
            externalId: '7-1',
            entityRef: null,
            entityHint: 'github.com/project-slug=example-corp/unknown',
            pipelineName: 'ci',
            startedAt: '2026-11-21T10:00:00Z',
          },
        ],
        changes: [
          {
            source: 'github',
            repository: 'github.com/example-corp/checkout',
            sha: 'abc123',
            entityRef: CHECKOUT,
            message: 'Fix rounding',
            committedAt: '2026-11-19T08:00:00Z',
            pullRequest: { number: 42, mergedAt: '2026-11-19T09:00:00Z' },
          },
        ],
        incidents: [
          {
            source: 'api',
            externalId: 'inc-1',
            entityRef: CHECKOUT,
            environment: 'production',
            severity: 'critical',
            title: 'Checkout down',
            openedAt: '2026-11-20T11:00:00Z',
            resolvedAt: '2026-11-20T12:00:00Z',
            labels: { team: 'checkout' },
          },
          {
            source: 'api',
            externalId: 'inc-2',
            entityRef: CHECKOUT,
            environment: 'production',
            openedAt: '2026-11-22T11:00:00Z',
          },
        ],
        deployments: [
          {
            source: 'api',
            externalId: 'deploy-1',
            entityRef: CHECKOUT,
            environment: 'production',
            version: 'abc123',
            status: 'succeeded',
            startedAt: '2026-11-20T10:06:00Z',
            finishedAt: '2026-11-20T10:09:00Z',
            pipelineRun: { source: 'github', externalId: '9001-1' },
            // One change with commit data, one known only by its sha.
            changes: [
              { repository: 'github.com/example-corp/checkout', sha: 'abc123' },
              { repository: 'github.com/example-corp/checkout', sha: 'def456' },
            ],
          },
          {
            source: 'api',
            externalId: 'deploy-0',
            entityRef: CHECKOUT,
            environment: 'production',
            version: 'aaa000',
            status: 'succeeded',
            startedAt: '2026-11-01T10:00:00Z',
          },
        ],
      });
    });

    afterAll(async () => {
      await plugin?.backend.stop();
    });

    it('returns deployments in a time range with their changes and pipeline run', async () => {
      const response = await plugin.get('/deployments', {
        entityRef: CHECKOUT,
        from: '2026-11-15T00:00:00Z',
        to: '2026-11-30T00:00:00Z',
      });

      expect(response.status).toBe(200);
      expect(response.body.totalCount).toBe(1);
      const [deployment] = response.body.items;
      expect(deployment.externalId).toBe('deploy-1');
      expect(deployment.changes).toEqual([
        {
          repository: 'github.com/example-corp/checkout',
          sha: 'abc123',
          entityRef: CHECKOUT,
          message: 'Fix rounding',
          committedAt: '2026-11-19T08:00:00.000Z',
          pullRequest: { number: 42, mergedAt: '2026-11-19T09:00:00.000Z' },
        },
        { repository: 'github.com/example-corp/checkout', sha: 'def456' },
      ]);
      expect(deployment.pipelineRun).toMatchObject({
        externalId: '9001-1',
        pipelineName: 'deploy',
        result: 'success',
        durationSeconds: 330,
        queueSeconds: 60,
      });
      expect(deployment.pipelineRunId).toBe(deployment.pipelineRun.id);
    });

    it('rejects a time that is not a date-time', async () => {
      const response = await plugin.get('/deployments', {
        entityRef: CHECKOUT,
        from: 'yesterday',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/from/);
    });

    it('lists pipeline runs with filters, newest first', async () => {
      const all = await plugin.get('/pipeline-runs', { entityRef: CHECKOUT });
      expect(all.status).toBe(200);
      expect(all.body.totalCount).toBe(2);
      expect(all.body.items.map((run: any) => run.externalId)).toEqual([
        '9002-1',
        '9001-1',
      ]);
      // A run still going has no result and no duration.
      expect(all.body.items[0].result).toBeUndefined();
      expect(all.body.items[0].durationSeconds).toBeUndefined();

      const succeeded = await plugin.get('/pipeline-runs', {
        entityRef: CHECKOUT,
        result: 'success',
        sha: 'abc123',
      });
      expect(succeeded.body.items.map((run: any) => run.externalId)).toEqual([
        '9001-1',
      ]);

      const bad = await plugin.get('/pipeline-runs', {
        entityRef: CHECKOUT,
        result: 'passed',
      });
      expect(bad.status).toBe(400);
    });

    it('lists incidents, newest first, and only open ones on request', async () => {
      const all = await plugin.get('/incidents', { entityRef: CHECKOUT });
      expect(all.status).toBe(200);
      expect(all.body.totalCount).toBe(2);
      expect(all.body.items[1]).toMatchObject({
        externalId: 'inc-1',
        severity: 'critical',
        openedAt: '2026-11-20T11:00:00.000Z',
        resolvedAt: '2026-11-20T12:00:00.000Z',
        labels: { team: 'checkout' },
      });

      const open = await plugin.get('/incidents', {
        entityRef: CHECKOUT,
        open: true,
      });
      expect(open.body.items.map((i: any) => i.externalId)).toEqual(['inc-2']);
    });

    it('reports events kept for unknown entities', async () => {
      const response = await plugin.get('/ingest/unresolved');
      expect(response.status).toBe(200);
      expect(response.body.items).toContainEqual({
        kind: 'pipeline_run',
        entityHint: 'github.com/project-slug=example-corp/unknown',
        count: 1,
        lastSeenAt: expect.any(String),
      });

      const anonymous = await request(plugin.backend.server)
        .get('/api/quality-gates/ingest/unresolved')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });
  });
});
