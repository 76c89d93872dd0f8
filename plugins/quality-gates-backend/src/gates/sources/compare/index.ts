import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import {
  CompareCriterionSourceOptions,
  createCompareCriterionSource,
} from './compareCriterionSource';

export { createCompareCriterionSource } from './compareCriterionSource';
export type { CompareCriterionSourceOptions } from './compareCriterionSource';

/** The compare source when Prometheus is configured, else none. */
export function compareCriterionSources(
  options: CompareCriterionSourceOptions,
): CriterionSource[] {
  const source = createCompareCriterionSource(options);
  return source ? [source] : [];
}
