import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeliveryTimeline,
  DeploymentListResponse,
  DeploymentStatus,
  DeploymentView,
  DoraDetailsResponse,
  DoraMetricName,
  DoraMetricsResponse,
  DoraTrendResponse,
  EntityReadinessResponse,
  DecisionAnswer,
  ReadinessLevel,
  EnvironmentStates,
  GateDecision,
  GateDecisionPage,
  GateEffectivenessResponse,
  GateEvaluation,
  GateOverride,
  GateVerdict,
  PathToProduction,
  PipelineResult,
  PipelineRunListResponse,
  PipelineStatsResponse,
  ReadinessChecksResponse,
  ReadinessExemption,
  ReadinessExemptionListResponse,
  ReadinessHistoryResponse,
  ReadinessOverviewResponse,
  ReadinessGroupBy,
  ReadinessOverviewGroupsResponse,
  ReadinessRollupResponse,
  TraceResponse,
} from '@can-i-deploy/plugin-quality-gates-common';

/** @public */
export interface ListDeploymentsRequest {
  entityRef: string;
  environment?: string;
  status?: DeploymentStatus;
  limit?: number;
  offset?: number;
}

/**
 * Columns the readiness overview can be sorted by on the server.
 *
 * @public
 */
export const READINESS_OVERVIEW_SORTS = [
  'entityRef',
  'kind',
  'lifecycle',
  'owner',
  'level',
  'score',
  'evaluatedAt',
  'firstSeenAt',
] as const;

/** @public */
export type ReadinessOverviewSort = (typeof READINESS_OVERVIEW_SORTS)[number];

/**
 * Filters and order shared by the overview page and its CSV export.
 *
 * @public
 */
export interface ReadinessOverviewFilters {
  kind?: string;
  lifecycle?: string;
  /** Full owner ref, e.g. `group:default/team-a`. */
  owner?: string;
  /** Full system ref, e.g. `system:default/webshop`. */
  system?: string;
  /** A level id, or `none` for entities that reached no level. */
  level?: string;
  /** A check id: only entities where it is failed, errored or not reported. */
  failingCheck?: string;
  /** Part of the entity ref or title. */
  q?: string;
  /** Absent: new entities first. */
  sort?: ReadinessOverviewSort;
  order?: 'asc' | 'desc';
}

/** @public */
export interface ReadinessOverviewRequest extends ReadinessOverviewFilters {
  limit?: number;
  offset?: number;
}

/**
 * Whose readiness roll-up: the components a group owns (and its
 * sub-groups', unless the backend is configured otherwise) or a system
 * holds. Each is a full entity ref.
 *
 * @public
 */
export type ReadinessRollupRequest =
  | { group: string; worstChecks?: number }
  | { system: string; worstChecks?: number };

/** @public */
export interface ReadinessHistoryRequest {
  /** ISO time: only points at or after it. */
  from?: string;
  /** The newest this many points. */
  limit?: number;
}

/** @public */
export interface ListReadinessExemptionsRequest {
  entityRef?: string;
  /** Only exemptions in force now. */
  active?: boolean;
  limit?: number;
}

/** @public */
export interface CreateReadinessExemptionRequest {
  entityRef: string;
  checkId: string;
  /** At least 10 characters. */
  reason: string;
  /** ISO time in the future. */
  expiresAt: string;
}

/**
 * Whose DORA metrics: one entity, the components a group owns, or the
 * components of a system. Each is a full entity ref.
 *
 * @public
 */
export type DoraScopeRequest =
  | { entityRef: string }
  | { group: string }
  | { system: string };

/**
 * A window of time, as ISO times; the backend fills in what is left out
 * (the last 90 days, or 12 weeks for the trend).
 *
 * @public
 */
