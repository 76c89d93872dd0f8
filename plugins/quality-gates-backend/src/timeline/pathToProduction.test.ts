import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';
import { CHECKOUT, writeDeliveryHistory } from './__fixtures__/deliveryHistory';

// The path of a commit or a version to production, over HTTP on
// PostgreSQL and SQLite, from __fixtures__/deliveryHistory.ts.

jest.setTimeout(60_000);

const TIMELINE_CATALOG = path.resolve(__dirname, '__fixtures__/catalog.yaml');

/** Steps as `kind:id`, in the order the answer gives them. */
const stepIds = (steps: any[]) =>
  steps.map(step =>
    step.kind === 'pipelineRun'
      ? `run:${step.pipelineRun.id}`
      : `deployment:${step.deployment.id}`,
  );

describe('GET /path-to-production', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: TIMELINE_CATALOG,
        components: ['checkout'],
      });
      await writeDeliveryHistory(plugin.knex);
    });

    const pathOf = (query: Record<string, string>) =>
      plugin.get('/path-to-production', query);

    it('follows a commit from its checks to a failed production deployment', async () => {
      const response = await pathOf({ entityRef: CHECKOUT, sha: 's2' });
      expect(response.status).toBe(200);
      const { steps, ...rest } = response.body;
      // The pull request's checks, the main build, dev, staging, and the
      // production deployment that failed: not reached, no duration.
      expect(rest).toEqual({
        entityRef: CHECKOUT,
        sha: 's2',
        reachedProduction: false,
      });
      expect(stepIds(steps)).toEqual([
        'run:r2a',
        'run:r2b',
        'deployment:d4',
        'deployment:d5',
        'deployment:d6',
      ]);
      expect(steps[0]).toMatchObject({
        kind: 'pipelineRun',
        at: '2026-01-07T15:00:00.000Z',
        pipelineRun: { pipelineName: 'ci', sha: 's2', durationSeconds: 600 },
      });
      // Each deployment with the decisions for its environment and version.
      expect(
        steps
          .slice(2)
          .map((step: any) =>
            step.gateDecisions.map(
              (g: any) => `${g.evaluationId}${g.overriddenTo ? '!' : ''}`,
            ),
          ),
      ).toEqual([[], ['gb'], ['gc!', 'gd']]);
    });

    it('follows a version to production, with the runs that deployed it', async () => {
      const response = await pathOf({ entityRef: CHECKOUT, version: 'v1' });
      expect(response.status).toBe(200);
      // v1 went to dev (by r1), staging, production (by r3), and staging
      // again; no run built a commit named `v1`.
      expect(stepIds(response.body.steps)).toEqual([
        'run:r1',
        'deployment:d1',
        'deployment:d2',
        'run:r3',
        'deployment:d3',
        'deployment:d2b',
      ]);
      // r1 started 5 Jan 08:30; d3 reached production 6 Jan 10:15:
      // 25 h 45 min.
      expect(response.body).toMatchObject({
        version: 'v1',
        reachedProduction: true,
        durationSeconds: 25 * 3600 + 45 * 60,
      });
      expect(response.body).not.toHaveProperty('sha');
    });

    it('finds the same path by the commit the version brought', async () => {
      const response = await pathOf({ entityRef: CHECKOUT, sha: 's1' });
      // d2b redeployed v1 without naming its commits: not on s1's path.
      expect(stepIds(response.body.steps)).toEqual([
        'run:r1',
        'deployment:d1',
        'deployment:d2',
        'run:r3',
        'deployment:d3',
      ]);
      expect(response.body.durationSeconds).toBe(25 * 3600 + 45 * 60);
    });

    it('answers an unknown commit with an empty path', async () => {
      const response = await pathOf({ entityRef: CHECKOUT, sha: 'ffff' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        entityRef: CHECKOUT,
        sha: 'ffff',
        steps: [],
        reachedProduction: false,
      });
    });

    it('wants exactly one of sha and version, and a visible entity', async () => {
      const neither = await pathOf({ entityRef: CHECKOUT });
      expect(neither.status).toBe(400);
      expect(neither.body.error.message).toMatch(
        /exactly one of sha or version/,
      );
      const both = await pathOf({
        entityRef: CHECKOUT,
        sha: 's1',
        version: 'v1',
      });
      expect(both.status).toBe(400);
      expect(both.body.error.message).toMatch(/exactly one of sha or version/);
      const unknown = await pathOf({
        entityRef: 'component:default/nope',
        sha: 's1',
      });
      expect(unknown.status).toBe(404);
    });
  });
});
