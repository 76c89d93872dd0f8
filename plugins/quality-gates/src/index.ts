/**
 * The quality-gates frontend plugin: "Can I deploy?" (gate verdicts with
 * their evidence, and deployments), production readiness, DORA metrics, the
 * deploy timeline and CI pipelines with trace waterfalls on the entity page, DORA and readiness roll-ups on group and system pages, the
 * readiness overview and the gate history.
 *
 * @packageDocumentation
 */

export {
  qualityGatesPlugin,
  EntityQualityGatesContent,
  EntityReadinessContent,
  EntityReadinessCard,
  EntityReadinessRollupCard,
  ReadinessOverviewPage,
  EntityDoraContent,
  EntityDoraRollupContent,
  EntityGateStatusContent,
  GateHistoryPage,
  EntityDeliveryTimelineContent,
  EntityPipelinesContent,
} from './plugin';
export {
  readinessOverviewRouteRef,
  gateHistoryRouteRef,
  gateDecisionRouteRef,
} from './routes';
export {
  createQualityGatesCatalogColumns,
  type QualityGatesCatalogRow,
  type QualityGatesCatalogColumnsOptions,
} from './components/catalogColumns';
export { ENTITY_TIMELINE_TAB_PATH } from './components/timeline';
export { ENTITY_PIPELINES_TAB_PATH } from './components/pipelines';
export {
  qualityGatesApiRef,
  READINESS_OVERVIEW_SORTS,
} from './api/QualityGatesApi';
export type {
  QualityGatesApi,
  CatalogColumnsResponse,
  ListDeploymentsRequest,
  CreateReadinessExemptionRequest,
  ListReadinessExemptionsRequest,
  ReadinessHistoryRequest,
  ReadinessOverviewFilters,
  ReadinessOverviewRequest,
  ReadinessOverviewSort,
  ReadinessRollupRequest,
  DoraScopeRequest,
  DoraWindowRequest,
  DoraDetailsRequest,
  EvaluateGatesRequest,
  GateDecisionResponse,
  ListGateDecisionsRequest,
  LatestGateDecisionsResponse,
  GateCandidateEnvironment,
  GateCandidateVersion,
  GateCandidatesResponse,
  CreateGateOverrideRequest,
  OverrideGateDecisionRequest,
  ListGateOverridesRequest,
  GateOverrideListResponse,
  GateVerdictPoint,
  GateStatusResponse,
  GateEvaluationFilters,
  ListGateEvaluationsRequest,
  GateEvaluationListResponse,
  OverrideGateEvaluationRequest,
  TimeRangeRequest,
  GateEffectivenessRequest,
  DeliveryTimelineRequest,
  EnvironmentStatesRequest,
  PipelineStatsRequest,
  PathToProductionRequest,
  ListPipelineRunsRequest,
} from './api/QualityGatesApi';
export { QualityGatesClient } from './api/QualityGatesClient';
