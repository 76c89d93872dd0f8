import {
  aggregateBaseline,
  CriterionEvidence,
  CriterionState,
  CriterionThresholds,
  criterionPoints,
  judgeValue,
  parseComparison,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { CriterionConfig } from '../definitions/gateSchema';
import { GateEvaluationStore } from '../store/GateEvaluationStore';

/** Sources that answer yes or no report 1 or 0: yes passes by default. */
const YES = { pass: [parseComparison('>= 1')] };

/** Fields of a criterion the evaluator reads; the rest goes to the source. */
const JUDGING_FIELDS = new Set([
  'key',
  'title',
  'source',
  'pass',
  'warning',
  'degraded',
  'critical',
  'better',
  'weight',
  'keyCriterion',
  'noData',
  'minSampleSize',
  'retries',
  'flakyTolerance',
  'baseline',
  'origin',
]);

function thresholdsOf(criterion: CriterionConfig): CriterionThresholds {
  if (criterion.degraded !== undefined) {
    return {
      degraded: criterion.degraded,
      critical: criterion.critical!,
      better: criterion.better!,
    };
  }
  if (!criterion.pass) return YES;
  return {
    pass: criterion.pass.map(parseComparison),
    warning: criterion.warning?.map(parseComparison),
  };
}

function describeThresholds(
  criterion: CriterionConfig,
): CriterionEvidence['threshold'] {
  if (criterion.degraded !== undefined) {
    const worse = criterion.better === 'higher' ? '<' : '>';
    return {
      warning: `${worse} ${criterion.degraded} (degraded)`,
      pass: `not ${worse} ${criterion.degraded}; fails ${worse} ${criterion.critical} (critical)`,
    };
  }
  if (!criterion.pass) return { pass: '>= 1' };
  return {
    pass: criterion.pass.join(' and '),
    ...(criterion.warning ? { warning: criterion.warning.join(' and ') } : {}),
  };
}

/** The part of the criterion that is the source's business (query, ...). */
function sourceDefinition(criterion: CriterionConfig): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(criterion).filter(([field]) => !JUDGING_FIELDS.has(field)),
  );
}

/** What one evaluation of a gate knows while judging its criteria. */
export interface CriterionContext {
  gateId: string;
  entityRef: string;
  environment: string;
  version: string;
  window: { start: string; end: string };
  signal: AbortSignal;
  sources: ReadonlyMap<string, CriterionSource>;
  store: GateEvaluationStore;
}

async function measureWithRetries(
  source: CriterionSource,
  criterion: CriterionConfig,
  context: CriterionContext,
): Promise<CriterionMeasurement> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= criterion.retries; attempt++) {
    context.signal.throwIfAborted();
    try {
      return await source.measure({
        entityRef: context.entityRef,
        environment: context.environment,
        version: context.version,
        definition: sourceDefinition(criterion),
        window: context.window,
        signal: context.signal,
      });
    } catch (error) {
      lastError = error;
      if (context.signal.aborted) break;
    }
  }
  throw lastError;
}

async function baselineFor(
  criterion: CriterionConfig,
  context: CriterionContext,
): Promise<CriterionEvidence['baseline'] | undefined> {
  const relative = (criterion.pass ?? [])
    .concat(criterion.warning ?? [])
    .some(text => parseComparison(text).relative);
  if (!relative) return undefined;
  const baseline = criterion.baseline ?? { from: 5, aggregate: 'avg' as const };
  if ('pinnedEvaluationId' in baseline) {
    return {
      value: await context.store.observationOf(
        baseline.pinnedEvaluationId,
        criterion.key,
      ),
      aggregate: `pinned ${baseline.pinnedEvaluationId}`,
      from: 1,
    };
  }
  const values = await context.store.passingObservations({
    gateId: context.gateId,
    entityRef: context.entityRef,
    environment: context.environment,
    key: criterion.key,
    count: baseline.from,
  });
  return {
    value: aggregateBaseline(values, baseline.aggregate),
    aggregate: baseline.aggregate,
    from: values.length,
  };
}

