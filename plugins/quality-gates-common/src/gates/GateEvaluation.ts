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
  /** For relative criteria: the baseline value and how it was made. */
  baseline?: { value: number | null; aggregate: string; from: number };
  sampleSize?: number;
  /** What was queried, rendered (e.g. the PromQL). */
  query?: string;
  /** Where a reviewer sees the same data. */
  link?: string;
  /** One line that says why this state. */
  message: string;
  details?: Record<string, unknown>;
  durationMs: number;
}

/**
 * An override of a verdict: who, why, until when. It never changes the
 * recorded verdict; it is shown beside it.
 *
 * @public
 */
export interface GateOverride {
  id: string;
  verdict: 'pass' | 'fail';
  reason: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  active: boolean;
}

/**
 * One stored evaluation of one gate.
 *
 * @public
 */
export interface GateEvaluation {
  id: string;
  gateId: string;
  gateTitle: string;
  entityRef: string;
  environment: string;
  version: string;
  trigger: 'ci' | 'schedule' | 'manual';
  mode: GateMode;
  verdict: GateVerdict;
  /** What callers should act on: the verdict after mode and override. */
  effectiveVerdict: GateVerdict;
  score: number | null;
  passPercent: number;
  warningPercent: number;
  criteria: CriterionEvidence[];
  startedAt: string;
  finishedAt: string;
  override?: GateOverride;
  /** Why the gate could not decide (a broken component gate file, ...). */
  problems?: string[];
}

/**
 * The answer to "can I deploy?" (`POST /gates/evaluate`): the worst
 * effective verdict of the gates that apply, and each gate's stored
 * evaluation.
 *
 * @public
 */
export interface GateDecision {
  entityRef: string;
  environment: string;
  version: string;
  verdict: GateVerdict;
  evaluations: GateEvaluation[];
  /** Why nothing could decide (no gate applies, a broken gate file, ...). */
  problems: string[];
}
