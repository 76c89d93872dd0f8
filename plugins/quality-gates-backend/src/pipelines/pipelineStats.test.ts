import { TestDatabases } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../__testUtils__/testBackend';
import { CHECKOUT, writePipelineHistory } from './__fixtures__/pipelineHistory';

// Pipeline statistics over HTTP, computed by PostgreSQL and by SQLite from
// __fixtures__/pipelineHistory.ts. Percentiles are nearest-rank: of n
// sorted values, p50 is the ceil(n/2)-th and p95 the ceil(0.95 n)-th.

jest.setTimeout(60_000);

/** Wednesday 7 to Wednesday 21 January: weeks of 5, 12 and 19 January. */
const RANGE = { from: '2026-01-07T00:00:00Z', to: '2026-01-21T00:00:00Z' };
const WEEKS = [
  '2026-01-05T00:00:00.000Z',
  '2026-01-12T00:00:00.000Z',
  '2026-01-19T00:00:00.000Z',
];

const durations = (
  count: number,
  p50Seconds: number | null,
  p95Seconds: number | null,
) => ({ count, p50Seconds, p95Seconds });
const NONE = durations(0, null, null);

describe('GET /pipelines/stats', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;

    beforeAll(async () => {
      plugin = await startPluginUnderTest({
        databases,
        databaseId,
        components: ['checkout'],
      });
      await writePipelineHistory(plugin.knex);
    });

    const stats = (query: Record<string, string>) =>
      plugin.get('/pipelines/stats', query);

    it('counts runs and failures and takes duration and queue percentiles', async () => {
      const response = await stats({ entityRef: CHECKOUT, ...RANGE });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        entityRef: CHECKOUT,
        from: '2026-01-07T00:00:00.000Z',
        to: '2026-01-21T00:00:00.000Z',
      });
      const [build, deploy] = response.body.pipelines;
      const { periods, tasks, ...overall } = build;
      // b1..b6 (b0 is before the range, b7 at its end). Failed: b2
      // (failure), b5 (timeout); b6 was cancelled. Finished: all but b4.
      // Durations 100 200 300 400 600 (b4 runs): p50 3rd, p95 5th.
      // Queues 60 120 180: p50 2nd, p95 3rd.
      expect(overall).toEqual({
        pipelineName: 'build',
        runs: 6,
        failed: 2,
        failureRate: 2 / 5,
        duration: durations(5, 300, 600),
        queue: durations(3, 120, 180),
      });
      expect(periods).toEqual([
        // b1 b2 b3 b4: durations 200 300 600, queues 60 120.
        {
          periodStart: WEEKS[0],
          runs: 4,
          failed: 1,
          failureRate: 1 / 3,
          duration: durations(3, 300, 600),
          queue: durations(2, 60, 120),
        },
        // b5 b6: durations 100 400, queue 180.
        {
          periodStart: WEEKS[1],
          runs: 2,
          failed: 1,
          failureRate: 0.5,
          duration: durations(2, 100, 400),
          queue: durations(1, 180, 180),
        },
        // Nothing ran: still a period, so charts have no gap.
        {
          periodStart: WEEKS[2],
          runs: 0,
          failed: 0,
          failureRate: null,
          duration: NONE,
          queue: NONE,
        },
      ]);
      expect(deploy).toEqual({
        pipelineName: 'deploy',
        runs: 1,
        failed: 0,
        failureRate: 0,
        duration: durations(1, 50, 50),
        queue: NONE,
        periods: [
          expect.objectContaining({ runs: 0 }),
          expect.objectContaining({ runs: 1, failureRate: 0 }),
          expect.objectContaining({ runs: 0 }),
        ],
        tasks: [],
      });
    });

    it('gives each CI task its durations and failures, per week too', async () => {
      const response = await stats({ entityRef: CHECKOUT, ...RANGE });
      const [build] = response.body.pipelines;
      expect(build.tasks).toEqual([
        // b1 120, b2 100, b5 90 (named on its resource only); b0's 999 is
        // before the range.
        {
          taskName: 'compile',
          taskType: 'build',
          duration: durations(3, 100, 120),
          failed: 0,
          periods: [
            { periodStart: WEEKS[0], duration: durations(2, 100, 120) },
            { periodStart: WEEKS[1], duration: durations(1, 90, 90) },
            { periodStart: WEEKS[2], duration: NONE },
          ],
        },
        // Jenkins' UNSTABLE is a failure.
        {
          taskName: 'lint',
          duration: durations(1, 30, 30),
          failed: 1,
          periods: [
            { periodStart: WEEKS[0], duration: durations(1, 30, 30) },
            { periodStart: WEEKS[1], duration: NONE },
            { periodStart: WEEKS[2], duration: NONE },
          ],
        },
        // 150, 400 (failure), 300 (error status, no result word); the
        // `npm test` step inside b1's test is not a task.
        {
          taskName: 'test',
          duration: durations(3, 300, 400),
          failed: 2,
          periods: [
            { periodStart: WEEKS[0], duration: durations(2, 150, 400) },
            { periodStart: WEEKS[1], duration: durations(1, 300, 300) },
            { periodStart: WEEKS[2], duration: NONE },
          ],
        },
      ]);
    });

    it('narrows to one pipeline', async () => {
      const response = await stats({
        entityRef: CHECKOUT,
        pipelineName: 'deploy',
        ...RANGE,
      });
      expect(
        response.body.pipelines.map((p: any) => [p.pipelineName, p.runs]),
      ).toEqual([['deploy', 1]]);
      const none = await stats({
        entityRef: CHECKOUT,
        pipelineName: 'release',
        ...RANGE,
      });
      expect(none.body.pipelines).toEqual([]);
    });

    it('defaults to the last 90 days', async () => {
      const response = await stats({ entityRef: CHECKOUT });
      expect(response.status).toBe(200);
      const from = DateTime.fromISO(response.body.from);
      const to = DateTime.fromISO(response.body.to);
      expect(to.diff(from, 'days').days).toBe(90);
    });

    it('answers a bad range or entity clearly', async () => {
      const backwards = await stats({
        entityRef: CHECKOUT,
        from: RANGE.to,
        to: RANGE.from,
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toBe('from must be before to');
      const tooLong = await stats({
        entityRef: CHECKOUT,
        from: '2024-01-01T00:00:00Z',
        to: RANGE.to,
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toMatch(/longer than 400 days/);
      const unknown = await stats({ entityRef: 'component:default/nope' });
      expect(unknown.status).toBe(404);
    });
  });
});
