import { PinnedBaselineFacts } from '../evidence/pinnedBaseline';
import { EvidenceFact, EvidenceSentence } from '../evidence/EvidenceFact';

/**
 * A gate's verdict. `error` means the gate could not decide (a provider
 * failed, timed out or a definition is missing): it never lets a deploy
 * through as if it had passed.
 *
 * @public
 */
export type GateVerdict = 'pass' | 'warn' | 'fail' | 'error';

/**
 * What one criterion concluded.
 *
 * @public
 */
export type CriterionState = 'pass' | 'warning' | 'fail' | 'error' | 'no_data';

/**
 * How a gate's verdict is used: enforce blocks, warn-only reports a fail as
 * a warning, dry-run records what it would have decided without effect.
 *
 * @public
 */
export type GateMode = 'enforce' | 'warn-only' | 'dry-run';

/**
 * What an evaluation did for one criterion, kept as evidence.
 *
 * @public
 */
export interface CriterionEvidence {
  key: string;
  title?: string;
  source: string;
  state: CriterionState;
  weight: number;
  /** Whether failing it fails the gate, whatever the score. */
  keyCriterion: boolean;
  /** Points earned: weight, weight/2 or 0. */
  score: number;
  /** What was observed, or null without data. */
  observed: number | null;
  /** The threshold(s) it was judged by, as written, e.g. `<= 0.01`. */
  threshold?: { pass?: string; warning?: string };
  /**
   * For relative criteria: the baseline value and how it was made;
   * `pinned` names the evaluation pinned as the baseline, when one is.
   */
  baseline?: {
    value: number | null;
    aggregate: string;
    from: number;
    pinned?: PinnedBaselineFacts;
  };
  sampleSize?: number;
  /** What was queried, rendered (e.g. the PromQL). */
  query?: string;
  /** Where a reviewer sees the same data. */
  link?: string;
  /** One line that says why this state (the summary in words). */
  message: string;
  /**
   * The criterion's sentence in words and typed facts (render with
   * `formatSentence`): what the source observed, the threshold it was
   * judged by and what the state adds ("no data: …"). `message` is the same
   * sentence as text. Absent on evaluations stored before sources reported
   * summaries.
   */
  summary?: EvidenceSentence;
  /** Labelled facts for the detail view, in reading order. */
  facts?: EvidenceFact[];
  details?: Record<string, unknown>;
  /**
   * Set on a criterion that holds its gate back only for now (without data
   * as too little traffic yet, or failing as a soak not yet over) and whose
   * source said when it may decide: when to ask again. It still earns
   * nothing and fails a key criterion; the decision reads it to answer
   * `not_yet` rather than `no`. A state of its own would have broken every
   * reader of the five states (scores, stored history, API clients, the
   * UI's chips); a reader that ignores this field still fails closed.
   */
  askAgainAt?: string;
  durationMs: number;
}

/**
 * An override: for one entity, environment and version, one gate (or every
 * gate of the decision) takes the override's verdict instead of its own
 * until the override expires or is revoked. Every later evaluation in that
 * scope still measures and stores its own verdict; its effective verdict is
 * the override's.
 *
 * @public
 */
export interface GateOverride {
  id: string;
  entityRef: string;
  environment: string;
  version: string;
  /** The gate it overrides; absent: every gate of a decision in its scope. */
  gateId?: string;
  verdict: 'pass' | 'fail';
  reason: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  revokedBy?: string;
  revokeReason?: string;
  /** Where it was made from, when it was made from a decision or evaluation. */
  decisionId?: string;
  evaluationId?: string;
  /** Neither expired nor revoked, now. */
  active: boolean;
}

/**
 * Who pinned an evaluation as the baseline of relative criteria, and when.
 * At most one evaluation per gate, entity and environment is pinned.
 *
 * @public
 */
export interface GateBaselinePin {
  pinnedBy: string;
  pinnedAt: string;
}

/**
 * One stored evaluation of one gate.
 *
 * @public
 */
export interface GateEvaluation {
  id: string;
  /** The decision it was made for (absent on evaluations stored before decisions). */
  decisionId?: string;
  gateId: string;
  gateTitle: string;
  entityRef: string;
  environment: string;
  version: string;
  trigger: GateTrigger;
  mode: GateMode;
  verdict: GateVerdict;
  /**
   * What callers act on: the verdict after mode and the override that
   * applied when it was evaluated (history does not change when that
   * override later expires or is revoked; `override.active` says whether it
   * still applies).
   */
  effectiveVerdict: GateVerdict;
  score: number | null;
  passPercent: number;
  warningPercent: number;
  criteria: CriterionEvidence[];
  startedAt: string;
  finishedAt: string;
  /** The override that applied to this evaluation, if any. */
  override?: GateOverride;
  /** Set while the evaluation is its gate's pinned baseline. */
  pin?: GateBaselinePin;
  /** Why the gate could not decide (a broken component gate file, ...). */
  problems?: string[];
}

/**
 * What asked for a decision.
 *
 * @public
 */
export type GateTrigger = 'ci' | 'schedule' | 'manual';
