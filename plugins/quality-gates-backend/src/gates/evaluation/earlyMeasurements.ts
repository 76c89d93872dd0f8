import { CriterionMeasurement } from '@can-i-deploy/plugin-quality-gates-node';
import { TightenedCriterion } from '../definitions/tightenCriterion';

/** A promise's outcome, kept so that an unused one is never unhandled. */
export type Settled<T> = { value: T } | { error: unknown };

export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    value => ({ value }),
    error => ({ error }),
  );
}

/**
 * A central criterion's first attempt, started before the decision knew
 * its final gates (the entity and the component's file were being read).
 */
export interface EarlyMeasurement {
  /**
   * The attempt's outcome, when it measured exactly what `criterion` asks
   * for; otherwise undefined and the criterion is measured afresh.
   */
  usableFor(
    criterion: TightenedCriterion,
  ): Promise<Settled<CriterionMeasurement>> | undefined;
}
