import {
  aggregateBaseline,
  CriterionEvidence,
  CriterionState,
  CriterionThresholds,
  criterionPoints,
  EvidenceSentence,
  judgeValue,
  missingPinnedBaselineSentence,
  parseComparison,
  PinnedBaselineFacts,
  pinnedBaselineSentence,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { CriterionConfig, IMPLICIT_PASS } from '../definitions/gateSchema';
import { TightenedCriterion } from '../definitions/tightenCriterion';
import { GateEvaluationStore } from '../store/GateEvaluationStore';
import { CriterionOutcome, describeCriterion } from './describeCriterion';
import {
  CriterionHistoryLookups,
  relativeBaseline,
} from './criterionHistoryLookups';
import { EarlyMeasurement, settle, Settled } from './earlyMeasurements';

/** Sources that answer yes or no report 1 or 0: yes passes by default. */
const YES = { pass: [parseComparison(IMPLICIT_PASS)] };

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

/** The thresholds a criterion is judged by, as the evaluation reads them. */
export function thresholdsOf(criterion: CriterionConfig): CriterionThresholds {
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
  if (!criterion.pass) return { pass: IMPLICIT_PASS };
  return {
    pass: criterion.pass.join(' and '),
    ...(criterion.warning ? { warning: criterion.warning.join(' and ') } : {}),
  };
}

/** The part of the criterion that is the source's business (query, ...). */
export function sourceDefinition(
  criterion: CriterionConfig,
): Record<string, unknown> {
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
  /** The gate's baseline and flaky-tolerance history, read early. */
  history: CriterionHistoryLookups;
  /** The app page of a decision, when the app's address is known. */
  decisionUrl?: (decisionId: string) => string | undefined;
  /** A first attempt started before the gate was final, if any. */
  early?: EarlyMeasurement;
}

async function measureWithRetries(
  source: CriterionSource,
  criterion: TightenedCriterion,
  context: CriterionContext,
): Promise<CriterionMeasurement> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= criterion.retries; attempt++) {
    context.signal.throwIfAborted();
    const early =
      attempt === 0 ? context.early?.usableFor(criterion) : undefined;
    if (early) {
      const settled = await early;
      if ('value' in settled) return settled.value;
      lastError = settled.error;
      if (context.signal.aborted) break;
      continue;
    }
    try {
      return await source.measure({
        entityRef: context.entityRef,
        environment: context.environment,
        version: context.version,
        definition: sourceDefinition(criterion),
        window: context.window,
        signal: context.signal,
        origin: criterion.origin,
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
  const baseline = relativeBaseline(criterion);
  if (!baseline) return undefined;
  if ('pinned' in baseline) {
    const pin = await context.store.pinnedBaseline({
      gateId: context.gateId,
      entityRef: context.entityRef,
      environment: context.environment,
    });
    if (!pin) return { value: null, aggregate: 'pinned', from: 0 };
    const { decisionId, ...facts } = pin;
    const decisionUrl = decisionId
      ? context.decisionUrl?.(decisionId)
      : undefined;
    return {
      value: await context.store.observationOf(
        pin.evaluationId,
        criterion.key,
        context.entityRef,
      ),
      aggregate: `pinned ${pin.evaluationId}`,
      from: 1,
      pinned: { ...facts, ...(decisionUrl ? { decisionUrl } : {}) },
    };
  }
  if ('pinnedEvaluationId' in baseline) {
    // A configured pin applies to the entity it was evaluated for only;
    // other entities the gate covers have no baseline from it.
    const value = await context.store.observationOf(
      baseline.pinnedEvaluationId,
      criterion.key,
      context.entityRef,
    );
    return {
      value,
      aggregate: `pinned ${baseline.pinnedEvaluationId}`,
      from: value === null ? 0 : 1,
    };
  }
  const values = await context.history.passingObservations(
    criterion.key,
    baseline.from,
  );
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
  criterion: TightenedCriterion,
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
  const reference = new Date(context.window.end);
  const finish = (
    state: CriterionState,
    rawState: CriterionState,
    rest: Partial<CriterionEvidence>,
    words: Omit<
      CriterionOutcome,
      'criterion' | 'state' | 'rawState' | 'reference'
    >,
  ) => {
    // "ignore" takes a criterion without data out of the score entirely.
    const ignored = ignoredWhenNoData && rawState === 'no_data';
    const weight = ignored ? 0 : base.weight;
    // Only a criterion that holds the gate back waits: one its no-data
    // policy passes or ignores was chosen not to.
    const askAgainAt =
      !ignored &&
      (state === 'no_data' || state === 'fail') &&
      unchangedByRules(state, rawState)
        ? waitUntil(criterion, words.measurement, reference)
        : undefined;
    const { summary, message } = describeCriterion({
      criterion,
      state,
      rawState,
      reference,
      askAgainAt,
      ...words,
    });
    return {
      ...base,
      weight,
      keyCriterion: ignored ? false : base.keyCriterion,
      observed: null,
      ...rest,
      summary,
      ...(words.measurement?.facts?.length
        ? { facts: words.measurement.facts }
        : {}),
      message,
      state,
      rawState,
      ...(askAgainAt ? { askAgainAt } : {}),
      score: criterionPoints(state, weight),
      durationMs: Date.now() - started,
    };
  };

  const source = context.sources.get(criterion.source);
  if (!source) {
    return finish(
      'error',
      'error',
      {},
      {
        problem: [
          `No criterion source '${criterion.source}' is installed (installed: ${
            [...context.sources.keys()].sort().join(', ') || 'none'
          })`,
        ],
      },
    );
  }
  // The store's lookups run while the source measures, not after it; a
  // result that turns out not to be needed is dropped.
  const baselineRead = settle(baselineFor(criterion, context));
  const recentRead =
    criterion.flakyTolerance > 0
      ? settle(
          context.history.recentStates(criterion.key, criterion.flakyTolerance),
        )
      : undefined;
  let measurement: CriterionMeasurement;
  try {
    measurement = await measureWithRetries(source, criterion, context);
  } catch (error) {
    const problem = context.signal.aborted
      ? 'The evaluation deadline passed before the source answered'
      : `The source failed${
          criterion.retries ? ` ${criterion.retries + 1} times` : ''
        }: ${errorText(error)}`;
    return finish('error', 'error', {}, { problem: [problem] });
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
    return finish(state, 'no_data', evidence, {
      measurement,
      problem: [
        {
          kind: 'count',
          value: measurement.sampleSize ?? 0,
          unit: 'sample',
        },
        ' of the ',
        { kind: 'count', value: criterion.minSampleSize },
        ' required',
      ],
    });
  }
  const baselineResult = await baselineRead;
  if ('error' in baselineResult) {
    return finish('error', 'error', evidence, {
      measurement,
      problem: [
        `The baseline could not be read: ${errorText(baselineResult.error)}`,
      ],
    });
  }
  const baseline = baselineResult.value;
  const judged = judgeValue(
    measurement.value,
    thresholdsOf(criterion),
    baseline?.value ?? null,
  );
  let state = withNoDataPolicy(criterion, judged.state);
  let toleratedUntil: number | undefined;
  if (judged.state === 'fail' && recentRead) {
    const recent = unsettled(await recentRead);
    const consecutive =
      recent.length === criterion.flakyTolerance &&
      recent.every(previous => previous === 'fail');
    if (!consecutive) {
      state = 'warning';
      toleratedUntil = criterion.flakyTolerance + 1;
    }
  }
  const noBaseline =
    judged.state === 'no_data' && measurement.value !== null && baseline;
  return finish(
    state,
    judged.state,
    { ...evidence, ...(baseline ? { baseline } : {}) },
    {
      measurement,
      baseline: baseline?.value ?? null,
      ...(baseline?.pinned && baseline.value !== null
        ? { baselineSource: pinnedBaselineSentence(baseline.pinned) }
        : {}),
      toleratedUntil,
      ...(noBaseline
        ? { problem: missingBaseline(criterion, context, baseline?.pinned) }
        : {}),
    },
  );
}

/** Why a relative criterion has no baseline to compare with, in words. */
function missingBaseline(
  criterion: CriterionConfig,
  context: CriterionContext,
  pinned?: PinnedBaselineFacts,
): EvidenceSentence {
  if (criterion.baseline && 'pinned' in criterion.baseline) {
    return missingPinnedBaselineSentence({
      entityRef: context.entityRef,
      environment: context.environment,
      pinned,
    });
  }
  return ['no baseline yet to compare with'];
}

/** A time to ask again that is now or past is a second on: never a loop. */
const MIN_WAIT_MS = 1_000;

/** The state came from the value itself, not from a rule that changed it. */
function unchangedByRules(state: CriterionState, rawState: CriterionState) {
  return state === rawState;
}

/**
 * When a criterion that cannot decide yet may: the source's time, or for a
 * value rising towards the pass threshold (a soak), when it reaches it.
 * Undefined when waiting would not help.
 */
function waitUntil(
  criterion: CriterionConfig,
  measurement: CriterionMeasurement | undefined,
  reference: Date,
): string | undefined {
  const notYet = measurement?.notYet;
  if (!notYet) return undefined;
  let at: number | undefined;
  if (notYet.askAgainAt !== undefined) {
    at = Date.parse(notYet.askAgainAt);
  } else if (notYet.rising && measurement.value !== null) {
    const bound = absoluteLowerBound(criterion);
    const perSecond = notYet.rising.perSecond;
    if (bound === undefined || !(perSecond > 0)) return undefined;
    at =
      reference.getTime() +
      Math.max(0, (bound - measurement.value) / perSecond) * 1000;
  }
  if (at === undefined || !Number.isFinite(at)) return undefined;
  return new Date(
    Math.max(at, reference.getTime() + MIN_WAIT_MS),
  ).toISOString();
}

/** The value every absolute `>= n` / `> n` of the pass threshold asks for. */
function absoluteLowerBound(criterion: CriterionConfig): number | undefined {
  if (criterion.degraded !== undefined || !criterion.pass) return undefined;
  let bound: number | undefined;
  for (const comparison of criterion.pass.map(parseComparison)) {
    if (comparison.relative) return undefined;
    if (comparison.operator === '>=' || comparison.operator === '>') {
      bound = Math.max(bound ?? -Infinity, comparison.amount);
    } else {
      // A ceiling a rising value only moves away from.
      return undefined;
    }
  }
  return bound;
}

/** The value, or the error thrown again where the lookup used to be awaited. */
function unsettled<T>(settled: Settled<T>): T {
  if ('error' in settled) throw settled.error;
  return settled.value;
}

/**
 * What went wrong, for a person: the error's first line, never its stack.
 */
function errorText(error: unknown): string {
  const text =
    error instanceof Error ? error.message : String(error ?? 'unknown error');
  const line = text.split('\n')[0].trim() || 'unknown error';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
