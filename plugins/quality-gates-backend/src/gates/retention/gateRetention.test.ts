import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { applyDatabaseMigrations } from '../../database/migrations';
import {
  capturePluginScheduler,
  startPluginUnderTest,
} from '../../__testUtils__/testBackend';
import {
  applyGateRetention,
  gateRetentionPlan,
  GateRetentionPolicy,
  GateRetentionReason,
  readGateRetentionPolicy,
} from './gateRetention';

// Gate evaluation retention on hand-arranged rows, on PostgreSQL and
// SQLite: every evaluation older than 90 days below is either deleted or
// kept for the reason its name says.

jest.setTimeout(60_000);

const NOW = DateTime.fromISO('2026-12-01T12:00:00Z', { zone: 'utc' });
const CHECKOUT = 'component:default/checkout';
const PAYMENTS = 'component:default/payments';

const POLICY: GateRetentionPolicy = {
  evaluationsDays: 90,
  baselineEvaluations: 2,
  configuredBaselines: ['a-configured-145', 'no-such-evaluation'],
  outcomes: {
    windowSeconds: 24 * 3600,
    productionEnvironments: ['production'],
  },
};

interface Arranged {
  id: string;
  gateId: string;
  entityRef: string;
  environment: string;
  version?: string;
  daysAgo: number;
  verdict: 'pass' | 'warn' | 'fail' | 'error';
  /** Observed value per criterion key (null: no value). */
  observed?: Record<string, number | null>;
  decisionId?: string;
}

/** A decision `daysAgo`; its evaluations name it. */
async function arrangeDecision(knex: Knex, id: string, daysAgo: number) {
  await knex('gate_decisions').insert({
    id,
    entity_ref: CHECKOUT,
    environment: 'production',
    version: `v-${id}`,
    trigger: 'ci',
    answer: 'no',
    sentence: 'No: latency fails.',
    verdict: 'fail',
    decided_at: at(daysAgo),
  });
}

function at(daysAgo: number, hours = 0) {
  return NOW.minus({ days: daysAgo, hours }).toJSDate();
}

async function arrangeEvaluation(knex: Knex, e: Arranged, now = NOW) {
  const finishedAt = now.minus({ days: e.daysAgo }).toJSDate();
  await knex('gate_evaluations').insert({
    id: e.id,
    decision_id: e.decisionId ?? null,
    gate_id: e.gateId,
    gate_title: e.gateId,
    entity_ref: e.entityRef,
    environment: e.environment,
    version: e.version ?? `v-${e.id}`,
    trigger: 'ci',
    mode: 'enforce',
    verdict: e.verdict,
    score: 100,
    pass_percent: 90,
    warning_percent: 75,
    started_at: finishedAt,
    finished_at: finishedAt,
  });
  const observed = e.observed ?? { p95: null };
  await knex('gate_criterion_results').insert(
    Object.entries(observed).map(([key, value], position) => ({
      evaluation_id: e.id,
      key,
      position,
      source: 'prometheus',
      state: e.verdict === 'fail' ? 'fail' : 'pass',
      weight: 1,
      key_criterion: false,
      score: 100,
      observed: value,
      evidence: JSON.stringify({ key }),
    })),
  );
}

async function arrangeDeployment(
  knex: Knex,
  d: { id: string; version: string; status: string; daysAgo: number },
) {
  await knex('deployments').insert({
    id: d.id,
    source: 'test',
    external_id: d.id,
    entity_ref: PAYMENTS,
    environment: 'production',
    version: d.version,
    status: d.status,
    started_at: at(d.daysAgo, 1),
    finished_at: at(d.daysAgo),
    created_at: at(d.daysAgo),
    updated_at: at(d.daysAgo),
  });
}

async function arrangeIncident(
  knex: Knex,
  i: { id: string; daysAgo: number; hours: number; causedBy?: string },
) {
  await knex('incidents').insert({
    id: i.id,
    source: 'test',
    external_id: i.id,
    entity_ref: PAYMENTS,
    environment: 'production',
    opened_at: at(i.daysAgo, i.hours),
    caused_by_deployment_id: i.causedBy ?? null,
    created_at: at(i.daysAgo),
    updated_at: at(i.daysAgo),
  });
}

