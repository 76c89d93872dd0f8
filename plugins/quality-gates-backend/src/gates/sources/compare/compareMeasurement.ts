import {
  CriterionMeasurement,
  CriterionNotYet,
} from '@can-i-deploy/plugin-quality-gates-node';
import { prometheusGraphLink } from '../prometheus/graphLink';
import { BaselineChoice } from './baseline/findBaseline';
import {
  ComparedSide,
  ComparisonVerdict,
  MetricComparison,
} from './metrics/MetricComparison';
import { compareEvidence, noBaselineEvidence } from './compareSummary';
import { describeMissing } from './statistics/sampleSize';

/**
 * pass is 1 and fail 0, so the evaluator's default threshold (`>= 1`)
 * fits. Inconclusive is no value: the criterion then has no data, which
 * by the default `noData: fail` earns nothing and fails a key criterion —
 * inconclusive never passes unless a gate says `noData: pass` itself. When
 * more traffic may decide, it says when to ask again (`notYet`).
 */
const VALUE_OF = { pass: 1, fail: 0, inconclusive: null } as const;

/** With traffic still to come but no rate to estimate from, ask again soon. */
const NO_RATE_WAIT_SECONDS = 60;

/**
 * When an inconclusive comparison may decide: the time the judge
 * estimates at the candidate's current rate (or, below a minimum, the
 * traffic the floors still miss). Undefined when no traffic can decide
 * it (no decision in reach, a closed baseline below its minimum).
 */
export function notYetOf(
  verdict: ComparisonVerdict,
  candidateEnd: Date,
): CriterionNotYet | undefined {
  if (verdict.state !== 'inconclusive') return undefined;
  let seconds: number | undefined;
  if (verdict.evidence) {
    // A sequential judge: `needed` is what a decision takes, floors included.
    if (verdict.needed !== undefined) {
      seconds = verdict.secondsToDecision ?? NO_RATE_WAIT_SECONDS;
    } else if (verdict.sampleSizes.candidate === 0) {
      seconds = NO_RATE_WAIT_SECONDS;
    }
  } else {
    const waits = (verdict.missing ?? []).map(m => m.secondsToWait);
    if (waits.length && waits.every(w => w !== undefined)) {
      seconds = Math.max(...(waits as number[]));
    } else if (
      waits.length &&
      verdict.missing!.every(m => m.side === 'candidate')
    ) {
      seconds = NO_RATE_WAIT_SECONDS;
    }
  }
  if (seconds === undefined) return undefined;
  const reason = verdict.reasons[verdict.reasons.length - 1];
  return {
    askAgainAt: new Date(candidateEnd.getTime() + seconds * 1000).toISOString(),
    reason: reason ?? 'more traffic may decide',
  };
}

function sideWindow(side: ComparedSide) {
  return {
    version: side.version,
    start: side.start.toISOString(),
    end: side.end.toISOString(),
    window: side.duration,
  };
}

function describeBaseline(choice: BaselineChoice) {
  return {
    requested: choice.requested,
    ...(choice.strategy ? { strategy: choice.strategy } : {}),
    ...(choice.offset !== 'none' ? { offset: choice.offset } : {}),
    ...(choice.side ? sideWindow(choice.side) : {}),
    reason: choice.reason,
    ...(choice.otherVersions ? { otherVersions: choice.otherVersions } : {}),
    ...(choice.canaryQuery ? { canaryQuery: choice.canaryQuery } : {}),
  };
}

/** The evidence when no baseline was found: inconclusive, never a pass. */
export function withoutBaseline(
  metric: Record<string, unknown>,
  choice: BaselineChoice,
  candidate: ComparedSide,
): CriterionMeasurement {
  return {
    value: null,
    ...noBaselineEvidence(choice.reason),
    details: {
      metric,
      state: 'inconclusive',
      baseline: describeBaseline(choice),
      candidate: sideWindow(candidate),
      noData: `no baseline to compare with: ${choice.reason}`,
    },
  };
}

/** The comparison as a measurement: value, sample size, links, evidence. */
export function compareMeasurement(options: {
  metric: Record<string, unknown>;
  choice: BaselineChoice;
  sides: { baseline: ComparedSide; candidate: ComparedSide };
  comparison: MetricComparison;
  externalUrl: string;
}): CriterionMeasurement {
  const { choice, sides, comparison, externalUrl } = options;
  const { verdict } = comparison;
  const link = (name: 'baseline' | 'candidate') =>
    prometheusGraphLink(externalUrl, comparison.shown[name], {
      range: sides[name].duration,
      end: sides[name].end,
    });
  const links = { baseline: link('baseline'), candidate: link('candidate') };
  const missing = (verdict.missing ?? []).map(m => ({
    ...m,
    description: describeMissing(m, verdict.sampleSizes.unit),
  }));
  const notYet = notYetOf(verdict, sides.candidate.end);
  return {
    value: VALUE_OF[verdict.state],
    ...(notYet ? { notYet } : {}),
    // Unrounded counts come from increase()'s extrapolation.
    sampleSize: Math.floor(
      Math.min(verdict.sampleSizes.baseline, verdict.sampleSizes.candidate),
    ),
    link: links.candidate,
    ...compareEvidence({
      metricType: String(options.metric.type),
      baselineVersion: sides.baseline.version,
      verdict,
      figures: comparison.figures,
      missing: missing.map(m => m.description),
    }),
    details: {
      // The evaluator shows `query` as the criterion's query.
      query: comparison.queries.candidate[0],
      metric: options.metric,
      state: verdict.state,
      baseline: describeBaseline(choice),
      candidate: sideWindow(sides.candidate),
      figures: comparison.figures,
      test: verdict.test,
      ...(verdict.pValue !== undefined ? { pValue: verdict.pValue } : {}),
      ...(verdict.interval ? { interval: verdict.interval } : {}),
      ...(verdict.effect ? { effect: verdict.effect } : {}),
      sampleSizes: verdict.sampleSizes,
      ...(verdict.evidence ? { evidence: verdict.evidence } : {}),
      ...(verdict.needed !== undefined ? { needed: verdict.needed } : {}),
      ...(verdict.secondsToDecision !== undefined
        ? { secondsToDecision: verdict.secondsToDecision }
        : {}),
      ...(missing.length ? { missing } : {}),
      reasons: verdict.reasons,
      ...('quantiles' in verdict ? { quantiles: verdict.quantiles } : {}),
      ...('cleaning' in verdict ? { cleaning: verdict.cleaning } : {}),
      queries: comparison.queries,
      links,
      ...(verdict.state === 'inconclusive'
        ? { noData: `inconclusive: ${verdict.reasons.join('; ')}` }
        : {}),
    },
  };
}
