import { TestDatabases } from '@backstage/backend-test-utils';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';
import { CHECKOUT, writeDoraHistory } from './__fixtures__/doraHistory';

// DORA figures over HTTP on a real backend, computed by PostgreSQL and by
// SQLite from the history in __fixtures__/doraHistory.ts. Every expected
// number below was worked out by hand from that history; the comments show
// the arithmetic.

jest.setTimeout(60_000);

const JANUARY = { from: '2026-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z' };
const HOUR = 3600;
const DAY = 24 * HOUR;

describe('DORA metrics', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;

    beforeAll(async () => {
      plugin = await startPluginUnderTest({ databases, databaseId });
      await writeDoraHistory(plugin.knex);
    });

    const get = (path: string, query: Record<string, string | number>) =>
      plugin.get(path, query);

    it('computes the five figures of one component, with bands', async () => {
      const response = await get('/dora/metrics', {
        entityRef: CHECKOUT,
        ...JANUARY,
      });
      expect(response.status).toBe(200);
      const { current } = response.body;
      // Reached production in January: a1 a3 a4 a5 a7 (a2 failed, a6 is
      // staging, a9 still running, a8 is February): 5 in 30 days.
      expect(current.deploymentFrequency).toEqual({
        deployments: 5,
        perDay: 5 / 30,
        perWeek: (5 / 30) * 7,
        bucket: 'daily_to_weekly',
        band: 'high',
      });
      // First production deploys in January: c2 1 d, c3 4 h, c5 30 min;
      // c4 was committed an hour after it shipped (left out, counted); c1
      // first shipped in December. Nearest rank of 3: median 2nd, p90 3rd.
      expect(current.leadTime).toEqual({
        changes: 3,
        medianSeconds: 4 * HOUR,
        p90Seconds: DAY,
        excludedNonPositive: 1,
        band: 'elite',
      });
      // Finished: a1 a2 a3 a4 a5 a7. Failed: a1 (incident i2, explicit), a2
      // (failed), a4 (i1: last success before it opened), a7 (rolled back).
      expect(current.changeFailureRate).toEqual({
        deployments: 6,
        failed: 4,
        rate: 4 / 6,
        band: 'low',
      });
      // a1: i2 opened 00:00, resolved 01:00 → 1 h; a2: failed 12:00, a3
      // shipped 14:00 → 2 h; a4: i1 opened 11:00, a5 shipped 12:00 → 1 h;
      // a7: rolled back 25 Jan 10:00, a8 shipped 2 Feb 10:00 → 8 d.
      expect(current.recoveryTime).toEqual({
        failures: 4,
        recovered: 4,
        unrecovered: 0,
        medianSeconds: HOUR,
        band: 'elite',
      });
      // a5 started 11:50 while i1 (11:00–12:30) was open.
      expect(current.reworkRate).toEqual({
        deployments: 6,
        unplanned: 1,
        rate: 1 / 6,
        band: null,
      });
      expect(response.body.window).toEqual({
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-31T00:00:00.000Z',
        days: 30,
      });
      expect(response.body.environments).toEqual(['production', 'prod']);
    });

    it('compares with the window before', async () => {
      const response = await get('/dora/metrics', {
        entityRef: CHECKOUT,
        ...JANUARY,
      });
      const { previous } = response.body;
      // December 2 – 31: only a0, which caused i3 (25 Dec).
      expect(previous.deploymentFrequency.deployments).toBe(1);
      expect(previous.changeFailureRate).toMatchObject({
        deployments: 1,
        failed: 1,
      });
      // c0 1 d, c1 2 d: nearest-rank median of 2 is the 1st.
      expect(previous.leadTime).toMatchObject({
        changes: 2,
        medianSeconds: DAY,
        p90Seconds: 2 * DAY,
      });
      // i3 opened 25 Dec and was resolved a day later, before a1 shipped.
      expect(previous.recoveryTime).toMatchObject({
        failures: 1,
        medianSeconds: DAY,
      });
    });

    it('defaults the window to the data, at most 90 days', async () => {
      // The first production deployment finished on 20 December 2025:
      // without a from, the window starts that day, not 90 days back.
      const following = await get('/dora/metrics', {
        entityRef: CHECKOUT,
        to: '2026-01-31T00:00:00Z',
      });
      expect(following.status).toBe(200);
      expect(following.body.window).toEqual({
        from: '2025-12-20T00:00:00.000Z',
        to: '2026-01-31T00:00:00.000Z',
        days: 42,
      });
      // Longer history: 90 days at most.
      const capped = await get('/dora/metrics', {
        entityRef: CHECKOUT,
        to: '2026-06-30T00:00:00Z',
      });
      expect(capped.body.window).toMatchObject({
        from: '2026-04-01T00:00:00.000Z',
        days: 90,
      });
      // A given from is kept.
      const given = await get('/dora/metrics', {
        entityRef: CHECKOUT,
        ...JANUARY,
      });
      expect(given.body.window.days).toBe(30);
    });

    it('rolls up the components a group owns', async () => {
      const response = await get('/dora/metrics', {
        group: 'checkout-team',
        ...JANUARY,
      });
      expect(response.status).toBe(200);
      expect(response.body.scope).toEqual({
        kind: 'group',
        ref: 'group:default/checkout-team',
        entityRefs: [CHECKOUT, 'component:default/payments'],
      });
      const { current } = response.body;
      // Payments adds b1, which caused i4 (never resolved, nothing shipped
      // after): one more deployment, failed, not recovered.
      expect(current.deploymentFrequency.deployments).toBe(6);
      expect(current.changeFailureRate).toMatchObject({
        deployments: 7,
        failed: 5,
      });
      expect(current.recoveryTime).toMatchObject({
        failures: 5,
        recovered: 4,
        unrecovered: 1,
        medianSeconds: HOUR,
      });
    });

    it('gives a weekly trend from Monday, gaps as nulls', async () => {
      const response = await get('/dora/trend', {
        entityRef: CHECKOUT,
        from: '2026-01-07T12:00:00Z',
        to: '2026-01-26T00:00:00Z',
      });
      expect(response.body.error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([
        // 5–11 Jan: a1 a2 a3; a1 and a2 failed; c2 1 d, c3 4 h.
        {
          weekStart: '2026-01-05T00:00:00.000Z',
          deployments: 2,
          leadTimeMedianSeconds: 4 * HOUR,
          changeFailureRate: 2 / 3,
          recoveryMedianSeconds: HOUR,
          reworkRate: 0,
        },
        // 12–18 Jan: a4 (failed through i1) and a5 (unplanned).
        {
          weekStart: '2026-01-12T00:00:00.000Z',
          deployments: 2,
          leadTimeMedianSeconds: 30 * 60,
          changeFailureRate: 0.5,
          recoveryMedianSeconds: HOUR,
          reworkRate: 0.5,
        },
        // 19–25 Jan: a7, rolled back on the 25th, recovered by a8 8 d later
        // (a6 is staging); no change shipped.
        {
          weekStart: '2026-01-19T00:00:00.000Z',
          deployments: 1,
          leadTimeMedianSeconds: null,
          changeFailureRate: 1,
          recoveryMedianSeconds: 8 * DAY,
          reworkRate: 0,
        },
      ]);
    });

    it('lists the deployments behind the change failure rate, with why', async () => {
      const response = await get('/dora/details', {
        entityRef: CHECKOUT,
        metric: 'changeFailureRate',
        ...JANUARY,
      });
      expect(response.status).toBe(200);
      expect(response.body.totalCount).toBe(4);
      expect(
        response.body.items.map((row: any) => [
          row.deploymentId,
          row.reason,
          row.incidentId,
        ]),
      ).toEqual([
        ['a7', 'rolled_back', undefined],
        ['a4', 'incident', 'i1'],
        ['a2', 'failed', undefined],
        ['a1', 'incident', 'i2'],
      ]);
      // Enough to show and link the incident, not only its id.
      expect(response.body.items[1]).toMatchObject({
        incidentTitle: 'Incident i1',
        incidentExternalId: 'i1',
        incidentUrl: 'https://pager.example.com/incidents/i1',
      });
      expect(response.body.items[3].incidentUrl).toBeUndefined();
    });

    it('lists changes with their lead time, the left-out one marked', async () => {
      const response = await get('/dora/details', {
        entityRef: CHECKOUT,
        metric: 'leadTime',
        ...JANUARY,
        limit: 2,
        offset: 1,
      });
      expect(response.body.totalCount).toBe(4);
      expect(
        response.body.items.map((row: any) => [
          row.sha,
          row.durationSeconds,
          row.reason,
        ]),
      ).toEqual([
        ['c3', 4 * HOUR, undefined],
        ['c4', -HOUR, 'excluded_non_positive'],
      ]);
      // The commit's link where the change has one.
      expect(response.body.items[0].changeUrl).toBe(
        'https://git.example.com/checkout/commit/c3',
      );
      expect(response.body.items[1].changeUrl).toBeUndefined();
    });

    it('lists recovery episodes and unplanned deployments', async () => {
      const recoveries = await get('/dora/details', {
        group: 'group:default/checkout-team',
        metric: 'recoveryTime',
        ...JANUARY,
      });
      const b1 = recoveries.body.items.find(
        (row: any) => row.deploymentId === 'b1',
      );
      expect(b1).toMatchObject({
        reason: 'incident',
        incidentId: 'i4',
        startedAt: '2026-01-09T00:00:00.000Z',
      });
      expect(b1.endedAt).toBeUndefined();
      const rework = await get('/dora/details', {
        entityRef: CHECKOUT,
        metric: 'reworkRate',
        ...JANUARY,
      });
      expect(rework.body.items.map((row: any) => row.deploymentId)).toEqual([
        'a5',
      ]);
    });

    it('answers clearly when the scope is wrong', async () => {
      const none = await get('/dora/metrics', JANUARY);
      expect(none.status).toBe(400);
      expect(none.body.error.message).toMatch(/exactly one of entityRef/);
      const notAGroup = await get('/dora/metrics', { group: CHECKOUT });
      expect(notAGroup.status).toBe(400);
      expect(notAGroup.body.error.message).toMatch(/not a group/);
      const unknown = await get('/dora/metrics', {
        entityRef: 'component:default/nope',
      });
      expect(unknown.status).toBe(404);
      const backwards = await get('/dora/metrics', {
        entityRef: CHECKOUT,
        from: JANUARY.to,
        to: JANUARY.from,
      });
      expect(backwards.status).toBe(400);
    });
  });
});
