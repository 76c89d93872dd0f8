import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeliveryTimeline,
  DeploymentListResponse,
  DeploymentView,
  DoraDetailsResponse,
  DoraMetricName,
  DoraMetricsResponse,
  DoraTrendResponse,
  EntityReadinessResponse,
  EnvironmentStates,
  GateDecision,
  GateDecisionPage,
  GateEffectivenessResponse,
  GateEvaluation,
  GateOverride,
  PathToProduction,
  PipelineRunListResponse,
  PipelineStatsResponse,
  QUALITY_GATES_PLUGIN_ID,
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
import {
  CatalogColumnsResponse,
  CreateGateOverrideRequest,
  CreateReadinessExemptionRequest,
  DeliveryTimelineRequest,
  DoraDetailsRequest,
  DoraScopeRequest,
  DoraWindowRequest,
  EnvironmentStatesRequest,
  EvaluateGatesRequest,
  GateDecisionResponse,
  GateCandidatesResponse,
  GateEffectivenessRequest,
  GateEvaluationFilters,
  GateEvaluationListResponse,
  GateOverrideListResponse,
  GateStatusResponse,
  LatestGateDecisionsResponse,
  ListGateDecisionsRequest,
  ListGateOverridesRequest,
  OverrideGateDecisionRequest,
  ListDeploymentsRequest,
  ListGateEvaluationsRequest,
  ListPipelineRunsRequest,
  OverrideGateEvaluationRequest,
  ListReadinessExemptionsRequest,
  PathToProductionRequest,
  PipelineStatsRequest,
  QualityGatesApi,
  ReadinessHistoryRequest,
  ReadinessOverviewFilters,
  ReadinessOverviewRequest,
  ReadinessRollupRequest,
} from './QualityGatesApi';
import { doraQuery } from './doraQuery';
import { gateEvaluationsQuery } from './gateQuery';
import { readinessOverviewQuery } from './readinessQuery';
import { queryOf } from './deliveryQuery';

/**
 * Calls the quality-gates backend with the signed-in user's credentials
 * (fetchApi adds them).
 *
 * @public
 */
