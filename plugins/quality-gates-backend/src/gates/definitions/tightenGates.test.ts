import {
  CriterionState,
  judgeValue,
  scoreGate,
} from '@can-i-deploy/plugin-quality-gates-common';
import { thresholdsOf } from '../evaluation/evaluateCriterion';
import {
  componentGatesSchema,
  CriterionConfig,
  describeIssues,
  gateSchema,
} from './gateSchema';
import { TightenedCriterion } from './tightenCriterion';
import { tightenGates } from './tightenGates';

// tightenGates as a pure function: every field of a criterion and of a gate
// that a component's file might use to loosen a central gate, and what it
// may use to tighten one. Files are parsed with the schema the backend
// uses, so zod's defaults are part of what is tested.

const central = gateSchema.parse({
  id: 'slo',
  title: 'Production SLOs',
  mode: 'warn-only',
  passPercent: 90,
  warningPercent: 75,
  criteria: [
    {
      key: 'errors',
      title: 'Error ratio',
      source: 'prometheus',
      query: 'sum(rate(errors[5m]))',
      pass: ['<= 0.01'],
      keyCriterion: true,
    },
    {
      key: 'banded',
      source: 'prometheus',
      query: 'queue_depth',
      pass: ['<= 100'],
      warning: ['<= 200'],
      noData: 'pass',
      minSampleSize: 10,
      retries: 2,
      flakyTolerance: 2,
    },
    {
      key: 'saturation',
      source: 'prometheus',
      query: 'saturation',
      degraded: 0.7,
      critical: 0.9,
      better: 'lower',
    },
    { key: 'ci', source: 'pipeline' },
    {
      key: 'latency',
      source: 'prometheus',
      query: 'p95',
      pass: ['<=+10%'],
      baseline: { from: 5, aggregate: 'p90' },
      noData: 'ignore',
    },
  ],
});

/** The central gate with one change from a component's file. */
function tighten(change: Record<string, unknown>) {
  const file = componentGatesSchema.safeParse({
    gates: [{ id: 'slo', ...change }],
  });
  if (!file.success) throw new Error(describeIssues(file.error, 'file'));
  const { gates, problems } = tightenGates([central], file.data);
  return { gate: gates[0], problems };
}

function centralCriterion(key: string): CriterionConfig | undefined {
  return central.criteria.find(c => c.key === key);
}

function tightenCriterion(criterion: Record<string, unknown>) {
  return tighten({
    criteria: [
      {
        source: centralCriterion(String(criterion.key))?.source ?? 'pipeline',
        ...criterion,
      },
    ],
  });
}

function criterionOf(gate: { criteria: TightenedCriterion[] }, key: string) {
  return gate.criteria.find(c => c.key === key)!;
}

function judge(criterion: CriterionConfig, observed: number) {
  return judgeValue(observed, thresholdsOf(criterion), null).state;
}

