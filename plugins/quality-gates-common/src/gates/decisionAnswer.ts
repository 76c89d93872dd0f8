import { DecisionAnswer } from './GateDecision';
import { CriterionEvidence, GateEvaluation } from './GateEvaluation';

/**
 * What may turn a `no` into a `not_yet`.
 *
 * @public
 */
export interface DecisionAnswerOptions {
  /**
   * When criteria of the enforcing gates wait (a soak not yet over, too
   * little traffic yet) and nothing else fails: the time it may decide,
   * from {@link waitingUntil}. The answer is then `not_yet`, never `yes`.
   */
  askAgainAt?: string;
}

/** A criterion that cannot decide yet: it holds back, and says when to ask again. */
function waits(criterion: Pick<CriterionEvidence, 'state' | 'askAgainAt'>) {
  return (
    (criterion.state === 'no_data' || criterion.state === 'fail') &&
    criterion.askAgainAt !== undefined
  );
}

/**
 * When to ask again: the earliest time a waiting criterion of an enforcing
 * gate gives, provided each enforcing gate that fails fails only by
 * criteria that wait (were they to pass, it would pass). Undefined when no
 * criterion waits, or when something fails for good: then waiting does not
 * help. A gate overridden (to pass or fail) does not wait: the override
 * decides it.
 *
 * @public
 */
export function waitingUntil(
  evaluations: Array<
    Pick<GateEvaluation, 'mode' | 'effectiveVerdict' | 'override'> & {
      criteria: Pick<CriterionEvidence, 'state' | 'askAgainAt'>[];
    }
  >,
): string | undefined {
  const enforcing = evaluations.filter(
    e => e.mode === 'enforce' && !e.override,
  );
  let earliest: string | undefined;
  for (const evaluation of enforcing) {
    const blocking = evaluation.criteria.filter(
      c => c.state === 'fail' || c.state === 'no_data' || c.state === 'error',
    );
    if (evaluation.effectiveVerdict === 'fail' && !blocking.every(waits)) {
      return undefined;
    }
    for (const criterion of blocking.filter(waits)) {
      if (
        earliest === undefined ||
        Date.parse(criterion.askAgainAt!) < Date.parse(earliest)
      ) {
        earliest = criterion.askAgainAt;
      }
    }
  }
  // A gate overridden to fail fails for good.
  const overriddenToFail = evaluations.some(
    e => e.mode === 'enforce' && e.override && e.effectiveVerdict === 'fail',
  );
  return overriddenToFail ? undefined : earliest;
}

/**
 * The overall answer from the gates' evaluations: only enforcing gates
 * count (warn-only and dry-run are recorded beside it). A fail is a `no`
 * (a `not_yet` when the failures only wait, see {@link DecisionAnswerOptions});
 * a pass while a criterion waits is a `not_yet` too;
 * an evaluation that could not decide is an `error`; with nothing to
 * decide (no gate, a broken definition) the answer is `error` too; gates that
 * apply but none of them enforcing is a `yes`. Effective verdicts count, so a
 * gate overridden to pass lets the answer be `yes`.
 *
 * @public
 */
export function decisionAnswer(
  evaluations: Pick<GateEvaluation, 'mode' | 'effectiveVerdict'>[],
  problems: readonly string[],
  options: DecisionAnswerOptions = {},
): DecisionAnswer {
  if (problems.length > 0 || evaluations.length === 0) return 'error';
  // Gates in warn-only or dry-run mode apply but were chosen not to block.
  const enforcing = evaluations.filter(e => e.mode === 'enforce');
  const errors = enforcing.some(e => e.effectiveVerdict === 'error');
  if (enforcing.some(e => e.effectiveVerdict === 'fail')) {
    return options.askAgainAt && !errors ? 'not_yet' : 'no';
  }
  if (errors) return 'error';
  // A criterion still waits: even a gate that passes without it is no yes.
  return options.askAgainAt ? 'not_yet' : 'yes';
}
