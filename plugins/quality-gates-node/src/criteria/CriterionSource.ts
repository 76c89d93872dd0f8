import type {
  EvidenceFact,
  EvidenceSentence,
} from '@can-i-deploy/plugin-quality-gates-common';
import type { MeasuredValueKind } from './measuredValue';

/**
 * What a criterion source is asked to measure: one entity, in one
 * environment, for one version, over one time window.
 *
 * @public
 */
export interface CriterionMeasurementRequest {
  entityRef: string;
  environment: string;
  version: string;
  /** The source-specific part of the criterion definition (e.g. a query). */
  definition: Record<string, unknown>;
  /** ISO 8601 window over which the signal is read. */
  window: { start: string; end: string };
  /** Aborted when the evaluation's time budget is spent. */
  signal?: AbortSignal;
  /**
   * Where the criterion was defined: `central` in the platform team's
   * config, or `component` in a component's own gate file, which its
   * repository's authors wrote. A source that calls hosts or runs queries
   * holds a `component` criterion to what the platform team allowed for
   * repositories (e.g. http-check's `repositoryAllowedHosts`).
   */
  origin: 'central' | 'component';
}

/**
 * What a criterion source observed. A source that cannot observe throws:
 * the gate then fails closed with verdict `error`, never `pass`.
 *
 * Say it for a person with `summary` and `facts`: the evaluation composes
 * the criterion's message from the summary, its state and its thresholds
 * (read in the words of `valueKind`), and the UI, the CLI and the API show
 * the same sentence. `details` remains for sources written before
 * summaries; it is kept, but shown only as short labelled text.
 *
 * @public
 */
export interface CriterionMeasurement {
  /** The observed value, or null when the source had no data. */
  value: number | null;
  /** How many samples the value rests on, for minimum-sample-size rules. */
  sampleSize?: number;
  /** A link a reviewer can open to see the same data (e.g. a Prometheus graph). */
  link?: string;
  /**
   * What was observed, in one sentence without the verdict, e.g.
   * `['CI run ', {kind:'link', text:'#4185', url}, ' succeeded']`, or with
   * no data what is missing (`['no CI run built abc123 yet']`).
   */
  summary?: EvidenceSentence;
  /** Labelled facts for the detail view, in reading order. */
  facts?: EvidenceFact[];
  /**
   * What kind of quantity `value` is (seconds, a ratio, a count, ...), so
   * the threshold reads in the same words: `>= 3600` on seconds is "of the
   * required 1 h". Leave it unset for a yes/no source (1 or 0) whose
   * summary says the result itself: its threshold is then not repeated.
   */
  valueKind?: MeasuredValueKind;
  /**
   * Extra evidence to keep with the evaluation, for sources without
   * `summary` and `facts`; prefer those.
   */
  details?: Record<string, unknown>;
  /**
   * Set when the criterion cannot decide yet but may later: a soak not
   * over, too little traffic yet. Its state stays what the value makes it
   * (no data, or a fail such as a soak short of its threshold), so it is
   * never a pass; the decision's answer is `not_yet` with the time to ask
   * again instead of `no` when nothing else blocks. Leave it unset when
   * waiting would not help (no baseline at all, a closed window).
   */
  notYet?: CriterionNotYet;
}

/**
 * When and why a criterion may decide later: `askAgainAt` when the source
 * knows the time, or `rising` when its value climbs steadily towards the
 * criterion's threshold (seconds of soak), which the evaluation knows and
 * the source does not: the time is worked out from the pass threshold.
 *
 * @public
 */
export interface CriterionNotYet {
  /** ISO 8601 time at which asking again may decide. */
  askAgainAt?: string;
  /** How fast the value grows while waiting. */
  rising?: { perSecond: number };
  /** What it waits for, for a person, e.g. "about 420 more requests". */
  reason: string;
}

/**
 * A source of gate criteria (Prometheus, readiness, pipeline, http-check, ...),
 * added by backend modules through {@link qualityGatesCriterionSourcesExtensionPoint}.
 *
 * @public
 */
export interface CriterionSource {
  /** The `source` name criteria use to select it, e.g. `prometheus`. */
  readonly id: string;
  /**
   * Whether criteria in a component's own gate file (its repository) may
   * use this source. Safe means: whatever such a criterion says, the source
   * cannot reach hosts or run queries the platform team did not configure —
   * it reads only the platform's own records of that component, or holds
   * `component` criteria (see {@link CriterionMeasurementRequest.origin})
   * to what the platform team allowed for repositories. Unset: only central
   * gates may use it, unless the platform team allows it in
   * `qualityGates.gates.repositoryConfig.allowedSources`.
   */
  readonly safeForRepositoryConfig?: boolean;
  measure(request: CriterionMeasurementRequest): Promise<CriterionMeasurement>;
}
