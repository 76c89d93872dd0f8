import { isDeepStrictEqual } from 'node:util';
import { Duration, DateTime } from 'luxon';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { GateConfig } from '../definitions/gateSchema';
import { EarlyMeasurement, settle } from './earlyMeasurements';
import { sourceDefinition } from './evaluateCriterion';
import { GateEvaluationStore } from '../store/GateEvaluationStore';
import {
  CriterionHistoryLookups,
  readGateHistoryEarly,
} from './criterionHistoryLookups';

/**
 * Why a run's queries stop: made once, because aborting without a reason
 * builds a DOMException with a stack trace for every decision.
 */
const NOT_NEEDED = new DOMException(
  'The decision no longer needs this gate',
  'AbortError',
);

function windowLength(window: GateConfig['window']): Duration {
  return typeof window === 'string'
    ? Duration.fromISO(window)
    : Duration.fromObject(window);
}

/**
 * One gate of a decision from the moment it may apply: its start, its
 * window, the history its criteria are judged against, and a first
 * attempt of each central criterion, so that provider queries run while the catalog entity and the component's gate file are
 * read. A component's file cannot change what a central criterion measures
 * (only how it is judged), so these attempts stay valid; one that no longer
 * matches its criterion is not used. Aborted when the gate turns out not
 * to apply or the decision stops early.
 */
export class GateRun {
  readonly startedAt = DateTime.utc();
  readonly window: { start: string; end: string };
  private readonly controller = new AbortController();
  private readonly early = new Map<string, EarlyMeasurement>();
  /** The gate's history for baselines and flaky tolerance, being read. */
  readonly history: CriterionHistoryLookups;

  constructor(
    gate: GateConfig,
    request: { entityRef: string; environment: string; version: string },
    sources: ReadonlyMap<string, CriterionSource>,
    deadline: AbortSignal,
    store: GateEvaluationStore,
  ) {
    this.history = readGateHistoryEarly(store, gate, request);
    this.window = {
      start: this.startedAt.minus(windowLength(gate.window)).toISO()!,
      end: this.startedAt.toISO()!,
    };
    const signal = AbortSignal.any([deadline, this.controller.signal]);
    for (const criterion of gate.criteria) {
      const source = sources.get(criterion.source);
      if (!source) continue;
      const definition = sourceDefinition(criterion);
      const attempt = settle(
        Promise.resolve().then(() =>
          source.measure({
            entityRef: request.entityRef,
            environment: request.environment,
            version: request.version,
            definition,
            window: this.window,
            signal,
            origin: 'central',
          }),
        ),
      );
      this.early.set(criterion.key, {
        usableFor: tightened =>
          tightened.origin === 'central' &&
          tightened.source === criterion.source &&
          isDeepStrictEqual(sourceDefinition(tightened), definition)
            ? attempt
            : undefined,
      });
    }
  }

  /** The first attempt of a central criterion, by key. */
  earlyMeasurement(key: string): EarlyMeasurement | undefined {
    return this.early.get(key);
  }

  /** Stops queries still running; their outcomes are not used. */
  abort(): void {
    this.controller.abort(NOT_NEEDED);
  }
}
