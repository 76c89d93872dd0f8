import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';
import {
  CHECKOUT,
  PAYMENTS,
  REPO,
  writeDeliveryHistory,
  writeIncidentFlood,
} from './__fixtures__/deliveryHistory';

// The delivery timeline and the deployment view over HTTP, read by
// PostgreSQL and by SQLite from __fixtures__/deliveryHistory.ts; every
// expected item was picked by hand from that history.

jest.setTimeout(60_000);

const TIMELINE_CATALOG = path.resolve(__dirname, '__fixtures__/catalog.yaml');

const JANUARY = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };

describe('delivery timeline and deployment view', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        catalogFixture: TIMELINE_CATALOG,
        components: ['checkout', 'payments'],
      });
      await writeDeliveryHistory(plugin.knex);
      await writeIncidentFlood(plugin.knex, 501);
    });

    const get = (route: string, query: Record<string, string> = {}) =>
      plugin.get(route, query);

    it('lays one month out on lanes in promotion order', async () => {
      const response = await get('/timeline', {
        entityRef: CHECKOUT,
        ...JANUARY,
      });
      expect(response.status).toBe(200);
      const body = response.body;
      expect(body).toMatchObject({
        entityRef: CHECKOUT,
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-02-01T00:00:00.000Z',
        // d0 (November) still makes production a lane.
        lanes: ['dev', 'staging', 'production'],
        truncated: false,
      });
      // Started in January, oldest first; d0 is November's.
      expect(body.deployments.map((d: any) => d.id)).toEqual([
        'd1',
        'd2',
        'd3',
        'd2b',
        'd4',
        'd5',
        'd6',
        'd7',
        'd8',
        'd9',
      ]);
      expect(body.deployments[2]).toEqual({
        id: 'd3',
        source: 'test',
        externalId: 'd3',
        entityRef: CHECKOUT,
        environment: 'production',
        version: 'v1',
        actor: 'alice',
        status: 'succeeded',
        startedAt: '2026-01-06T10:00:00.000Z',
        finishedAt: '2026-01-06T10:15:00.000Z',
        pipelineRunId: 'r3',
      });
      expect(body.deployments[9]).not.toHaveProperty('finishedAt');
    });

    it('marks gate decisions with their mode and the latest override', async () => {
      const response = await get('/timeline', {
        entityRef: CHECKOUT,
        ...JANUARY,
      });
      // g0 was decided in November.
      expect(response.body.gateDecisions).toEqual([
        {
          evaluationId: 'ga',
          gateId: 'slo',
          environment: 'production',
          version: 'v1',
          verdict: 'pass',
          mode: 'enforce',
          decidedAt: '2026-01-06T09:55:00.000Z',
        },
        {
          evaluationId: 'gb',
          gateId: 'slo',
          environment: 'staging',
          version: 'v2',
          verdict: 'warn',
          mode: 'warn-only',
          decidedAt: '2026-01-08T11:50:00.000Z',
        },
        // Overridden to fail at 09:53, then to pass at 09:55.
        {
          evaluationId: 'gc',
          gateId: 'slo',
          environment: 'production',
          version: 'v2',
          verdict: 'fail',
          mode: 'enforce',
          decidedAt: '2026-01-09T09:50:00.000Z',
          overriddenTo: 'pass',
        },
        {
          evaluationId: 'gd',
          gateId: 'perf',
          environment: 'production',
          version: 'v2',
          verdict: 'pass',
          mode: 'dry-run',
          decidedAt: '2026-01-09T09:52:00.000Z',
        },
      ]);
    });

    it('shows the incidents open at any time in the range', async () => {
      const response = await get('/timeline', {
        entityRef: CHECKOUT,
        ...JANUARY,
      });
      // i0 opened in December and is still open; iold was over by then,
      // ilate opened in February.
      expect(response.body.incidents.map((i: any) => i.id)).toEqual([
        'i0',
        'i1',
      ]);
      expect(response.body.incidents[1]).toMatchObject({
        openedAt: '2026-01-09T11:00:00.000Z',
        resolvedAt: '2026-01-09T12:00:00.000Z',
        causedByDeploymentId: 'd3',
      });
    });

    it('narrows to the range asked for, `to` excluded', async () => {
      const response = await get('/timeline', {
        entityRef: CHECKOUT,
        from: '2026-01-08T12:00:00Z',
        to: '2026-01-10T09:00:00Z',
      });
      expect(response.body.deployments.map((d: any) => d.id)).toEqual([
        'd5',
        'd6',
      ]);
      expect(
        response.body.gateDecisions.map((g: any) => g.evaluationId),
      ).toEqual(['gc', 'gd']);
      expect(response.body.incidents.map((i: any) => i.id)).toEqual([
        'i0',
        'i1',
      ]);
    });

    it('keeps the newest rows of a kind over its limit and says so', async () => {
      const response = await get('/timeline', {
        entityRef: PAYMENTS,
        ...JANUARY,
      });
      expect(response.status).toBe(200);
      expect(response.body.truncated).toBe(true);
      // 501 incidents, 500 kept: the oldest (number 0) is left out.
      expect(response.body.incidents).toHaveLength(500);
      expect(response.body.incidents[0].id).toBe('payments-incident-1');
      expect(response.body.incidents[499].id).toBe('payments-incident-500');
      expect(response.body.lanes).toEqual(['dev', 'staging']);
    });

    it('defaults to the last 30 days', async () => {
      const before = DateTime.utc();
      const response = await get('/timeline', { entityRef: CHECKOUT });
      expect(response.status).toBe(200);
      const from = DateTime.fromISO(response.body.from);
      const to = DateTime.fromISO(response.body.to);
      expect(to.diff(from, 'days').days).toBe(30);
      expect(to >= before.minus({ seconds: 1 })).toBe(true);
    });

    it('answers a bad range or entity clearly', async () => {
      const backwards = await get('/timeline', {
        entityRef: CHECKOUT,
        from: JANUARY.to,
        to: JANUARY.from,
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toBe('from must be before to');

      const tooLong = await get('/timeline', {
        entityRef: CHECKOUT,
        from: '2025-01-01T00:00:00Z',
        to: '2026-02-06T00:00:00Z',
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toMatch(/longer than 400 days/);

      const notATime = await get('/timeline', {
        entityRef: CHECKOUT,
        from: 'last tuesday',
      });
      expect(notATime.status).toBe(400);
      expect(notATime.body.error.message).toMatch(/from/);

      const noEntity = await get('/timeline', JANUARY);
      expect(noEntity.status).toBe(400);
      expect(noEntity.body.error.message).toMatch(/entityRef/);

      const unknown = await get('/timeline', {
        entityRef: 'component:default/nope',
      });
      expect(unknown.status).toBe(404);
    });

    describe('GET /deployments/{deploymentId}', () => {
      it('opens a deployment with its changes, run, gate decisions and incidents', async () => {
        const response = await get('/deployments/d3');
        expect(response.status).toBe(200);
        expect(response.body.deployment).toMatchObject({
          id: 'd3',
          environment: 'production',
          version: 'v1',
        });
        expect(response.body.deployment).not.toHaveProperty('changes');
        expect(response.body.changes).toEqual([
          {
            repository: REPO,
            sha: 's1',
            entityRef: CHECKOUT,
            message: 'Add express checkout',
          },
        ]);
        expect(response.body.pipelineRun).toMatchObject({
          id: 'r3',
          pipelineName: 'deploy',
          durationSeconds: 18 * 60,
        });
        // Only the production evaluation of v1: not staging's, not v2's.
        expect(
          response.body.gateDecisions.map((g: any) => g.evaluationId),
        ).toEqual(['ga']);
        expect(response.body.incidents.map((i: any) => i.id)).toEqual(['i1']);
      });

      it('gives the decisions for the same environment and version, oldest first', async () => {
        const response = await get('/deployments/d6');
        expect(response.status).toBe(200);
        expect(
          response.body.gateDecisions.map((g: any) => [
            g.evaluationId,
            g.overriddenTo,
          ]),
        ).toEqual([
          ['gc', 'pass'],
          ['gd', undefined],
        ]);
        expect(response.body.incidents).toEqual([]);
        expect(response.body).not.toHaveProperty('pipelineRun');
        expect(response.body.changes.map((c: any) => c.sha)).toEqual(['s2']);
      });

      it('answers 404 for unknown deployments and those of entities the caller cannot see', async () => {
        const unknown = await get('/deployments/nope');
        expect(unknown.status).toBe(404);
        expect(unknown.body.error.message).toBe(
          'Deployment nope was not found',
        );
        // The entity is not in the catalog: its name is not revealed.
        const ghost = await get('/deployments/x1');
        expect(ghost.status).toBe(404);
        expect(ghost.body.error.message).toBe('Deployment x1 was not found');
        const unresolved = await get('/deployments/u1');
        expect(unresolved.status).toBe(404);
      });
    });
  });
});