export class QualityGatesClient implements QualityGatesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listDeployments(
    request: ListDeploymentsRequest,
  ): Promise<DeploymentListResponse> {
    const query = new URLSearchParams({ entityRef: request.entityRef });
    if (request.environment) query.set('environment', request.environment);
    if (request.status) query.set('status', request.status);
    if (request.limit !== undefined) query.set('limit', String(request.limit));
    if (request.offset !== undefined)
      query.set('offset', String(request.offset));
    return this.get<DeploymentListResponse>(`/deployments?${query}`);
  }

  async getReadinessChecks(): Promise<ReadinessChecksResponse> {
    return this.get<ReadinessChecksResponse>('/readiness/checks');
  }

  async getEntityReadiness(
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    const query = new URLSearchParams({ entityRef });
    return this.get<EntityReadinessResponse>(`/readiness/entity?${query}`);
  }

  async evaluateEntityReadiness(
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    const query = new URLSearchParams({ entityRef });
    return this.post<EntityReadinessResponse>(
      `/readiness/entity/evaluate?${query}`,
    );
  }

  async getEntityReadinessHistory(
    entityRef: string,
    request: ReadinessHistoryRequest = {},
  ): Promise<ReadinessHistoryResponse> {
    const query = new URLSearchParams({ entityRef });
    if (request.from) query.set('from', request.from);
    if (request.limit !== undefined) query.set('limit', String(request.limit));
    return this.get<ReadinessHistoryResponse>(
      `/readiness/entity/history?${query}`,
    );
  }

  async getReadinessOverview(
    request: ReadinessOverviewRequest = {},
  ): Promise<ReadinessOverviewResponse> {
    const query = readinessOverviewQuery(request);
    return this.get<ReadinessOverviewResponse>(`/readiness/overview?${query}`);
  }

  async getReadinessRollup(
    request: ReadinessRollupRequest,
  ): Promise<ReadinessRollupResponse> {
    const query = new URLSearchParams();
    if ('group' in request) query.set('group', request.group);
    else query.set('system', request.system);
    if (request.worstChecks !== undefined) {
      query.set('worstChecks', String(request.worstChecks));
    }
    return this.get<ReadinessRollupResponse>(`/readiness/rollup?${query}`);
  }

  async getReadinessOverviewGroups(
    groupBy: ReadinessGroupBy,
    filters: ReadinessOverviewFilters = {},
  ): Promise<ReadinessOverviewGroupsResponse> {
    // Groups have no order of rows to ask for.
    const { sort: _sort, order: _order, ...narrowing } = filters;
    const query = readinessOverviewQuery(narrowing);
    query.set('groupBy', groupBy);
    return this.get<ReadinessOverviewGroupsResponse>(
      `/readiness/overview/groups?${query}`,
    );
  }

  async exportReadinessOverview(
    filters: ReadinessOverviewFilters = {},
  ): Promise<Blob> {
    // No paging: the export holds every matching row.
    const query = readinessOverviewQuery(filters);
    const response = await this.request(`/readiness/overview/export?${query}`);
    return response.blob();
  }

  async listReadinessExemptions(
    request: ListReadinessExemptionsRequest = {},
  ): Promise<ReadinessExemptionListResponse> {
    const query = new URLSearchParams();
    if (request.entityRef) query.set('entityRef', request.entityRef);
    if (request.active !== undefined)
      query.set('active', String(request.active));
    if (request.limit !== undefined) query.set('limit', String(request.limit));
    return this.get<ReadinessExemptionListResponse>(
      `/readiness/exemptions?${query}`,
    );
  }

  async createReadinessExemption(
    request: CreateReadinessExemptionRequest,
  ): Promise<ReadinessExemption> {
    return this.post<ReadinessExemption>('/readiness/exemptions', {
      entityRef: request.entityRef,
      checkId: request.checkId,
      reason: request.reason,
      expiresAt: request.expiresAt,
    });
  }

  async revokeReadinessExemption(
    exemptionId: string,
  ): Promise<ReadinessExemption> {
    return this.post<ReadinessExemption>(
      `/readiness/exemptions/${encodeURIComponent(exemptionId)}/revoke`,
    );
  }

  async getDoraMetrics(
    scope: DoraScopeRequest,
    window: DoraWindowRequest = {},
  ): Promise<DoraMetricsResponse> {
    const query = doraQuery(scope, window);
    return this.get<DoraMetricsResponse>(`/dora/metrics?${query}`);
  }

  async getDoraTrend(
    scope: DoraScopeRequest,
    window: DoraWindowRequest = {},
  ): Promise<DoraTrendResponse> {
    const query = doraQuery(scope, window);
    return this.get<DoraTrendResponse>(`/dora/trend?${query}`);
  }

  async getDoraDetails(
    scope: DoraScopeRequest,
    metric: DoraMetricName,
    request: DoraDetailsRequest = {},
  ): Promise<DoraDetailsResponse> {
    const query = doraQuery(scope, request);
    query.set('metric', metric);
    if (request.limit !== undefined) query.set('limit', String(request.limit));
    if (request.offset !== undefined)
      query.set('offset', String(request.offset));
    return this.get<DoraDetailsResponse>(`/dora/details?${query}`);
  }

  async evaluateGates(
    request: EvaluateGatesRequest,
  ): Promise<GateDecisionResponse> {
    return this.post<GateDecisionResponse>('/gates/evaluate', {
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      ...(request.trigger ? { trigger: request.trigger } : {}),
    });
  }

  async getGateStatus(entityRef: string): Promise<GateStatusResponse> {
    const query = new URLSearchParams({ entityRef });
    return this.get<GateStatusResponse>(`/gates/status?${query}`);
  }

  async listGateEvaluations(
    request: ListGateEvaluationsRequest = {},
  ): Promise<GateEvaluationListResponse> {
    const query = gateEvaluationsQuery(request);
    return this.get<GateEvaluationListResponse>(`/gates/evaluations?${query}`);
  }

  async getGateEvaluation(evaluationId: string): Promise<GateEvaluation> {
    return this.get<GateEvaluation>(
      `/gates/evaluations/${encodeURIComponent(evaluationId)}`,
    );
  }

  async exportGateEvaluations(
    filters: GateEvaluationFilters = {},
  ): Promise<Blob> {
    // No paging: the export holds every matching evaluation.
    const query = gateEvaluationsQuery(filters);
    const response = await this.request(`/gates/evaluations/export?${query}`);
    return response.blob();
  }

  async overrideGateEvaluation(
    evaluationId: string,
    request: OverrideGateEvaluationRequest,
  ): Promise<GateEvaluation> {
    return this.post<GateEvaluation>(
      `/gates/evaluations/${encodeURIComponent(evaluationId)}/override`,
      {
        verdict: request.verdict,
        reason: request.reason,
        expiresAt: request.expiresAt,
      },
    );
  }

  async pinGateEvaluation(evaluationId: string): Promise<GateEvaluation> {
    return this.post<GateEvaluation>(
      `/gates/evaluations/${encodeURIComponent(evaluationId)}/pin`,
    );
  }

  async unpinGateEvaluation(evaluationId: string): Promise<GateEvaluation> {
    return this.post<GateEvaluation>(
      `/gates/evaluations/${encodeURIComponent(evaluationId)}/unpin`,
    );
  }

  async listDecisions(
    request: ListGateDecisionsRequest = {},
  ): Promise<GateDecisionPage> {
    // Empty filters are left out: the backend would filter on ''.
    const query = queryOf(
      Object.fromEntries(
        Object.entries(request).filter(([, value]) => value !== ''),
      ),
    );
    return this.get<GateDecisionPage>(`/gates/decisions?${query}`);
  }

  async getDecision(decisionId: string): Promise<GateDecision> {
    return this.get<GateDecision>(
      `/gates/decisions/${encodeURIComponent(decisionId)}`,
    );
  }

  async latestDecisions(
    entityRef: string,
    version: string,
  ): Promise<LatestGateDecisionsResponse> {
    const query = queryOf({ entityRef, version });
    return this.get<LatestGateDecisionsResponse>(
      `/gates/decisions/latest?${query}`,
    );
  }

  async gateCandidates(entityRef: string): Promise<GateCandidatesResponse> {
    const query = queryOf({ entityRef });
    return this.get<GateCandidatesResponse>(`/gates/candidates?${query}`);
  }

  async getCatalogColumns(
    entityRefs: string[],
    environment?: string,
  ): Promise<CatalogColumnsResponse> {
    // `entityRef` once per entity: the backend reads it as a list.
    const query = new URLSearchParams(
      entityRefs.map(entityRef => ['entityRef', entityRef]),
    );
    if (environment) query.set('environment', environment);
    return this.get<CatalogColumnsResponse>(`/catalog-columns?${query}`);
  }

  async createOverride(
    request: CreateGateOverrideRequest,
  ): Promise<GateOverride> {
    return this.post<GateOverride>('/gates/overrides', { ...request });
  }

  async overrideDecision(
    decisionId: string,
    request: OverrideGateDecisionRequest,
  ): Promise<GateOverride> {
    return this.post<GateOverride>(
      `/gates/decisions/${encodeURIComponent(decisionId)}/override`,
      { ...request },
    );
  }

  async listOverrides(
    request: ListGateOverridesRequest = {},
  ): Promise<GateOverrideListResponse> {
    const query = queryOf({
      entityRef: request.entityRef,
      environment: request.environment,
      version: request.version,
      active: request.active === undefined ? undefined : String(request.active),
    });
    return this.get<GateOverrideListResponse>(`/gates/overrides?${query}`);
  }

  async revokeOverride(
    overrideId: string,
    reason: string,
  ): Promise<GateOverride> {
    return this.post<GateOverride>(
      `/gates/overrides/${encodeURIComponent(overrideId)}/revoke`,
      { reason },
    );
  }

  async getGateEffectiveness(
    request: GateEffectivenessRequest,
  ): Promise<GateEffectivenessResponse> {
    const query = queryOf({
      from: request.from,
      to: request.to,
      gateId: request.gateId,
      entityRef: request.entityRef,
      owner: request.owner,
    });
    return this.get<GateEffectivenessResponse>(`/gates/effectiveness?${query}`);
  }

  async getDeliveryTimeline(
    request: DeliveryTimelineRequest,
  ): Promise<DeliveryTimeline> {
    const query = queryOf({
      entityRef: request.entityRef,
      from: request.from,
      to: request.to,
    });
    return this.get<DeliveryTimeline>(`/timeline?${query}`);
  }

  async getEnvironmentStates(
    request: EnvironmentStatesRequest,
  ): Promise<EnvironmentStates> {
    const query = queryOf({ entityRef: request.entityRef });
    return this.get<EnvironmentStates>(`/environments?${query}`);
  }

  async getDeploymentView(deploymentId: string): Promise<DeploymentView> {
    return this.get<DeploymentView>(
      `/deployments/${encodeURIComponent(deploymentId)}`,
    );
  }

  async getPipelineStats(
    request: PipelineStatsRequest,
  ): Promise<PipelineStatsResponse> {
    const query = queryOf({
      entityRef: request.entityRef,
      pipelineName: request.pipelineName,
      from: request.from,
      to: request.to,
    });
    return this.get<PipelineStatsResponse>(`/pipelines/stats?${query}`);
  }

  async getPathToProduction(
    request: PathToProductionRequest,
  ): Promise<PathToProduction> {
    const query = queryOf({
      entityRef: request.entityRef,
      sha: request.sha,
      version: request.version,
    });
    return this.get<PathToProduction>(`/path-to-production?${query}`);
  }

  async listPipelineRuns(
    request: ListPipelineRunsRequest,
  ): Promise<PipelineRunListResponse> {
    const query = queryOf({
      entityRef: request.entityRef,
      pipelineName: request.pipelineName,
      result: request.result,
      sha: request.sha,
      from: request.from,
      to: request.to,
      limit: request.limit,
      offset: request.offset,
    });
    return this.get<PipelineRunListResponse>(`/pipeline-runs?${query}`);
  }

  async getTrace(traceId: string): Promise<TraceResponse> {
    return this.get<TraceResponse>(`/traces/${encodeURIComponent(traceId)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const response = await this.request(path);
    return (await response.json()) as T;
  }

  private async post<T>(path: string, body?: unknown): Promise<T> {
    const response = await this.request(path, {
      method: 'POST',
      ...(body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    return (await response.json()) as T;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(QUALITY_GATES_PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
