import { Duration } from 'luxon';
import { CriterionState } from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionMeasurement } from '@can-i-deploy/plugin-quality-gates-node';
import { freezeEvidence } from '../sources/builtIn/freezeSource';
import { pipelineEvidence } from '../sources/builtIn/pipelineSource';
import { readinessEvidence } from '../sources/builtIn/readinessSource';
import { rolloutEvidence } from '../sources/builtIn/rolloutSource';
import { waitTimerEvidence } from '../sources/builtIn/waitTimerSource';
import { burnRateEvidence } from '../sources/burnRate/burnRateCriterionSource';
import {
  compareEvidence,
  noBaselineEvidence,
} from '../sources/compare/compareSummary';
import { heartbeatEvidence } from '../sources/heartbeat/heartbeatCriterionSource';
import { prometheusEvidence } from '../sources/prometheus/prometheusCriterionSource';
import { traceEvidence } from '../sources/trace/traceCriterionSource';
import { CriterionOutcome, describeCriterion } from './describeCriterion';

// The sentence a person reads for every criterion source in every state it
// can produce: the source's summary of fixed observations, composed with
// the state and thresholds exactly as an evaluation does.

/** Saturday 2026-12-05 12:00 UTC: times within a week read as weekdays. */
const reference = new Date('2026-12-05T12:00:00Z');

type Case = [
  name: string,
  state: CriterionState,
  measurement: CriterionMeasurement | undefined,
  more?: Partial<CriterionOutcome>,
];

function sentences(cases: Case[]): Record<string, string> {
  return Object.fromEntries(
    cases.map(([name, state, measurement, more]) => [
      `${state}: ${name}`,
      describeCriterion({
        criterion: {},
        state,
        rawState: state,
        measurement,
        reference,
        ...more,
      }).message,
    ]),
  );
}

const failed: Partial<CriterionOutcome> = {
  problem: ['The source failed: connect ECONNREFUSED 10.0.0.7:5432'],
};

