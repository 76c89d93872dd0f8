import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  PluginUnderTest,
  startPluginUnderTest,
} from '../../__testUtils__/testBackend';
import {
  CHECKOUT,
  DAY_0,
  NOW,
  writeEffectivenessHistory,
} from './__fixtures__/effectivenessHistory';
import { readEffectivenessSettings } from './effectivenessSettings';

// Gate effectiveness over HTTP on a real backend, computed by PostgreSQL
// and by SQLite from __fixtures__/effectivenessHistory.ts (its table says
// what became of each version). Every expected number was worked out by
// hand; the comments show the arithmetic. Window: the default 24 h.

jest.setTimeout(60_000);

const PERIOD = {
  from: DAY_0.toISO()!,
  to: NOW.plus({ hours: 1 }).toISO()!,
};

describe('gate effectiveness', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let plugin: PluginUnderTest;

    beforeAll(async () => {
      plugin = await startPluginUnderTest({ databases, databaseId });
      await writeEffectivenessHistory(plugin.knex);
    });

    const effectiveness = (query: Record<string, string>) =>
      plugin.get('/gates/effectiveness', query);

    it('counts each gate and criterion of one component against what became of each version', async () => {
      const response = await effectiveness({ ...PERIOD, entityRef: CHECKOUT });
      expect(response.body.error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.body.windowSeconds).toBe(24 * 3600);
      const [release, soak] = response.body.gates;

      // v0 was judged before the period. v1 counts by its pass (the error
      // before it is no judgement); v8 by its last verdict, pass.
      // Blocked: v5 (rolled back) and v9 (incident naming it) were bad:
      // true blocks 2; v3 shipped and stayed good: false block 1; v2 never
      // shipped: unknown.
      // Passed: v4 (incident 10 h later), v8 (incident 2 h later), v12
      // (failed): misses 3; v1, v6 (incident after 26 h), v7 (the incident
      // followed v8): correct passes 3; v11 (2 h ago): unknown.
      // v10 only errored. Unknown 2 = v2 + v11.
      expect(release).toMatchObject({
        gateId: 'release-checks',
        gateTitle: 'Release checks',
        // e1a e1b e2 e3 e4 e5 e6 e7 e8a–d e9 e10 e11 e12 = 16 (not e0).
        evaluations: 16,
        // v1 … v12
        versions: 12,
        counts: {
          trueBlocks: 2,
          falseBlocks: 1,
          misses: 3,
          correctPasses: 3,
          unknown: 2,
          errors: 1,
        },
        // 2 true blocks ÷ (2 + 3 misses) bad versions
        sensitivity: 2 / 5,
        // 3 correct passes ÷ (3 + 1 false block) good versions
        specificity: 3 / 4,
      });
      expect(release.criteria.map((c: any) => c.key)).toEqual([
        'error-ratio',
        'ci',
      ]);
      const [errorRatio, ci] = release.criteria;
      // Like the gate, except v12: the gate passed it, error-ratio failed
      // it, and its deployment failed — a true block, not a miss.
      expect(errorRatio).toEqual({
        key: 'error-ratio',
        source: 'prometheus',
        versions: 12,
        counts: {
          trueBlocks: 3, // v5 v9 v12
          falseBlocks: 1, // v3
          misses: 2, // v4 v8
          correctPasses: 3, // v1 v6 v7
          unknown: 2, // v2 v11
          errors: 1, // v10
        },
        sensitivity: 3 / 5,
        specificity: 3 / 4,
        noData: 0,
      });
      // ci passed everything it had data for: every bad version is a miss.
      expect(ci).toEqual({
        key: 'ci',
        source: 'pipeline',
        versions: 12,
        counts: {
          trueBlocks: 0,
          falseBlocks: 0,
          misses: 5, // v4 v5 v8 v9 v12
          correctPasses: 5, // v1 v3 v6 v7 v10
          unknown: 1, // v2
          errors: 0,
        },
        sensitivity: 0,
        specificity: 1,
        noData: 1, // v11
      });

      // Dry-run, counted by what it recorded. v2 pass, unknown; v3 fail,
      // good: false block; v4 fail then pass, bad: miss; v5 fail, bad: true
      // block.
      expect(soak).toEqual({
        gateId: 'soak',
        gateTitle: 'Soak before production',
        evaluations: 5,
        versions: 4,
        counts: {
          trueBlocks: 1,
          falseBlocks: 1,
          misses: 1,
          correctPasses: 0,
          unknown: 1,
          errors: 0,
        },
        sensitivity: 1 / 2,
        specificity: 0,
        criteria: [
          {
            key: 'soak',
            source: 'wait-timer',
            versions: 4,
            counts: {
              trueBlocks: 1,
              falseBlocks: 1,
              misses: 1,
              correctPasses: 0,
              unknown: 1,
              errors: 0,
            },
            sensitivity: 1 / 2,
            specificity: 0,
            noData: 0,
          },
        ],
      });
    });

    it('lists criteria that flipped on the same version, most flips first', async () => {
      const response = await effectiveness({ ...PERIOD, entityRef: CHECKOUT });
      // error-ratio on v8: fail, pass, fail, pass → 3 flips; soak on v4:
      // fail, pass → 1. v1's error then pass is no flip.
      expect(response.body.flaky).toEqual({
        totalCount: 2,
        limit: 100,
        items: [
          {
            gateId: 'release-checks',
            criterionKey: 'error-ratio',
            entityRef: CHECKOUT,
            environment: 'production',
            version: 'v8',
            evaluations: 4,
            passes: 2,
            fails: 2,
            flips: 3,
            lastEvaluatedAt: DAY_0.plus({ days: 11, hours: 11.75 }).toISO(),
          },
          {
            gateId: 'soak',
            criterionKey: 'soak',
            entityRef: CHECKOUT,
            environment: 'production',
            version: 'v4',
            evaluations: 2,
            passes: 1,
            fails: 1,
            flips: 1,
            lastEvaluatedAt: DAY_0.plus({ days: 5, hours: 9.5 }).toISO(),
          },
        ],
      });
    });

    it('narrows to a gate, and widens to what an owner owns', async () => {
      const gate = await effectiveness({ ...PERIOD, gateId: 'soak' });
      expect(gate.body.gates.map((g: any) => g.gateId)).toEqual(['soak']);
      expect(gate.body.flaky.totalCount).toBe(1);

      // Payments adds p1 to release-checks: passed, stayed good.
      const team = await effectiveness({
        ...PERIOD,
        owner: 'checkout-team',
        gateId: 'release-checks',
      });
      expect(team.status).toBe(200);
      expect(team.body.gates[0]).toMatchObject({
        evaluations: 17,
        versions: 13,
        counts: { correctPasses: 4, falseBlocks: 1 },
        // 4 ÷ (4 + 1)
        specificity: 4 / 5,
      });
    });

    it('leaves out what was evaluated outside the period', async () => {
      // Day 0 to day 4: e1a e1b e2 e3 (v1 v2 v3) and soak f2 f3.
      const response = await effectiveness({
        from: DAY_0.toISO()!,
        to: DAY_0.plus({ days: 4 }).toISO()!,
        entityRef: CHECKOUT,
      });
      expect(response.body.gates[0]).toMatchObject({
        gateId: 'release-checks',
        evaluations: 4,
        versions: 3,
        counts: {
          trueBlocks: 0,
          falseBlocks: 1,
          misses: 0,
          correctPasses: 1,
          unknown: 1,
          errors: 0,
        },
        // No bad version judged: no sensitivity.
        sensitivity: null,
        specificity: 1 / 2,
      });
      expect(response.body.flaky).toEqual({
        items: [],
        totalCount: 0,
        limit: 100,
      });
    });

    it('answers 400 for a period that is backwards or missing, 404 for an unknown entity', async () => {
      const backwards = await effectiveness({
        from: PERIOD.to,
        to: PERIOD.from,
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toBe('from must be before to');

      const missing = await effectiveness({ to: PERIOD.to });
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/from/);

      const tooLong = await effectiveness({
        from: '2020-01-01T00:00:00Z',
        to: '2026-01-01T00:00:00Z',
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toMatch(/at most 731 days/);

      const unknown = await effectiveness({
        ...PERIOD,
        entityRef: 'component:default/nowhere',
      });
      expect(unknown.status).toBe(404);
    });
  });
});

describe('effectiveness settings', () => {
  it('reads the window as a duration or ISO 8601, 24 h by default', () => {
    const read = (gates: object) =>
      readEffectivenessSettings(new ConfigReader({ qualityGates: { gates } }));
    expect(read({})).toEqual({
      windowSeconds: 24 * 3600,
      productionEnvironments: ['production', 'prod'],
    });
    expect(
      read({ effectiveness: { window: { hours: 6 } } }).windowSeconds,
    ).toBe(6 * 3600);
    expect(read({ effectiveness: { window: 'P2D' } }).windowSeconds).toBe(
      2 * 24 * 3600,
    );
    expect(() => read({ effectiveness: { window: 'soon' } })).toThrow(
      /qualityGates.gates.effectiveness.window must be a positive duration/,
    );
  });

  it('places incidents without an environment where DORA does', () => {
    expect(
      readEffectivenessSettings(
        new ConfigReader({
          qualityGates: { dora: { productionEnvironments: ['live'] } },
        }),
      ).productionEnvironments,
    ).toEqual(['live']);
  });
});
