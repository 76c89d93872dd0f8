import { TestDatabases } from '@backstage/backend-test-utils';
import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import { applyDatabaseMigrations } from '../../database/migrations';
import { GateConfig } from '../definitions/gateSchema';
import { readGateHistoryEarly } from '../evaluation/criterionHistoryLookups';
import { GateEvaluationStore } from './GateEvaluationStore';

jest.setTimeout(60_000);

const SCOPE = {
  gateId: 'release',
  entityRef: 'component:default/checkout',
  environment: 'production',
};

function criterion(
  key: string,
  observed: number | null,
  rawState?: string,
): CriterionEvidence & { rawState?: string } {
  return {
    key,
    source: 'prometheus',
    state: rawState === 'fail' ? 'warning' : 'pass',
    weight: 1,
    keyCriterion: false,
    score: 1,
    observed,
    durationMs: 1,
    message: '',
    ...(rawState ? { rawState } : {}),
  };
}

/** Evaluation `minute` of the history, oldest first. */
async function storeEvaluation(
  store: GateEvaluationStore,
  minute: number,
  verdict: 'pass' | 'fail',
  criteria: Array<CriterionEvidence & { rawState?: string }>,
  scope: Partial<typeof SCOPE> = {},
) {
  const at = new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
  await store.save({
    ...SCOPE,
    ...scope,
    gateTitle: 'Release',
    version: `1.0.${minute}`,
    trigger: 'ci',
    mode: 'enforce',
    verdict,
    score: verdict === 'pass' ? 100 : 0,
    passPercent: 90,
    warningPercent: 75,
    criteria,
    startedAt: at,
    finishedAt: at,
  });
}

describe('criterion history', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads every lookup of a gate in one statement, newest first, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = new GateEvaluationStore(knex);
      await storeEvaluation(store, 1, 'pass', [
        criterion('latency', 100),
        criterion('errors', 0.1, 'fail'),
      ]);
      await storeEvaluation(store, 2, 'fail', [
        criterion('latency', 500),
        criterion('errors', 0.2, 'fail'),
      ]);
      await storeEvaluation(store, 3, 'pass', [
        criterion('latency', null),
        criterion('errors', 0.01),
      ]);
      await storeEvaluation(store, 4, 'pass', [
        criterion('latency', 120),
        criterion('errors', 0.3, 'fail'),
      ]);
      // Other gates, entities and environments are not this history.
      await storeEvaluation(store, 5, 'pass', [criterion('latency', 9)], {
        gateId: 'other',
      });
      await storeEvaluation(store, 6, 'pass', [criterion('latency', 9)], {
        environment: 'staging',
      });
      await storeEvaluation(store, 7, 'pass', [criterion('latency', 9)], {
        entityRef: 'component:default/payments',
      });

      const statements: string[] = [];
      const onQuery = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', onQuery);
      const history = await store.criterionHistory(SCOPE, {
        passing: [
          { key: 'latency', count: 5 },
          { key: 'errors', count: 1 },
        ],
        recent: [
          { key: 'errors', count: 3 },
          { key: 'missing', count: 2 },
        ],
      });
      knex.off('query', onQuery);

      expect(statements).toHaveLength(1);
      // Passing evaluations only, with an observation; newest first.
      expect(history.passing.get('latency')).toEqual([120, 100]);
      expect(history.passing.get('errors')).toEqual([0.3]);
      // The state before the flaky tolerance, of any verdict.
      expect(history.recent.get('errors')).toEqual(['fail', 'pass', 'fail']);
      expect(history.recent.get('missing')).toEqual([]);

      // A gate's lookups, started early, answer what its criteria ask
      // from the one read; what it did not cover is read on its own.
      const gate = {
        id: 'release',
        criteria: [
          {
            key: 'latency',
            source: 'prometheus',
            pass: ['<=+10%'],
            baseline: { from: 2, aggregate: 'avg' },
          },
          {
            key: 'errors',
            source: 'prometheus',
            pass: ['<= 0.05'],
            flakyTolerance: 3,
          },
        ],
      } as unknown as GateConfig;
      knex.on('query', onQuery);
      const lookups = readGateHistoryEarly(store, gate, SCOPE);
      const [baseline, tolerated, uncovered] = await Promise.all([
        lookups.passingObservations('latency', 2),
        // A component's file may lower the tolerance: a slice of the read.
        lookups.recentStates('errors', 2),
        lookups.recentStates('latency', 1),
      ]);
      knex.off('query', onQuery);
      expect(baseline).toEqual([120, 100]);
      expect(tolerated).toEqual(['fail', 'pass']);
      expect(uncovered).toEqual(['pass']);
      expect(statements).toHaveLength(3);
    },
  );
});
