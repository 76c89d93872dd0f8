import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ReadinessCheck } from './ReadinessCheck';

/**
 * Lets backend modules add readiness checks to the quality-gates plugin.
 *
 * @public
 */
export interface QualityGatesReadinessChecksExtensionPoint {
  addReadinessCheck(...checks: ReadinessCheck[]): void;
}

/**
 * Extension point for readiness checks.
 *
 * @public
 */
export const qualityGatesReadinessChecksExtensionPoint =
  createExtensionPoint<QualityGatesReadinessChecksExtensionPoint>({
    id: 'quality-gates.readiness-checks',
  });