describe('tightenGates', () => {
  describe('refuses every loosening, naming the field', () => {
    it.each([
      [
        'a warning band the central criterion does not have',
        { key: 'errors', warning: ['<= 0.05'] },
        "criterion 'errors': warning: the central criterion has no warning band",
      ],
      [
        'a warning band on a yes/no criterion',
        { key: 'ci', warning: ['>= 0'] },
        "criterion 'ci': warning: the central criterion has no warning band",
      ],
      [
        'a lower weight',
        { key: 'errors', weight: 0.5 },
        "criterion 'errors': weight: 0.5 differs from the central 1: a component cannot reweigh",
      ],
      [
        'a higher weight',
        { key: 'banded', weight: 5 },
        "criterion 'banded': weight: 5 differs from the central 1",
      ],
      [
        'weight for a criterion of its own',
        { key: 'mine', source: 'pipeline', weight: 10 },
        "criterion 'mine': weight: a criterion a component adds has no weight",
      ],
      [
        'a criterion of its own that is not key',
        { key: 'mine', source: 'pipeline', keyCriterion: false },
        "criterion 'mine': keyCriterion: a criterion a component adds is always a key criterion",
      ],
      [
        'a key criterion turned off',
        { key: 'errors', keyCriterion: false },
        "criterion 'errors': keyCriterion: false would turn off a central key criterion",
      ],
      [
        'no data as a pass where it fails',
        { key: 'errors', noData: 'pass' },
        "criterion 'errors': noData: pass is not stricter than the central fail",
      ],
      [
        'no data as a warning where it fails',
        { key: 'errors', noData: 'warning' },
        "criterion 'errors': noData: warning is not stricter than the central fail",
      ],
      [
        'no data ignored where it fails',
        { key: 'errors', noData: 'ignore' },
        "criterion 'errors': noData: ignore is not stricter than the central fail",
      ],
      [
        'no data as a warning where it is ignored (neither is stricter)',
        { key: 'latency', noData: 'warning' },
        "criterion 'latency': noData: warning is not stricter than the central ignore",
      ],
      [
        'more retries',
        { key: 'errors', retries: 3 },
        "criterion 'errors': retries: 3 is more than the central 0",
      ],
      [
        'more flaky tolerance',
        { key: 'banded', flakyTolerance: 5 },
        "criterion 'banded': flakyTolerance: 5 is more than the central 2",
      ],
      [
        'a lower minimum sample size',
        { key: 'banded', minSampleSize: 5 },
        "criterion 'banded': minSampleSize: 5 is lower than the central 10",
      ],
      [
        'a higher minimum sample size where no data passes',
        { key: 'banded', minSampleSize: 1_000_000 },
        "criterion 'banded': minSampleSize: raising it turns results into no data, which noData pass counts as better",
      ],
      [
        'a minimum sample size where no data is ignored',
        { key: 'latency', minSampleSize: 1_000_000 },
        "criterion 'latency': minSampleSize: raising it turns results into no data, which noData ignore",
      ],
      [
        'a looser baseline',
        { key: 'latency', baseline: { from: 1 } },
        'criterion \'latency\': baseline: {"from":1,"aggregate":"avg"} differs from the central',
      ],
      [
        'a pinned baseline',
        { key: 'latency', baseline: { pinnedEvaluationId: 'a-bad-day' } },
        "criterion 'latency': baseline:",
      ],
      [
        'another source',
        { key: 'errors', source: 'pipeline' },
        'criterion \'errors\': source: "pipeline" differs from the central "prometheus"',
      ],
      [
        'another query',
        { key: 'errors', query: 'vector(0)' },
        'criterion \'errors\': query: "vector(0)" differs from the central',
      ],
      [
        'a source field the central criterion does not have',
        { key: 'errors', sampleCountQuery: 'vector(1e9)' },
        'criterion \'errors\': sampleCountQuery: "vector(1e9)" differs from the central (unset)',
      ],
      [
        'another title',
        { key: 'errors', title: 'Nothing to see' },
        'criterion \'errors\': title: "Nothing to see" differs from the central',
      ],
      [
        'an origin of its own',
        { key: 'errors', origin: 'component' },
        "criterion 'errors': origin:",
      ],
      [
        'a looser degraded bound',
        { key: 'saturation', degraded: 0.8, critical: 0.9, better: 'lower' },
        "criterion 'saturation': degraded: 0.8 is looser than the central 0.7 (lower is better)",
      ],
      [
        'a looser critical bound',
        { key: 'saturation', degraded: 0.7, critical: 0.99, better: 'lower' },
        "criterion 'saturation': critical: 0.99 is looser than the central 0.9",
      ],
      [
        'the better direction flipped',
        { key: 'saturation', degraded: 0.7, critical: 0.9, better: 'higher' },
        "criterion 'saturation': better: higher differs from the central lower",
      ],
      [
        'a better direction alone',
        { key: 'errors', better: 'higher' },
        "criterion 'errors': better: higher differs from the central (unset)",
      ],
      [
        'pass comparisons on a degraded/critical criterion',
        { key: 'saturation', pass: ['<= 2'] },
        "criterion 'saturation': pass: the central criterion is judged by degraded/critical",
      ],
      [
        'a warning band on a degraded/critical criterion',
        { key: 'saturation', warning: ['<= 2'] },
        "criterion 'saturation': warning: the central criterion is judged by degraded/critical",
      ],
      [
        'degraded/critical on a pass/warning criterion',
        { key: 'errors', degraded: 0.5, critical: 0.9, better: 'lower' },
        "criterion 'errors': degraded: the central criterion is judged by pass/warning comparisons",
      ],
    ])('%s', (_, criterion, problem) => {
      const { gate, problems } = tightenCriterion(criterion);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`gate 'slo' ${problem}`);
      // A refused change leaves a central criterion as it was; one of the
      // component's own still carries no weight.
      const centralOne = centralCriterion(criterion.key);
      const unchanged = centralOne
        ? { ...centralOne, origin: 'central' }
        : { origin: 'component', weight: 0, keyCriterion: true };
      expect(criterionOf(gate, criterion.key)).toMatchObject(unchanged);
    });

    it.each([
      [
        { mode: 'dry-run' },
        "gate 'slo': mode dry-run is looser than the central warn-only",
      ],
      [
        { passPercent: 80 },
        "gate 'slo': passPercent 80 is lower than the central 90",
      ],
      [
        { warningPercent: 50 },
        "gate 'slo': warningPercent 50 is lower than the central 75",
      ],
      [{ id: 'my-own' }, "gate 'my-own' is not a central gate"],
    ])('gate field %j', (change, problem) => {
      expect(tighten(change).problems).toEqual([
        expect.stringContaining(problem),
      ]);
    });

    it('refuses gate fields a component may not set at all, as the file is read', () => {
      for (const field of ['window', 'environments', 'appliesTo', 'title']) {
        const parsed = componentGatesSchema.safeParse({
          gates: [{ id: 'slo', [field]: 'x' }],
        });
        expect(parsed.success).toBe(false);
        expect(describeIssues(parsed.error!, 'file')).toContain(
          `Unrecognized key(s) in object: '${field}'`,
        );
      }
    });
  });

  it('closes the reported hole: a failing key criterion cannot be made a warning', () => {
    // Hand-computed: `errors` (key, weight 1) fails at 0.03 and `rest`
    // (weight 3) passes. Score 3/4 = 75, and the failing key criterion
    // fails the gate. With the warning band the file asked for, `errors`
    // would warn: (0.5 + 3)/4 = 87.5, below 90 but above 75: `warn`,
    // which a deployment protection rule lets through.
    const errors = centralCriterion('errors')!;
    const asked = { ...errors, warning: ['<= 0.05'] };
    const gateWith = (state: CriterionState) =>
      scoreGate(
        [
          { state, weight: 1, keyCriterion: true },
          { state: 'pass', weight: 3, keyCriterion: false },
        ],
        central,
      );
    expect(gateWith(judge(errors, 0.03))).toEqual({
      verdict: 'fail',
      score: 75,
    });
    expect(gateWith(judge(asked, 0.03))).toEqual({
      verdict: 'warn',
      score: 87.5,
    });
    expect(
      tightenCriterion({ key: 'errors', warning: ['<= 0.05'] }).problems,
    ).toHaveLength(1);
  });

  it('never turns a yes/no criterion into one that always passes', () => {
    // Naming a central criterion without thresholds once gave it an empty
    // pass list, which every value meets.
    const { gate, problems } = tightenCriterion({ key: 'ci' });
    expect(problems).toEqual([]);
    expect(criterionOf(gate, 'ci').pass).toBeUndefined();
    expect(judge(criterionOf(gate, 'ci'), 0)).toBe('fail');
  });

  describe('merges what tightens', () => {
    it('adds pass comparisons: all must hold', () => {
      const { gate, problems } = tightenCriterion({
        key: 'errors',
        pass: ['<= 0.005'],
      });
      expect(problems).toEqual([]);
      const errors = criterionOf(gate, 'errors');
      expect(errors.pass).toEqual(['<= 0.01', '<= 0.005']);
      expect(judge(errors, 0.004)).toBe('pass');
      expect(judge(errors, 0.008)).toBe('fail');
    });

    it('adds pass comparisons to a yes/no criterion after its implicit one', () => {
      const { gate } = tightenCriterion({ key: 'ci', pass: ['<= 1'] });
      const ci = criterionOf(gate, 'ci');
      expect(ci.pass).toEqual(['>= 1', '<= 1']);
      expect(judge(ci, 0)).toBe('fail');
      expect(judge(ci, 1)).toBe('pass');
    });

    it('adds comparisons to an existing warning band: all must hold, so fewer values warn', () => {
      // Hand-computed with judgeValue: the band is read only when pass
      // fails, and every comparison in it must hold. Central banded: pass
      // <= 100, warning <= 200. With <= 150 added, 170 no longer warns.
      const { gate, problems } = tightenCriterion({
        key: 'banded',
        warning: ['<= 150'],
      });
      expect(problems).toEqual([]);
      const banded = criterionOf(gate, 'banded');
      const before = centralCriterion('banded')!;
      expect(banded.warning).toEqual(['<= 200', '<= 150']);
      expect([90, 120, 170, 250].map(v => judge(before, v))).toEqual([
        'pass',
        'warning',
        'warning',
        'fail',
      ]);
      expect([90, 120, 170, 250].map(v => judge(banded, v))).toEqual([
        'pass',
        'warning',
        'fail',
        'fail',
      ]);
      // Beside a passing criterion of weight 1: 170 scored (0.5 + 1)/2 = 75
      // (warn); now (0 + 1)/2 = 50 (fail).
      expect(
        scoreGate(
          [
            { state: judge(banded, 170), weight: 1, keyCriterion: false },
            { state: 'pass', weight: 1, keyCriterion: false },
          ],
          central,
        ),
      ).toEqual({ verdict: 'fail', score: 50 });
      // A wider bound added is harmless: the narrower one still holds.
      const wider = criterionOf(
        tightenCriterion({ key: 'banded', warning: ['<= 500'] }).gate,
        'banded',
      );
      expect(judge(wider, 300)).toBe('fail');
    });

    it.each([
      [{ key: 'errors', keyCriterion: true }, { keyCriterion: true }],
      [{ key: 'banded', keyCriterion: true }, { keyCriterion: true }],
      [{ key: 'banded', noData: 'warning' }, { noData: 'warning' }],
      [{ key: 'banded', noData: 'ignore' }, { noData: 'ignore' }],
      [{ key: 'banded', noData: 'fail' }, { noData: 'fail' }],
      [{ key: 'latency', noData: 'fail' }, { noData: 'fail' }],
      [{ key: 'errors', minSampleSize: 50 }, { minSampleSize: 50 }],
      [
        { key: 'banded', noData: 'fail', minSampleSize: 50 },
        { noData: 'fail', minSampleSize: 50 },
      ],
      [{ key: 'banded', retries: 1 }, { retries: 1 }],
      [{ key: 'banded', flakyTolerance: 0 }, { flakyTolerance: 0 }],
      [
        { key: 'saturation', degraded: 0.5, critical: 0.8, better: 'lower' },
        { degraded: 0.5, critical: 0.8 },
      ],
      [
        // Repeating what the central criterion says is no change.
        {
          key: 'errors',
          source: 'prometheus',
          title: 'Error ratio',
          query: 'sum(rate(errors[5m]))',
          weight: 1,
          noData: 'fail',
          retries: 0,
          flakyTolerance: 0,
          keyCriterion: true,
          origin: 'central',
        },
        {},
      ],
      [
        { key: 'latency', baseline: { from: 5, aggregate: 'p90' } },
        { baseline: { from: 5, aggregate: 'p90' } },
      ],
    ])('%j', (change, expected) => {
      const { gate, problems } = tightenCriterion(change);
      expect(problems).toEqual([]);
      expect(criterionOf(gate, change.key)).toEqual({
        ...centralCriterion(change.key),
        ...expected,
        origin: 'central',
      });
    });

    it('leaves what the file does not say as the central criterion has it (zod fills no defaults in)', () => {
      const { gate, problems } = tightenCriterion({
        key: 'banded',
        pass: ['<= 50'],
      });
      expect(problems).toEqual([]);
      expect(criterionOf(gate, 'banded')).toMatchObject({
        noData: 'pass',
        retries: 2,
        flakyTolerance: 2,
        weight: 1,
        keyCriterion: false,
        minSampleSize: 10,
      });
    });

    it('adds criteria of its own as key criteria without weight', () => {
      const { gate, problems } = tightenCriterion({
        key: 'queue',
        source: 'heartbeat',
        name: 'worker',
        origin: 'central',
      });
      expect(problems).toEqual([]);
      expect(criterionOf(gate, 'queue')).toEqual({
        key: 'queue',
        source: 'heartbeat',
        name: 'worker',
        weight: 0,
        keyCriterion: true,
        noData: 'fail',
        retries: 0,
        flakyTolerance: 0,
        origin: 'component',
      });
    });

    it('tightens the gate: mode and percentages', () => {
      const { gate, problems } = tighten({
        mode: 'enforce',
        passPercent: 95,
        warningPercent: 80,
      });
      expect(problems).toEqual([]);
      expect(gate).toMatchObject({
        mode: 'enforce',
        passPercent: 95,
        warningPercent: 80,
      });
    });
  });
});