describe('the sentence of every criterion source', () => {
  it('wait-timer', () => {
    const soaked = (seconds: number) => ({
      value: seconds,
      ...waitTimerEvidence({
        environment: 'staging',
        version: '1.4.2',
        soaked: { seconds, deployedAt: '2026-12-05T10:03:00Z' },
      }),
    });
    const needsHour = { criterion: { pass: ['>= 3600'] } };
    expect(
      sentences([
        ['soaked long enough', 'pass', soaked(7020), needsHour],
        ['not yet', 'fail', soaked(1200), needsHour],
        [
          'not deployed',
          'no_data',
          {
            value: null,
            ...waitTimerEvidence({ environment: 'staging', version: '1.4.2' }),
          },
        ],
        ['database down', 'error', undefined, failed],
      ]),
    ).toMatchSnapshot();
  });

  it('pipeline', () => {
    const run = (result: string | null) => ({
      value: result === null ? null : Number(result === 'success'),
      ...pipelineEvidence({
        version: 'abc123',
        run: {
          pipelineName: 'build',
          runId: '4185',
          result,
          url: 'https://ci.example.com/runs/4185',
        },
      }),
    });
    expect(
      sentences([
        ['succeeded', 'pass', run('success')],
        ['failed', 'fail', run('failure')],
        ['cancelled', 'fail', run('cancelled')],
        ['still running', 'no_data', run(null)],
        [
          'no run',
          'no_data',
          { value: null, ...pipelineEvidence({ version: 'abc123' }) },
        ],
        [
          'no run of a named pipeline',
          'no_data',
          {
            value: null,
            ...pipelineEvidence({ version: 'abc123', pipelineName: 'release' }),
          },
        ],
        ['error', 'error', undefined, failed],
      ]),
    ).toMatchSnapshot();
  });

  it('freeze', () => {
    const weekend = {
      cron: '0 18 * * 5',
      duration: Duration.fromObject({ hours: 63 }),
      timeZone: 'Europe/Berlin',
    };
    expect(
      sentences([
        [
          'not frozen',
          'pass',
          {
            value: 1,
            ...freezeEvidence({
              window: weekend,
              nextStart: '2026-12-11T17:00:00Z',
            }),
          },
        ],
        [
          'frozen, with a reason',
          'fail',
          {
            value: 0,
            ...freezeEvidence({
              window: { ...weekend, reason: 'every weekend' },
              frozen: {
                since: '2026-12-04T17:00:00Z',
                until: '2026-12-07T08:00:00Z',
              },
            }),
          },
        ],
        [
          'frozen, cron in words',
          'fail',
          {
            value: 0,
            ...freezeEvidence({
              window: weekend,
              frozen: {
                since: '2026-12-04T17:00:00Z',
                until: '2026-12-07T08:00:00Z',
              },
            }),
          },
        ],
        [
          'bad cron',
          'error',
          undefined,
          {
            problem: [
              "The source failed: '0 18 * *' is not a cron expression: too few fields",
            ],
          },
        ],
      ]),
    ).toMatchSnapshot();
  });

  it('readiness', () => {
    const stored = { level: 'silver', evaluatedAt: '2026-12-05T09:00:00Z' };
    expect(
      sentences([
        [
          'level reached',
          'pass',
          {
            value: 1,
            ...readinessEvidence({
              stored,
              level: { required: 'bronze', met: true },
            }),
          },
        ],
        [
          'level missed',
          'fail',
          {
            value: 0,
            ...readinessEvidence({
              stored,
              level: { required: 'gold', met: false },
            }),
          },
        ],
        [
          'checks unmet',
          'fail',
          {
            value: 0,
            ...readinessEvidence({
              stored,
              checks: { required: ['owner', 'runbook', 'slo'], unmet: ['slo'] },
            }),
          },
        ],
        [
          'never evaluated',
          'no_data',
          { value: null, ...readinessEvidence({}) },
        ],
      ]),
    ).toMatchSnapshot();
  });

  it('rollout', () => {
    const rollout = (running: string[], targets: string[]) => ({
      value: running.length / targets.length,
      ...rolloutEvidence({ version: '1.4.2', targets, running }),
    });
    expect(
      sentences([
        ['everywhere', 'pass', rollout(['prod'], ['prod'])],
        ['not there', 'fail', rollout([], ['prod'])],
        [
          'half way, judged by a share',
          'fail',
          rollout(['eu'], ['eu', 'us', 'ap']),
          { criterion: { pass: ['>= 0.5'] } },
        ],
      ]),
    ).toMatchSnapshot();
  });

  it('heartbeat', () => {
    const halfHour = 30 * 60_000;
    const beat = (
      count: number,
      ageMs: number | undefined,
      minCount = 1,
    ): CriterionMeasurement => ({
      value: count >= minCount ? count : 0,
      ...heartbeatEvidence({
        name: 'smoke',
        count,
        minCount,
        withinMs: halfHour,
        ...(ageMs === undefined
          ? {}
          : { last: { at: '2026-12-05T09:00:00Z', ageMs } }),
      }),
    });
    expect(
      sentences([
        ['beating', 'pass', beat(6, 120_000)],
        ['silent for 3 h', 'fail', beat(0, 3 * 3_600_000)],
        ['never', 'fail', beat(0, undefined)],
        ['a trickle', 'fail', beat(2, 60_000, 5)],
        ['error', 'error', undefined, failed],
      ]),
    ).toMatchSnapshot();
  });

  it('trace', () => {
    const counts = { matchedSpans: 120, errorSpans: 3, versionSpans: 900 };
    expect(
      sentences([
        [
          'no error spans',
          'pass',
          {
            value: 0,
            ...traceEvidence(
              { spanName: 'checkout*', assert: 'errorSpans' },
              { ...counts, errorSpans: 0, value: 0 },
            ),
          },
          { criterion: { pass: ['= 0'] } },
        ],
        [
          'error spans',
          'fail',
          {
            value: 3,
            ...traceEvidence(
              { spanName: 'checkout*', assert: 'errorSpans' },
              { ...counts, value: 3 },
            ),
          },
          { criterion: { pass: ['= 0'] } },
        ],
        [
          'slow',
          'fail',
          {
            value: 312,
            ...traceEvidence(
              {
                spanName: 'GET /cart',
                service: 'cart',
                assert: 'durationP95Ms',
              },
              { ...counts, value: 312 },
            ),
          },
          { criterion: { pass: ['<= 300'] } },
        ],
        [
          'no spans',
          'no_data',
          {
            value: null,
            summary: [
              'no spans of version 1.4.2 (resource attribute service.version) in the window',
            ],
          },
        ],
      ]),
    ).toMatchSnapshot();
  });

  it('prometheus', () => {
    const query = (value: number | null, noData?: string) => ({
      value,
      ...prometheusEvidence({
        value,
        noData,
        windowMs: 30 * 60_000,
        evaluatedAt: reference.toISOString(),
      }),
    });
    const errorRatio = {
      criterion: { pass: ['<= 0.01'], warning: ['<= 0.02'] },
    };
    expect(
      sentences([
        ['within', 'pass', query(0.0042), errorRatio],
        ['past pass, within warning', 'warning', query(0.0128), errorRatio],
        ['past both', 'fail', query(0.0312), errorRatio],
        [
          'tolerated flake',
          'warning',
          query(0.0312),
          { ...errorRatio, rawState: 'fail', toleratedUntil: 3 },
        ],
        [
          'relative',
          'fail',
          query(0.0128),
          { criterion: { pass: ['<=+10%'] }, baseline: 0.0095 },
        ],
        [
          'degraded and critical',
          'warning',
          query(0.97),
          {
            criterion: { degraded: 0.99, critical: 0.95, better: 'higher' },
          },
        ],
        ['no series', 'no_data', query(null, 'the query returned no series')],
        [
          'no series, passing by its no-data rule',
          'pass',
          query(null, 'the query returned no series'),
          { rawState: 'no_data', criterion: { noData: 'pass' } },
        ],
        [
          'no baseline yet',
          'no_data',
          query(0.0128),
          {
            criterion: { pass: ['<=+10%'] },
            problem: ['no baseline yet to compare with'],
          },
        ],
        [
          'too few samples',
          'no_data',
          query(0.0128),
          {
            problem: [
              { kind: 'count', value: 12, unit: 'sample' },
              ' of the ',
              { kind: 'count', value: 100 },
              ' required',
            ],
          },
        ],
        [
          'Prometheus down',
          'error',
          undefined,
          {
            problem: [
              'The source failed 3 times: Prometheus answered 503 Service Unavailable',
            ],
          },
        ],
        [
          'a source that is not installed',
          'error',
          undefined,
          {
            problem: [
              "No criterion source 'datadog' is installed (installed: freeze, pipeline)",
            ],
          },
        ],
        [
          'a third-party source without a summary',
          'fail',
          { value: 0.0312, details: { some: { nested: true } } },
          errorRatio,
        ],
        [
          'a third-party source with a reason',
          'no_data',
          { value: null, details: { reason: 'the dashboard has no panel' } },
        ],
      ]),
    ).toMatchSnapshot();
  });

  it('burn-rate', () => {
    const pair = {
      name: '1h/5m',
      factor: 14.4,
      longErrorRatio: 0.02,
      shortErrorRatio: 0.03,
      longBurn: 20,
      shortBurn: 30,
      burnOverFactor: 20 / 14.4,
      alerting: true,
    };
    const calm = {
      ...pair,
      longBurn: 0.8,
      shortBurn: 1.1,
      burnOverFactor: 0.8 / 14.4,
      alerting: false,
    };
    const empty = {
      ...pair,
      longBurn: null,
      shortBurn: null,
      longErrorRatio: null,
      shortErrorRatio: null,
      burnOverFactor: null,
      alerting: false,
      noData: 'no data over 1h: the query returned no series',
    };
    expect(
      sentences([
        [
          'calm',
          'pass',
          {
            value: calm.burnOverFactor,
            ...burnRateEvidence({
              sloTarget: 0.999,
              pairs: [calm],
              deciding: calm,
            }),
          },
        ],
        [
          'burning',
          'fail',
          {
            value: pair.burnOverFactor,
            ...burnRateEvidence({
              sloTarget: 0.999,
              pairs: [pair],
              deciding: pair,
            }),
          },
        ],
        [
          'no pair with data',
          'no_data',
          {
            value: null,
            ...burnRateEvidence({ sloTarget: 0.999, pairs: [empty] }),
          },
        ],
      ]),
    ).toMatchSnapshot();
  });

  it('compare', () => {
    const sampleSizes = {
      baseline: 52_000,
      candidate: 9_800,
      minimum: 500,
      unit: 'requests',
    };
    const errorRatio = (
      state: 'pass' | 'fail' | 'inconclusive',
      reasons: string[],
      missing: string[] = [],
    ) => ({
      value: { pass: 1, fail: 0, inconclusive: null }[state],
      ...compareEvidence({
        metricType: 'errorRatio',
        baselineVersion: '1.4.1',
        verdict: {
          state,
          reasons,
          sampleSizes,
          effect: {
            measure: 'error ratio, candidate over baseline',
            estimate: 1.347,
            interval: {
              lower: 1.12,
              upper: 1.61,
              confidenceLevel: 0.99,
              method: 'katz-log',
            },
          },
        },
        figures: {
          baseline: { errors: 494, requests: 52_000, errorRatio: 0.0095 },
          candidate: { errors: 125, requests: 9_800, errorRatio: 0.0128 },
        },
        missing,
      }),
    });
    expect(
      sentences([
        [
          'error ratio within tolerance',
          'pass',
          errorRatio('pass', [
            'error ratio 0.95% → 1.28%',
            'the change is within the tolerance',
          ]),
        ],
        [
          'error ratio regressed',
          'fail',
          errorRatio('fail', [
            'error ratio 0.95% → 1.28%',
            "the change exceeds the tolerance (+10% relative and +0.1% absolute) even at the interval's near end",
          ]),
        ],
        [
          'too little traffic',
          'no_data',
          errorRatio(
            'inconclusive',
            ['candidate has 120 requests, fewer than the minimum 500'],
            [
              'candidate needs 380 more requests (about 6 min at the current rate)',
            ],
          ),
        ],
        [
          'latency regressed',
          'fail',
          {
            value: 0,
            ...compareEvidence({
              metricType: 'histogram',
              baselineVersion: '1.4.1',
              verdict: {
                state: 'fail',
                reasons: [
                  'p99 0.120 → 0.180 (×1.50, beyond tolerance even at the intervals’ near ends)',
                ],
                sampleSizes: { ...sampleSizes, unit: 'observations' },
                quantiles: [
                  {
                    quantile: 0.5,
                    baseline: 0.05,
                    candidate: 0.052,
                    ratio: 1.04,
                  },
                  {
                    quantile: 0.99,
                    baseline: 0.12,
                    candidate: 0.18,
                    ratio: 1.5,
                  },
                ] as never,
              },
              figures: {
                baseline: { count: 52_000 },
                candidate: { count: 9_800 },
              },
              missing: [],
            }),
          },
        ],
        [
          'gauge unchanged',
          'pass',
          {
            value: 1,
            ...compareEvidence({
              metricType: 'gauge',
              baselineVersion: '1.4.1',
              verdict: {
                state: 'pass',
                reasons: ['Mann-Whitney U test p = 0.41: not significant'],
                sampleSizes: { ...sampleSizes, unit: 'samples' },
              },
              figures: {
                baseline: { median: 212 },
                candidate: { median: 215 },
              },
              missing: [],
            }),
          },
        ],
        [
          'no baseline',
          'no_data',
          {
            value: null,
            ...noBaselineEvidence(
              'no version was deployed to production before 1.4.2',
            ),
          },
        ],
        ['Prometheus down', 'error', undefined, failed],
      ]),
    ).toMatchSnapshot();
  });
});
