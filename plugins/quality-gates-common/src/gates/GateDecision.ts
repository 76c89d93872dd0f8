import { GateEvaluation, GateTrigger, GateVerdict } from './GateEvaluation';

/**
 * The answer to "can I deploy this version here?":
 * - `yes`: every enforcing gate passes (or warns, or is overridden to pass);
 * - `no`: an enforcing gate fails;
 * - `not_yet`: nothing fails, but a criterion cannot decide until later
 *   (soak time, too little traffic): ask again at `askAgainAt`;
 * - `error`: the gates could not decide (a provider is down, no gate
 *   applies, a broken gate file). Fails closed: only `yes` lets a deploy through.
 *
 * @public
 */
export type DecisionAnswer = 'yes' | 'no' | 'not_yet' | 'error';

/**
 * One `POST /gates/evaluate`: one question, one stored answer, with every
 * gate evaluation made for it.
 *
 * @public
 */
export interface GateDecision {
  id: string;
  entityRef: string;
  environment: string;
  version: string;
  trigger: GateTrigger;
  /** Who asked (user or service ref). */
  requestedBy?: string;
  decidedAt: string;
  answer: DecisionAnswer;
  /**
   * Why, in one sentence a person acts on, e.g. "No: Release checks fails
   * — CI run #4185 failed."
   */
  sentence: string;
  /** For `not_yet`: when the evidence may allow a decision. */
  askAgainAt?: string;
  /**
   * The worst effective verdict of every gate (a failing warn-only gate
   * counts as `warn`, a dry-run gate as `pass`), kept for integrations that
   * read it, e.g. an Argo Rollouts web metric. Act on `answer`.
   */
  verdict: GateVerdict;
  /** Every gate evaluated, enforcing, warn-only and dry-run (see `mode`). */
  evaluations: GateEvaluation[];
  /** Why nothing could decide (no gate applies, a broken gate file, ...). */
  problems: string[];
}

/**
 * A decision in a list: its gates without their criteria.
 *
 * @public
 */
export interface GateDecisionSummary extends Omit<GateDecision, 'evaluations'> {
  gates: Array<
    Pick<
      GateEvaluation,
      | 'id'
      | 'gateId'
      | 'gateTitle'
      | 'mode'
      | 'verdict'
      | 'effectiveVerdict'
      | 'score'
      | 'override'
    >
  >;
}

/**
 * One page of decisions, newest first.
 *
 * @public
 */
export interface GateDecisionPage {
  items: GateDecisionSummary[];
  total: number;
}