/** The no-data policy applied to a criterion without data. */
function withNoDataPolicy(
  criterion: CriterionConfig,
  state: CriterionState,
): CriterionState {
  if (state !== 'no_data') return state;
  if (criterion.noData === 'pass') return 'pass';
  if (criterion.noData === 'warning') return 'warning';
  return 'no_data';
}

/**
 * Measures and judges one criterion, failing closed: a missing source, a
 * provider error after its retries, or the deadline is `error`.
 */
export async function evaluateCriterion(
  criterion: CriterionConfig & { origin?: string },
  context: CriterionContext,
): Promise<CriterionEvidence & { rawState: CriterionState }> {
  const started = Date.now();
  const ignoredWhenNoData = criterion.noData === 'ignore';
  const base = {
    key: criterion.key,
    ...(criterion.title ? { title: criterion.title } : {}),
    source: criterion.source,
    weight: criterion.weight,
    keyCriterion: criterion.keyCriterion,
    threshold: describeThresholds(criterion),
  };
  const finish = (
    state: CriterionState,
    rawState: CriterionState,
    rest: Partial<CriterionEvidence> & { message: string },
  ) => {
    // "ignore" takes a criterion without data out of the score entirely.
    const ignored = ignoredWhenNoData && rawState === 'no_data';
    const weight = ignored ? 0 : base.weight;
    return {
      ...base,
      weight,
      keyCriterion: ignored ? false : base.keyCriterion,
      observed: null,
      ...rest,
      state,
      rawState,
      score: criterionPoints(state, weight),
      durationMs: Date.now() - started,
    };
  };

  const source = context.sources.get(criterion.source);
  if (!source) {
    return finish('error', 'error', {
      message: `No criterion source '${
        criterion.source
      }' is installed (installed: ${
        [...context.sources.keys()].sort().join(', ') || 'none'
      })`,
    });
  }
  let measurement: CriterionMeasurement;
  try {
    measurement = await measureWithRetries(source, criterion, context);
  } catch (error) {
    const message = context.signal.aborted
      ? 'The evaluation deadline passed before the source answered'
      : `The source failed${
          criterion.retries ? ` ${criterion.retries + 1} times` : ''
        }: ${(error as Error)?.message ?? String(error)}`;
    return finish('error', 'error', { message });
  }
  const evidence = {
    observed: measurement.value,
    ...(measurement.sampleSize !== undefined
      ? { sampleSize: measurement.sampleSize }
      : {}),
    ...(typeof measurement.details?.query === 'string'
      ? { query: measurement.details.query }
      : {}),
    ...(measurement.link ? { link: measurement.link } : {}),
    ...(measurement.details ? { details: measurement.details } : {}),
  };
  if (
    criterion.minSampleSize !== undefined &&
    (measurement.sampleSize ?? 0) < criterion.minSampleSize
  ) {
    const state = withNoDataPolicy(criterion, 'no_data');
    return finish(state, 'no_data', {
      ...evidence,
      message: `${measurement.sampleSize ?? 0} samples, fewer than the ${
        criterion.minSampleSize
      } required`,
    });
  }
  let baseline: CriterionEvidence['baseline'];
  try {
    baseline = await baselineFor(criterion, context);
  } catch (error) {
    return finish('error', 'error', {
      ...evidence,
      message: `The baseline could not be read: ${(error as Error).message}`,
    });
  }
  const judged = judgeValue(
    measurement.value,
    thresholdsOf(criterion),
    baseline?.value ?? null,
  );
  let state = withNoDataPolicy(criterion, judged.state);
  let message = judged.reason;
  if (judged.state === 'fail' && criterion.flakyTolerance > 0) {
    const recent = await context.store.recentStates({
      gateId: context.gateId,
      entityRef: context.entityRef,
      environment: context.environment,
      key: criterion.key,
      count: criterion.flakyTolerance,
    });
    const consecutive =
      recent.length === criterion.flakyTolerance &&
      recent.every(previous => previous === 'fail');
    if (!consecutive) {
      state = 'warning';
      message = `${judged.reason} (tolerated: fewer than ${
        criterion.flakyTolerance + 1
      } failures in a row)`;
    }
  }
  return finish(state, judged.state, {
    ...evidence,
    ...(baseline ? { baseline } : {}),
    message,
  });
}