export interface DoraWindowRequest {
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

/** @public */
export interface DoraDetailsRequest extends DoraWindowRequest {
  limit?: number;
  offset?: number;
}

/**
 * "Can I deploy?": one version of one entity to one environment.
 *
 * @public
 */
export interface EvaluateGatesRequest {
  entityRef: string;
  environment: string;
  version: string;
  /** Defaults to `ci` on the backend. */
  trigger?: GateEvaluation['trigger'];
}

/**
 * The answer to "can I deploy?".
 *
 * @public
 */
export type GateDecisionResponse = GateDecision;

/**
 * One square of a history strip: a recorded verdict, not the effective one.
 *
 * @public
 */
export interface GateVerdictPoint {
  id: string;
  gateId: string;
  environment: string;
  verdict: GateVerdict;
  version: string;
  finishedAt: string;
}

/**
 * An entity's latest evaluation of each gate in each environment, and its
 * last verdicts (newest first) across gates and environments.
 *
 * @public
 */
export interface GateStatusResponse {
  entityRef: string;
  latest: GateEvaluation[];
  recent: GateVerdictPoint[];
}

/**
 * Filters shared by the evaluation history and its CSV export.
 *
 * @public
 */
export interface GateEvaluationFilters {
  entityRef?: string;
  /** A group ref or name: only entities it owns. */
  owner?: string;
  gateId?: string;
  environment?: string;
  /** The recorded verdict. */
  verdict?: GateVerdict;
  /** Only evaluations with (true) or without (false) an override. */
  overridden?: boolean;
  /** ISO time, inclusive. */
  from?: string;
  /** ISO time, exclusive. */
  to?: string;
}

/** @public */
export interface ListGateEvaluationsRequest extends GateEvaluationFilters {
  limit?: number;
  offset?: number;
}

/** @public */
export interface GateEvaluationListResponse {
  items: GateEvaluation[];
  totalCount: number;
}

/**
 * Whose gate effectiveness, over which period (ISO times, `to` exclusive).
 *
 * @public
 */
export interface GateEffectivenessRequest {
  from: string;
  to: string;
  gateId?: string;
  entityRef?: string;
  /** A group ref or name: only entities it owns. */
  owner?: string;
}

/**
 * An override of a recorded verdict.
 *
 * @public
 */
export interface OverrideGateEvaluationRequest {
  verdict: 'pass' | 'fail';
  /** At least 10 characters. */
  reason: string;
  /** ISO time in the future, within the backend's longest override. */
  expiresAt: string;
}

/**
 * A range of time as ISO times. The backend fills in what is left out: `to`
 * is now, `from` 30 days before it for the timeline, 90 for pipeline
 * statistics.
 *
 * @public
 */
export interface TimeRangeRequest {
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

/** @public */
export interface DeliveryTimelineRequest extends TimeRangeRequest {
  entityRef: string;
}

/** @public */
export interface EnvironmentStatesRequest {
  entityRef: string;
}

/** @public */
export interface PipelineStatsRequest extends TimeRangeRequest {
  entityRef: string;
  /** Only this pipeline. */
  pipelineName?: string;
}

/**
 * Whose path to production: one commit or one version of an entity. Give
 * exactly one of `sha` and `version`; the backend answers 400 otherwise.
 *
 * @public
 */
export interface PathToProductionRequest {
  entityRef: string;
  sha?: string;
  version?: string;
}

/** @public */
export interface ListPipelineRunsRequest extends TimeRangeRequest {
  entityRef: string;
  pipelineName?: string;
  result?: PipelineResult;
  /** Only runs that built this head revision. */
  sha?: string;
  limit?: number;
  offset?: number;
}

/**
 * Filters of the decision history and of the decisions of one deployment.
 *
 * @public
 */
export interface ListGateDecisionsRequest {
  entityRef?: string;
  /** A group ref or name: only entities it owns. */
  owner?: string;
  /** Only decisions that evaluated this gate. */
  gateId?: string;
  environment?: string;
  version?: string;
  answer?: DecisionAnswer;
  /** ISO time, inclusive. */
  from?: string;
  /** ISO time, exclusive. */
  to?: string;
  limit?: number;
  offset?: number;
}

/**
 * The newest decision about one version in each environment that has one,
 * in promotion order.
 *
 * @public
 */
export interface LatestGateDecisionsResponse {
  items: GateDecision[];
}

/**
 * What the catalog table's columns show for a page of rows: each visible
 * entity's readiness level and its newest decision in one environment.
 * Entities the caller cannot see are absent, like unknown ones.
 *
 * @public
 */
export interface CatalogColumnsResponse {
  environment: string;
  /** The readiness levels in order; empty when readiness is off. */
  levels: ReadinessLevel[];
  items: Array<{
    entityRef: string;
    readiness?: { level: string | null; score: number | null };
    decision?: {
      id: string;
      version: string;
      answer: DecisionAnswer;
      decidedAt: string;
    };
  }>;
}

/**
 * One environment of an entity, in promotion order: what it runs and what
 * would be promoted into it next.
 *
 * @public
 */
export interface GateCandidateEnvironment {
  environment: string;
  /**
   * Whether a central gate applies here. Without one nothing decides and
   * the answer is no (fail closed), unless the component's own gate file
   * adds a gate.
   */
  gated: boolean;
  runningVersion?: string;
  /** What the previous environment runs; for the first, the latest built version. */
  candidateVersion?: string;
}

/**
 * A version of an entity somebody built, deployed or asked about.
 *
 * @public
 */
export interface GateCandidateVersion {
  version: string;
  at: string;
  source: 'deployment' | 'pipeline' | 'decision';
}

/**
 * What may be asked about an entity: its environments in promotion order
 * and its known versions, newest first.
 *
 * @public
 */
export interface GateCandidatesResponse {
  environments: GateCandidateEnvironment[];
  versions: GateCandidateVersion[];
}

/**
 * An override of one gate (or every gate, without `gateId`) for one entity,
 * environment and version.
 *
 * @public
 */
export interface CreateGateOverrideRequest {
  entityRef: string;
  environment: string;
  version: string;
  gateId?: string;
  /** Defaults to `pass` on the backend. */
  verdict?: 'pass' | 'fail';
  /** At least 10 characters. */
  reason: string;
  /** ISO time in the future. */
  expiresAt: string;
}

/**
 * An override made from a decision: its entity, environment and version,
 * one of its gates or all of them.
 *
 * @public
 */
export type OverrideGateDecisionRequest = Omit<
  CreateGateOverrideRequest,
  'entityRef' | 'environment' | 'version'
>;

/** @public */
export interface ListGateOverridesRequest {
  entityRef?: string;
  environment?: string;
  version?: string;
  /** Only overrides in force now (true) or ended ones (false). */
  active?: boolean;
}

/** @public */
export interface GateOverrideListResponse {
  items: GateOverride[];
}

/**
 * Client of the quality-gates backend.
 *
 * @public
 */
export interface QualityGatesApi {
  listDeployments(
    request: ListDeploymentsRequest,
  ): Promise<DeploymentListResponse>;

