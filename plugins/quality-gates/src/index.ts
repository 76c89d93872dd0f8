/**
 * The quality-gates frontend plugin: "Can I deploy?" and production
 * readiness on the entity page, and the readiness overview.
 *
 * @packageDocumentation
 */

export {
  qualityGatesPlugin,
  EntityQualityGatesContent,
  EntityReadinessContent,
  EntityReadinessCard,
  ReadinessOverviewPage,
} from './plugin';
export { readinessOverviewRouteRef } from './routes';
export {
  qualityGatesApiRef,
  READINESS_OVERVIEW_SORTS,
} from './api/QualityGatesApi';
export type {
  QualityGatesApi,
  ListDeploymentsRequest,
  CreateReadinessExemptionRequest,
  ListReadinessExemptionsRequest,
  ReadinessHistoryRequest,
  ReadinessOverviewFilters,
  ReadinessOverviewRequest,
  ReadinessOverviewSort,
} from './api/QualityGatesApi';
export { QualityGatesClient } from './api/QualityGatesClient';
