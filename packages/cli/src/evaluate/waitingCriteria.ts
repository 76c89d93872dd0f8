import type { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import { EvaluateAnswer } from './EvaluateAnswer';

/** A criterion that cannot decide yet, and when it may. */
export interface WaitingCriterion {
  gateId: string;
  key: string;
  /** When the backend says asking again may decide. */
  askAgainAt: Date;
  /** The criterion's sentence, e.g. what it waits for. */
  message: string;
}

/** Whether the gate's outcome can still change by waiting. */
function canChange(evaluation: GateEvaluation): boolean {
  // Only enforcing gates hold the answer back; an override has decided.
  return evaluation.mode === 'enforce' && !evaluation.override?.active;
}

/**
 * The criteria an answer of `not_yet` waits for: those of the enforcing
 * gates the backend gave a time to ask again (a soak not over, too little
 * traffic yet, heartbeats due). Any other answer waits for nothing: `no`
 * and `error` are final, so the CLI fails closed at once.
 */
export function waitingCriteria(answer: EvaluateAnswer): WaitingCriterion[] {
  if (answer.answer !== 'not_yet') return [];
  return answer.evaluations.filter(canChange).flatMap(evaluation =>
    evaluation.criteria
      .filter(
        criterion =>
          criterion.askAgainAt !== undefined &&
          !Number.isNaN(Date.parse(criterion.askAgainAt)),
      )
      .map(criterion => ({
        gateId: evaluation.gateId,
        key: criterion.key,
        askAgainAt: new Date(criterion.askAgainAt!),
        message: criterion.message,
      })),
  );
}

/**
 * When to ask again: the decision's `askAgainAt` (the earliest of its
 * waiting criteria), else the earliest criterion's; undefined when it
 * gives none.
 */
export function askAgainAtOf(
  answer: EvaluateAnswer,
  waiting: WaitingCriterion[],
): Date | undefined {
  const decided = answer.askAgainAt ? Date.parse(answer.askAgainAt) : NaN;
  if (!Number.isNaN(decided)) return new Date(decided);
  const times = waiting.map(w => w.askAgainAt.getTime());
  return times.length ? new Date(Math.min(...times)) : undefined;
}
