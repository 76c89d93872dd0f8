import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { CriterionSource } from './criteria/CriterionSource';

/**
 * Lets backend modules add criterion sources to the quality-gates plugin.
 *
 * @public
 */
export interface QualityGatesCriterionSourcesExtensionPoint {
  addCriterionSource(...sources: CriterionSource[]): void;
}

/**
 * Extension point for criterion sources.
 *
 * @public
 */
export const qualityGatesCriterionSourcesExtensionPoint =
  createExtensionPoint<QualityGatesCriterionSourcesExtensionPoint>({
    id: 'quality-gates.criterion-sources',
  });
