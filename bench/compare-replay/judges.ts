/*
 * One look at a version, as a gate of two compare criteria (error ratio and
 * latency histogram) asks it: through the compare source, judged
 * sequentially, and — on the very same figures — by the fixed-sample
 * judges the criterion used before, as the baseline of the same loop.
 */
import { performance } from 'node:perf_hooks';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { CRITERION_CONFIDENCE_LEVEL } from '../../plugins/quality-gates-backend/src/gates/sources/compare/compareDefinition';
import { compareLatencyHistograms } from '../../plugins/quality-gates-backend/src/gates/sources/compare/statistics/histogram';
import { compareErrorRatios } from '../../plugins/quality-gates-backend/src/gates/sources/compare/statistics/proportions';
import { judgeErrorRatioSequentially } from '../../plugins/quality-gates-backend/src/gates/sources/compare/statistics/sequential';
import { ENVIRONMENT, GATE_WINDOW_SECONDS, Service } from './scenarios';

/** A gate's answer at one look: any fail blocks, all pass passes, else not yet. */
export type Answer = 'pass' | 'fail' | 'not-yet';

export interface LookResult {
  answer: Answer;
  /** Per criterion: pass, fail or inconclusive. */
  states: string[];
  reasons: string[];
}

const SELECTOR = {
  selector: '{service="{{entity.name}}",environment="{{environment}}"}',
};
const CRITERIA = {
  errors: {
    metric: { type: 'errorRatio', counter: 'http_requests_total', ...SELECTOR },
  },
  latency: {
    metric: {
      type: 'histogram',
      histogram: 'http_request_duration_seconds',
      ...SELECTOR,
    },
  },
} as const;

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

function answerOf(states: string[]): Answer {
  if (states.includes('fail')) return 'fail';
  return states.every(s => s === 'pass') ? 'pass' : 'not-yet';
}

interface Figures {
  baseline: Record<string, any>;
  candidate: Record<string, any>;
}

function histogramOf(side: Record<string, any>) {
  return {
    count: Number(side.count),
    buckets: (side.buckets as { le: number | string; count: number }[]).map(
      b => ({ le: b.le === '+Inf' ? Infinity : Number(b.le), count: b.count }),
    ),
  };
}

/** The fixed-sample judge of one criterion on the figures the source read. */
function judgeFixed(key: keyof typeof CRITERIA, figures?: Figures) {
  if (!figures) return { state: 'inconclusive', reasons: ['no figures'] };
  const options = {
    confidenceLevel: CRITERION_CONFIDENCE_LEVEL,
    observedSeconds: GATE_WINDOW_SECONDS,
  };
  if (key === 'errors') {
    const side = (s: Record<string, any>) => ({
      errors: Number(s.errors),
      requests: Number(s.requests),
    });
    return compareErrorRatios(
      side(figures.baseline),
      side(figures.candidate),
      options,
    );
  }
  const baseline = histogramOf(figures.baseline);
  const candidate = histogramOf(figures.candidate);
  if (!(baseline.count > 0 && candidate.count > 0)) {
    return { state: 'inconclusive', reasons: ['a side has no observations'] };
  }
  return compareLatencyHistograms(baseline, candidate, options);
}

/**
 * A gate whose error-ratio criterion says `passTolerance: { relative: 1 }`
 * (pass once shown at most ×2, the default before), judged sequentially on
 * the same figures; its latency criterion is the shipped one.
 */
export const STRICTER_PASS_TOLERANCE = { relative: 1 };

function judgeStricter(
  key: keyof typeof CRITERIA,
  shipped: { state: string; reasons: string },
  figures: Figures | undefined,
  baselineGrows: boolean,
) {
  if (key !== 'errors' || !figures) return shipped;
  const side = (s: Record<string, any>) => ({
    errors: Number(s.errors),
    requests: Number(s.requests),
  });
  const verdict = judgeErrorRatioSequentially(
    side(figures.baseline),
    side(figures.candidate),
    {
      confidenceLevel: CRITERION_CONFIDENCE_LEVEL,
      passTolerance: STRICTER_PASS_TOLERANCE,
      observedSeconds: GATE_WINDOW_SECONDS,
      baselineGrows,
    },
  );
  return {
    state: verdict.state,
    reasons: `${key}: ${verdict.reasons.join('; ')}`,
  };
}

/** v2 of `service` as asked at `lookEnd` (unix seconds) over the gate window. */
export async function look(
  source: CriterionSource,
  service: Service,
  lookEnd: number,
): Promise<{
  sequential: LookResult;
  stricter: LookResult;
  fixed: LookResult;
  ms: number;
}> {
  const window = {
    start: iso(lookEnd - GATE_WINDOW_SECONDS),
    end: iso(lookEnd),
  };
  const started = performance.now();
  const measured = await Promise.all(
    (Object.keys(CRITERIA) as (keyof typeof CRITERIA)[]).map(async key => {
      const result = await source.measure({
        entityRef: `component:default/${service.name}`,
        environment: ENVIRONMENT,
        version: 'v2',
        definition: CRITERIA[key],
        window,
        origin: 'central',
      });
      return { key, details: result.details as Record<string, any> };
    }),
  );
  const ms = performance.now() - started;
  const sequential = measured.map(m => ({
    state: String(m.details?.state ?? 'none'),
    reasons: `${m.key}: ${(m.details?.reasons ?? [m.details?.noData]).join(
      '; ',
    )}`,
  }));
  const fixed = measured.map(m => {
    const verdict = judgeFixed(m.key, m.details?.figures);
    return {
      state: verdict.state,
      reasons: `${m.key}: ${verdict.reasons.join('; ')}`,
    };
  });
  const stricter = measured.map((m, i) =>
    judgeStricter(
      m.key,
      sequential[i],
      m.details?.figures,
      m.details?.baseline?.strategy !== 'previous',
    ),
  );
  const result = (judged: { state: string; reasons: string }[]) => ({
    answer: answerOf(judged.map(j => j.state)),
    states: judged.map(j => j.state),
    reasons: judged.map(j => j.reasons),
  });
  return {
    sequential: result(sequential),
    stricter: result(stricter),
    fixed: result(fixed),
    ms,
  };
}