  /** The readiness levels in order and every check in use. */
  getReadinessChecks(): Promise<ReadinessChecksResponse>;

  /** One entity's stored readiness; never runs a check. */
  getEntityReadiness(entityRef: string): Promise<EntityReadinessResponse>;

  /** Runs one entity's checks now, stores and returns the result. */
  evaluateEntityReadiness(entityRef: string): Promise<EntityReadinessResponse>;

  /** How one entity's readiness changed, oldest first. */
  getEntityReadinessHistory(
    entityRef: string,
    request?: ReadinessHistoryRequest,
  ): Promise<ReadinessHistoryResponse>;

  /** One page of the stored readiness of every evaluated entity. */
  getReadinessOverview(
    request?: ReadinessOverviewRequest,
  ): Promise<ReadinessOverviewResponse>;

  /**
   * The stored readiness of a group's or a system's components, as far as
   * the user can see them: distribution, worst checks and one row each.
   */
  getReadinessRollup(
    request: ReadinessRollupRequest,
  ): Promise<ReadinessRollupResponse>;

  /** The overview's entities grouped by owner or system. */
  getReadinessOverviewGroups(
    groupBy: ReadinessGroupBy,
    filters?: ReadinessOverviewFilters,
  ): Promise<ReadinessOverviewGroupsResponse>;

  /** Every row matching the filters as CSV, fetched with the user's credentials. */
  exportReadinessOverview(filters?: ReadinessOverviewFilters): Promise<Blob>;

  /** Exemptions, newest first, revoked and expired ones included. */
  listReadinessExemptions(
    request?: ListReadinessExemptionsRequest,
  ): Promise<ReadinessExemptionListResponse>;

  createReadinessExemption(
    request: CreateReadinessExemptionRequest,
  ): Promise<ReadinessExemption>;

  revokeReadinessExemption(exemptionId: string): Promise<ReadinessExemption>;

  /** The five DORA metrics over the window and the window before it. */
  getDoraMetrics(
    scope: DoraScopeRequest,
    window?: DoraWindowRequest,
  ): Promise<DoraMetricsResponse>;

  /** The DORA metrics per week, oldest first. */
  getDoraTrend(
    scope: DoraScopeRequest,
    window?: DoraWindowRequest,
  ): Promise<DoraTrendResponse>;