/** Each evaluation older than 90 days, with why it is kept. */
const EXPECTED_PLAN: Record<string, GateRetentionReason[]> = {
  // Series latency / checkout / production. The two newest passing
  // evaluations with a p95 value are a-recent (10 days, not expired) and
  // a-pass-180; a-pass-175 passed without a value and does not count.
  'a-pass-175': [],
  'a-pass-180': ['relativeBaseline'],
  'a-pass-190': [],
  // The only evaluation with an `errors` value: its baseline.
  'a-pass-200': ['relativeBaseline'],
  // A failure is nobody's baseline.
  'a-fail-170': [],
  'a-override-160': ['overridden'],
  // Its decision was overridden as a whole.
  'a-decision-override-165': ['overridden'],
  'a-pinned-150': ['pinned'],
  'a-configured-145': ['configuredBaseline'],
  // Series latency / checkout / staging: only old evaluations.
  'b-latest-300': ['latest'],
  'b-older-310': [],
  // Series smoke / payments / production: what became of each version.
  'c-caused-120': ['incidentOrRollback'],
  'c-rolled-back-130': ['incidentOrRollback'],
  'c-good-140': [],
  'c-window-101': ['incidentOrRollback'],
  'c-never-shipped-150': [],
};
const RECENT = ['a-recent-10', 'c-recent-5'];
const DELETED = Object.entries(EXPECTED_PLAN)
  .filter(([, reasons]) => reasons.length === 0)
  .map(([id]) => id)
  .sort();

async function arrangeHistory(knex: Knex) {
  const a = {
    gateId: 'latency',
    entityRef: CHECKOUT,
    environment: 'production',
  };
  const evaluations: Array<Omit<Arranged, keyof typeof a>> = [
    { id: 'a-recent-10', daysAgo: 10, verdict: 'pass', observed: { p95: 1.3 } },
    {
      id: 'a-pass-175',
      daysAgo: 175,
      verdict: 'pass',
      observed: { p95: null },
    },
    { id: 'a-pass-180', daysAgo: 180, verdict: 'pass', observed: { p95: 1.2 } },
    { id: 'a-pass-190', daysAgo: 190, verdict: 'pass', observed: { p95: 1.1 } },
    {
      id: 'a-pass-200',
      daysAgo: 200,
      verdict: 'pass',
      observed: { p95: 1.0, errors: 0.01 },
    },
    { id: 'a-override-160', daysAgo: 160, verdict: 'fail' },
    {
      id: 'a-decision-override-165',
      daysAgo: 165,
      verdict: 'fail',
      decisionId: 'd-overridden',
    },
    { id: 'a-fail-170', daysAgo: 170, verdict: 'fail', decisionId: 'd-gone' },
    { id: 'a-pinned-150', daysAgo: 150, verdict: 'warn' },
    { id: 'a-configured-145', daysAgo: 145, verdict: 'warn' },
  ];
  // Decisions: one overridden, one whose evaluation goes, one that had no
  // gate to evaluate long ago, one recent.
  await arrangeDecision(knex, 'd-overridden', 165);
  await arrangeDecision(knex, 'd-gone', 170);
  await arrangeDecision(knex, 'd-empty-old', 200);
  await arrangeDecision(knex, 'd-empty-recent', 10);
  for (const e of evaluations) {
    await arrangeEvaluation(knex, { ...a, ...e });
  }
  await knex('gate_overrides').insert({
    id: 'override-decision',
    decision_id: 'd-overridden',
    entity_ref: CHECKOUT,
    environment: 'production',
    version: 'v-d-overridden',
    verdict: 'pass',
    reason: 'Every gate of this decision, by hand',
    created_by: 'user:default/alice',
    created_at: at(165),
    expires_at: at(164),
  });
  await knex('gate_overrides').insert({
    id: 'override-1',
    evaluation_id: 'a-override-160',
    entity_ref: CHECKOUT,
    environment: 'production',
    version: 'v-a-override-160',
    gate_id: 'latency',
    verdict: 'pass',
    reason: 'Known flaky probe, checked by hand',
    created_by: 'user:default/alice',
    created_at: at(160),
    expires_at: at(159),
  });
  await knex('gate_baseline_pins').insert({
    gate_id: 'latency',
    entity_ref: CHECKOUT,
    environment: 'production',
    evaluation_id: 'a-pinned-150',
    pinned_by: 'user:default/alice',
    pinned_at: at(150),
  });

  const b = { gateId: 'latency', entityRef: CHECKOUT, environment: 'staging' };
  await arrangeEvaluation(knex, {
    ...b,
    id: 'b-latest-300',
    daysAgo: 300,
    verdict: 'warn',
  });
  await arrangeEvaluation(knex, {
    ...b,
    id: 'b-older-310',
    daysAgo: 310,
    verdict: 'warn',
  });

  const c = { gateId: 'smoke', entityRef: PAYMENTS, environment: 'production' };
  const versions: Array<[string, string, number]> = [
    ['c-recent-5', '3.0.0', 5],
    ['c-caused-120', '2.0.0', 120],
    ['c-rolled-back-130', '1.9.0', 130],
    ['c-good-140', '1.8.0', 140],
    ['c-window-101', '2.1.0', 101],
    ['c-never-shipped-150', '1.7.0', 150],
  ];
  for (const [id, version, daysAgo] of versions) {
    await arrangeEvaluation(knex, {
      ...c,
      id,
      version,
      daysAgo,
      verdict: 'warn',
    });
  }
  await arrangeDeployment(knex, {
    id: 'd-1.8.0',
    version: '1.8.0',
    status: 'succeeded',
    daysAgo: 139,
  });
  await arrangeDeployment(knex, {
    id: 'd-1.9.0',
    version: '1.9.0',
    status: 'rolled_back',
    daysAgo: 129,
  });
  await arrangeDeployment(knex, {
    id: 'd-2.0.0',
    version: '2.0.0',
    status: 'succeeded',
    daysAgo: 119,
  });
  await arrangeDeployment(knex, {
    id: 'd-2.1.0',
    version: '2.1.0',
    status: 'succeeded',
    daysAgo: 100,
  });
  // Names 2.0.0's deployment as its cause, days later.
  await arrangeIncident(knex, {
    id: 'i-caused',
    daysAgo: 110,
    hours: 0,
    causedBy: 'd-2.0.0',
  });
  // Names no cause; opened 2 h after 2.1.0 was the last successful
  // deployment, within the 24 h window.
  await arrangeIncident(knex, { id: 'i-window', daysAgo: 100, hours: -2 });
}

