/**
 * The quality-gates frontend plugin: "Can I deploy?", production readiness
 * and DORA metrics on the entity page, DORA roll-ups on group and system
 * pages, and the readiness overview.
 *
 * @packageDocumentation
 */

export {
  qualityGatesPlugin,
  EntityQualityGatesContent,
  EntityReadinessContent,
  EntityReadinessCard,
  ReadinessOverviewPage,
  EntityDoraContent,
  EntityDoraRollupContent,
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
  DoraScopeRequest,
  DoraWindowRequest,
  DoraDetailsRequest,
} from './api/QualityGatesApi';
export { QualityGatesClient } from './api/QualityGatesClient';