  /** One page of the deployments, changes or incidents behind one figure. */
  getDoraDetails(
    scope: DoraScopeRequest,
    metric: DoraMetricName,
    request?: DoraDetailsRequest,
  ): Promise<DoraDetailsResponse>;

  /** Evaluates every gate that applies, stores and answers. */
  evaluateGates(request: EvaluateGatesRequest): Promise<GateDecisionResponse>;

  /** The latest evaluation per gate and environment, and recent verdicts. */
  getGateStatus(entityRef: string): Promise<GateStatusResponse>;

  /** One page of stored evaluations, newest first. */
  listGateEvaluations(
    request?: ListGateEvaluationsRequest,
  ): Promise<GateEvaluationListResponse>;

  /** One evaluation with its full evidence. */
  getGateEvaluation(evaluationId: string): Promise<GateEvaluation>;

  /** Every evaluation matching the filters as CSV, with the user's credentials. */
  exportGateEvaluations(filters?: GateEvaluationFilters): Promise<Blob>;

  /** Overrides a verdict; answers the evaluation with its override. */
  overrideGateEvaluation(
    evaluationId: string,
    request: OverrideGateEvaluationRequest,
  ): Promise<GateEvaluation>;

  /**
   * Pins an evaluation as the baseline its gate's `baseline: { pinned }`
   * criteria compare with, for its entity and environment only; answers
   * the evaluation with its pin.
   */
  pinGateEvaluation(evaluationId: string): Promise<GateEvaluation>;

  /** Unpins an evaluation; answers it without its pin. */
  unpinGateEvaluation(evaluationId: string): Promise<GateEvaluation>;

  /** One page of stored decisions, newest first. */
  listDecisions(request?: ListGateDecisionsRequest): Promise<GateDecisionPage>;

  /** One decision with every gate evaluation and its evidence. */
  getDecision(decisionId: string): Promise<GateDecision>;

  /** The newest decision about one version in each environment. */
  latestDecisions(
    entityRef: string,
    version: string,
  ): Promise<LatestGateDecisionsResponse>;

  /**
   * The catalog table's columns for many entities at once (at most 100
   * refs), decisions of `environment` (default `production`).
   */
  getCatalogColumns(
    entityRefs: string[],
    environment?: string,
  ): Promise<CatalogColumnsResponse>;

  /** The entity's environments and versions one may ask about. */
  gateCandidates(entityRef: string): Promise<GateCandidatesResponse>;

  /** Overrides a gate (or every gate) for an entity, environment and version. */
  createOverride(request: CreateGateOverrideRequest): Promise<GateOverride>;

  /** Overrides a gate of a decision, or the whole decision. */
  overrideDecision(
    decisionId: string,
    request: OverrideGateDecisionRequest,
  ): Promise<GateOverride>;

  /** Overrides, newest first. */
  listOverrides(
    request?: ListGateOverridesRequest,
  ): Promise<GateOverrideListResponse>;

  /** Ends an override before it expires; the reason is kept. */
  revokeOverride(overrideId: string, reason: string): Promise<GateOverride>;

  /** How often each gate and criterion judged versions right, and flaky criteria. */
  getGateEffectiveness(
    request: GateEffectivenessRequest,
  ): Promise<GateEffectivenessResponse>;

  /** Deployments, gate decisions and incidents of a range, environments as lanes. */
  getDeliveryTimeline(
    request: DeliveryTimelineRequest,
  ): Promise<DeliveryTimeline>;

  /** The version each environment runs, and how far it is ahead of production. */
  getEnvironmentStates(
    request: EnvironmentStatesRequest,
  ): Promise<EnvironmentStates>;

  /** One deployment with its changes, run, gate decisions and incidents. */
  getDeploymentView(deploymentId: string): Promise<DeploymentView>;

  /** Runs, failures and durations of each pipeline and its tasks. */
  getPipelineStats(
    request: PipelineStatsRequest,
  ): Promise<PipelineStatsResponse>;

  /** Everything that happened to one commit or version, in time order. */
  getPathToProduction(
    request: PathToProductionRequest,
  ): Promise<PathToProduction>;

  /** One page of pipeline runs, newest first. */
  listPipelineRuns(
    request: ListPipelineRunsRequest,
  ): Promise<PipelineRunListResponse>;

  /** One trace's spans for a waterfall, ordered by start. */
  getTrace(traceId: string): Promise<TraceResponse>;
}

/** @public */
export const qualityGatesApiRef = createApiRef<QualityGatesApi>({
  id: 'plugin.quality-gates.service',
});