describe('gate evaluation retention', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await arrangeHistory(knex);
    });

    it('plans what is kept, by reason, and what goes', async () => {
      const plan = await gateRetentionPlan(knex, POLICY, NOW);
      expect(Object.fromEntries(plan.map(p => [p.id, p.reasons]))).toEqual(
        EXPECTED_PLAN,
      );
    });

    it('deletes the evaluations with no reason to stay, their criterion results with them, and keeps the rest', async () => {
      const before: string[] = await knex('gate_evaluations')
        .orderBy('id')
        .pluck('id');
      const result = await applyGateRetention(knex, POLICY, NOW);
      expect(result).toEqual({
        gateEvaluations: DELETED.length,
        gateDecisions: 2,
        kept: {
          pinned: 1,
          configuredBaseline: 1,
          relativeBaseline: 2,
          latest: 1,
          overridden: 2,
          incidentOrRollback: 3,
        },
      });
      const after: string[] = await knex('gate_evaluations')
        .orderBy('id')
        .pluck('id');
      expect(after).toEqual(before.filter(id => !DELETED.includes(id)));
      for (const id of RECENT) expect(after).toContain(id);
      expect(
        await knex('gate_criterion_results').whereIn('evaluation_id', DELETED),
      ).toEqual([]);
      expect(
        await knex('gate_criterion_results')
          .where('evaluation_id', 'a-pass-200')
          .orderBy('key')
          .pluck('key'),
      ).toEqual(['errors', 'p95']);
      expect(await knex('gate_overrides').orderBy('id').pluck('id')).toEqual([
        'override-1',
        'override-decision',
      ]);
      // A decision stays while one of its evaluations does.
      expect(await knex('gate_decisions').orderBy('id').pluck('id')).toEqual([
        'd-empty-recent',
        'd-overridden',
      ]);
      expect(await knex('gate_baseline_pins').pluck('evaluation_id')).toEqual([
        'a-pinned-150',
      ]);
      // Deployments and incidents are not the gates' to delete.
      expect(await knex('deployments').count({ n: '*' })).toEqual([
        { n: databaseId === 'SQLITE_3' ? 4 : '4' },
      ]);

      // A second pass finds nothing more to delete.
      const again = await applyGateRetention(knex, POLICY, NOW);
      expect(again.gateEvaluations).toBe(0);
    });

    it('judges an unpinned evaluation by its age again', async () => {
      await knex('gate_baseline_pins')
        .where('evaluation_id', 'a-pinned-150')
        .delete();
      const plan = await gateRetentionPlan(knex, POLICY, NOW);
      expect(plan.find(p => p.id === 'a-pinned-150')?.reasons).toEqual([]);
      await applyGateRetention(knex, POLICY, NOW);
      expect(
        await knex('gate_evaluations').where('id', 'a-pinned-150'),
      ).toEqual([]);
    });
  });

  describe.each(databases.eachSupportedId())(
    'the scheduled retention task, %p',
    databaseId => {
      it('deletes old gate evaluations as configured', async () => {
        const scheduler = capturePluginScheduler();
        const plugin = await startPluginUnderTest({
          databases,
          databaseId,
          components: [],
          config: { qualityGates: { retention: { gateEvaluationsDays: 30 } } },
          features: [scheduler.feature],
        });
        try {
          const series = {
            gateId: 'latency',
            entityRef: CHECKOUT,
            environment: 'production',
            verdict: 'warn',
          } as const;
          const arrange = (id: string, daysAgo: number) =>
            arrangeEvaluation(
              plugin.knex,
              { ...series, id, daysAgo },
              DateTime.utc(),
            );
          await arrange('newest-10', 10);
          await arrange('old-40', 40);
          await arrange('recent-20', 20);
          await scheduler.trigger('quality-gates-retention');
          expect(
            await plugin.knex('gate_evaluations').orderBy('id').pluck('id'),
          ).toEqual(['newest-10', 'recent-20']);
        } finally {
          await plugin.backend.stop();
        }
      });
    },
  );

  describe('policy from config', () => {
    const gate = (baselines: unknown[]) => ({
      id: 'latency',
      title: 'Latency',
      criteria: baselines.map((baseline, index) => ({
        key: `c${index}`,
        source: 'prometheus',
        query: 'up',
        pass: ['<=+10%'],
        ...(baseline ? { baseline } : {}),
      })),
    });
    const read = (qualityGates: object) =>
      readGateRetentionPolicy(new ConfigReader({ qualityGates }));

    it('keeps the largest configured baseline and names pinned ones', () => {
      const policy = read({
        gates: {
          definitions: [
            gate([
              { from: 12, aggregate: 'p90' },
              { pinnedEvaluationId: 'base-1' },
              { pinned: true },
              undefined,
            ]),
          ],
        },
        retention: { gateEvaluationsDays: 180 },
      });
      expect(policy).toMatchObject({
        evaluationsDays: 180,
        baselineEvaluations: 12,
        configuredBaselines: ['base-1'],
      });
    });

    it('defaults to 730 days and the default baseline of 5; a setting only raises it', () => {
      expect(read({})).toMatchObject({
        evaluationsDays: 730,
        baselineEvaluations: 5,
        configuredBaselines: [],
      });
      expect(
        read({ retention: { gateBaselineEvaluations: 20 } })
          .baselineEvaluations,
      ).toBe(20);
      expect(
        read({
          gates: { definitions: [gate([{ from: 30 }])] },
          retention: { gateBaselineEvaluations: 20 },
        }).baselineEvaluations,
      ).toBe(30);
    });

    it('refuses settings that are not positive', () => {
      expect(() => read({ retention: { gateEvaluationsDays: 0 } })).toThrow(
        'qualityGates.retention.gateEvaluationsDays must be a positive number of days',
      );
      expect(() =>
        read({ retention: { gateBaselineEvaluations: 2.5 } }),
      ).toThrow(
        'qualityGates.retention.gateBaselineEvaluations must be a positive whole number',
      );
    });
  });
});
