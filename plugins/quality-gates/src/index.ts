/**
 * The quality-gates frontend plugin: "Can I deploy?" on the entity page.
 *
 * @packageDocumentation
 */

export { qualityGatesPlugin, EntityQualityGatesContent } from './plugin';
export { qualityGatesApiRef } from './api/QualityGatesApi';
export type {
  QualityGatesApi,
  ListDeploymentsRequest,
} from './api/QualityGatesApi';
export { QualityGatesClient } from './api/QualityGatesClient';
