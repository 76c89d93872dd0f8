import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
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
  TraceResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
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
} from './QualityGatesApi';
import { BackendClient, createBackendClient, dataOf } from './backendClient';
import { withChanges, withDomainEvidence } from './backendResponses';
import { doraQuery } from './doraQuery';
import { gateEvaluationsQuery } from './gateQuery';
import { readinessOverviewQuery } from './readinessQuery';
import { withoutEmpty } from './deliveryQuery';

/**
 * Calls the quality-gates backend with the signed-in user's credentials
 * (fetchApi adds them). Every call goes through the client typed from the
 * backend's openapi.yaml, so a path, parameter or body the backend does not
 * accept is a type error here.
 *
 * @public
 */
export class QualityGatesClient implements QualityGatesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly backend: BackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.backend = createBackendClient(options.fetchApi);
  }

  async listDeployments(
    request: ListDeploymentsRequest,
  ): Promise<DeploymentListResponse> {
    const list = await dataOf(
      this.backend.GET('/deployments', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            entityRef: request.entityRef,
            environment: request.environment || undefined,
            status: request.status || undefined,
            limit: request.limit,
            offset: request.offset,
          },
        },
      }),
    );
    return { ...list, items: withChanges(list.items) };
  }

  async getReadinessChecks(): Promise<ReadinessChecksResponse> {
    return dataOf(
      this.backend.GET('/readiness/checks', { baseUrl: await this.baseUrl() }),
    );
  }

  async getEntityReadiness(
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    return dataOf(
      this.backend.GET('/readiness/entity', {
        baseUrl: await this.baseUrl(),
        params: { query: { entityRef } },
      }),
    );
  }

  async evaluateEntityReadiness(
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    return dataOf(
      this.backend.POST('/readiness/entity/evaluate', {
        baseUrl: await this.baseUrl(),
        params: { query: { entityRef } },
      }),
    );
  }

  async getEntityReadinessHistory(
    entityRef: string,
    request: ReadinessHistoryRequest = {},
  ): Promise<ReadinessHistoryResponse> {
    return dataOf(
      this.backend.GET('/readiness/entity/history', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            entityRef,
            from: request.from || undefined,
            limit: request.limit,
          },
        },
      }),
    );
  }

  async getReadinessOverview(
    request: ReadinessOverviewRequest = {},
  ): Promise<ReadinessOverviewResponse> {
    return dataOf(
      this.backend.GET('/readiness/overview', {
        baseUrl: await this.baseUrl(),
        params: { query: readinessOverviewQuery(request) },
      }),
    );
  }

  async exportReadinessOverview(
    filters: ReadinessOverviewFilters = {},
  ): Promise<Blob> {
    // No paging: the export holds every matching row.
    return dataOf(
      this.backend.GET('/readiness/overview/export', {
        baseUrl: await this.baseUrl(),
        params: { query: readinessOverviewQuery(filters) },
        parseAs: 'blob',
      }),
    );
  }

  async listReadinessExemptions(
    request: ListReadinessExemptionsRequest = {},
  ): Promise<ReadinessExemptionListResponse> {
    return dataOf(
      this.backend.GET('/readiness/exemptions', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            entityRef: request.entityRef || undefined,
            active: request.active,
            limit: request.limit,
          },
        },
      }),
    );
  }

  async createReadinessExemption(
    request: CreateReadinessExemptionRequest,
  ): Promise<ReadinessExemption> {
    return dataOf(
      this.backend.POST('/readiness/exemptions', {
        baseUrl: await this.baseUrl(),
        body: {
          entityRef: request.entityRef,
          checkId: request.checkId,
          reason: request.reason,
          expiresAt: request.expiresAt,
        },
      }),
    );
  }

  async revokeReadinessExemption(
    exemptionId: string,
  ): Promise<ReadinessExemption> {
    return dataOf(
      this.backend.POST('/readiness/exemptions/{exemptionId}/revoke', {
        baseUrl: await this.baseUrl(),
        params: { path: { exemptionId } },
      }),
    );
  }

  async getDoraMetrics(
    scope: DoraScopeRequest,
    window: DoraWindowRequest = {},
  ): Promise<DoraMetricsResponse> {
    return dataOf(
      this.backend.GET('/dora/metrics', {
        baseUrl: await this.baseUrl(),
        params: { query: doraQuery(scope, window) },
      }),
    );
  }

  async getDoraTrend(
    scope: DoraScopeRequest,
    window: DoraWindowRequest = {},
  ): Promise<DoraTrendResponse> {
    return dataOf(
      this.backend.GET('/dora/trend', {
        baseUrl: await this.baseUrl(),
        params: { query: doraQuery(scope, window) },
      }),
    );
  }

  async getDoraDetails(
    scope: DoraScopeRequest,
    metric: DoraMetricName,
    request: DoraDetailsRequest = {},
  ): Promise<DoraDetailsResponse> {
    return dataOf(
      this.backend.GET('/dora/details', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            ...doraQuery(scope, request),
            metric,
            limit: request.limit,
            offset: request.offset,
          },
        },
      }),
    );
  }

  async evaluateGates(
    request: EvaluateGatesRequest,
  ): Promise<GateDecisionResponse> {
    return withDomainEvidence(
      await dataOf(
        this.backend.POST('/gates/evaluate', {
          baseUrl: await this.baseUrl(),
          body: {
            entityRef: request.entityRef,
            environment: request.environment,
            version: request.version,
            // Left to the backend's default unless asked for.
            ...(request.trigger ? { trigger: request.trigger } : {}),
          },
        }),
      ),
    );
  }

  async getGateStatus(entityRef: string): Promise<GateStatusResponse> {
    return withDomainEvidence(
      await dataOf(
        this.backend.GET('/gates/status', {
          baseUrl: await this.baseUrl(),
          params: { query: { entityRef } },
        }),
      ),
    );
  }

  async listGateEvaluations(
    request: ListGateEvaluationsRequest = {},
  ): Promise<GateEvaluationListResponse> {
    return withDomainEvidence(
      await dataOf(
        this.backend.GET('/gates/evaluations', {
          baseUrl: await this.baseUrl(),
          params: { query: gateEvaluationsQuery(request) },
        }),
      ),
    );
  }

  async getGateEvaluation(evaluationId: string): Promise<GateEvaluation> {
    return withDomainEvidence(
      await dataOf(
        this.backend.GET('/gates/evaluations/{evaluationId}', {
          baseUrl: await this.baseUrl(),
          params: { path: { evaluationId } },
        }),
      ),
    );
  }

  async exportGateEvaluations(
    filters: GateEvaluationFilters = {},
  ): Promise<Blob> {
    // No paging: the export holds every matching evaluation.
    return dataOf(
      this.backend.GET('/gates/evaluations/export', {
        baseUrl: await this.baseUrl(),
        params: { query: gateEvaluationsQuery(filters) },
        parseAs: 'blob',
      }),
    );
  }

  async overrideGateEvaluation(
    evaluationId: string,
    request: OverrideGateEvaluationRequest,
  ): Promise<GateEvaluation> {
    return withDomainEvidence(
      await dataOf(
        this.backend.POST('/gates/evaluations/{evaluationId}/override', {
          baseUrl: await this.baseUrl(),
          params: { path: { evaluationId } },
          body: {
            verdict: request.verdict,
            reason: request.reason,
            expiresAt: request.expiresAt,
          },
        }),
      ),
    );
  }

  async listDecisions(
    request: ListGateDecisionsRequest = {},
  ): Promise<GateDecisionPage> {
    return withDomainEvidence(
      await dataOf(
        this.backend.GET('/gates/decisions', {
          baseUrl: await this.baseUrl(),
          params: { query: withoutEmpty(request) },
        }),
      ),
    );
  }

  async getDecision(decisionId: string): Promise<GateDecision> {
    return withDomainEvidence(
      await dataOf(
        this.backend.GET('/gates/decisions/{decisionId}', {
          baseUrl: await this.baseUrl(),
          params: { path: { decisionId } },
        }),
      ),
    );
  }

  async latestDecisions(
    entityRef: string,
    version: string,
  ): Promise<LatestGateDecisionsResponse> {
    return withDomainEvidence(
      await dataOf(
        this.backend.GET('/gates/decisions/latest', {
          baseUrl: await this.baseUrl(),
          params: { query: { entityRef, version } },
        }),
      ),
    );
  }

  async gateCandidates(entityRef: string): Promise<GateCandidatesResponse> {
    return dataOf(
      this.backend.GET('/gates/candidates', {
        baseUrl: await this.baseUrl(),
        params: { query: { entityRef } },
      }),
    );
  }

  async createOverride(
    request: CreateGateOverrideRequest,
  ): Promise<GateOverride> {
    return dataOf(
      this.backend.POST('/gates/overrides', {
        baseUrl: await this.baseUrl(),
        body: { ...request },
      }),
    );
  }

  async overrideDecision(
    decisionId: string,
    request: OverrideGateDecisionRequest,
  ): Promise<GateOverride> {
    return dataOf(
      this.backend.POST('/gates/decisions/{decisionId}/override', {
        baseUrl: await this.baseUrl(),
        params: { path: { decisionId } },
        body: { ...request },
      }),
    );
  }

  async listOverrides(
    request: ListGateOverridesRequest = {},
  ): Promise<GateOverrideListResponse> {
    return dataOf(
      this.backend.GET('/gates/overrides', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            entityRef: request.entityRef,
            environment: request.environment,
            version: request.version,
            active: request.active,
          },
        },
      }),
    );
  }

  async revokeOverride(
    overrideId: string,
    reason: string,
  ): Promise<GateOverride> {
    return dataOf(
      this.backend.POST('/gates/overrides/{overrideId}/revoke', {
        baseUrl: await this.baseUrl(),
        params: { path: { overrideId } },
        body: { reason },
      }),
    );
  }

  async getGateEffectiveness(
    request: GateEffectivenessRequest,
  ): Promise<GateEffectivenessResponse> {
    return dataOf(
      this.backend.GET('/gates/effectiveness', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            from: request.from,
            to: request.to,
            gateId: request.gateId,
            entityRef: request.entityRef,
            owner: request.owner,
          },
        },
      }),
    );
  }

  async getDeliveryTimeline(
    request: DeliveryTimelineRequest,
  ): Promise<DeliveryTimeline> {
    return dataOf(
      this.backend.GET('/timeline', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            entityRef: request.entityRef,
            from: request.from,
            to: request.to,
          },
        },
      }),
    );
  }

  async getEnvironmentStates(
    request: EnvironmentStatesRequest,
  ): Promise<EnvironmentStates> {
    return dataOf(
      this.backend.GET('/environments', {
        baseUrl: await this.baseUrl(),
        params: { query: { entityRef: request.entityRef } },
      }),
    );
  }

  async getDeploymentView(deploymentId: string): Promise<DeploymentView> {
    return dataOf(
      this.backend.GET('/deployments/{deploymentId}', {
        baseUrl: await this.baseUrl(),
        params: { path: { deploymentId } },
      }),
    );
  }

  async getPipelineStats(
    request: PipelineStatsRequest,
  ): Promise<PipelineStatsResponse> {
    return dataOf(
      this.backend.GET('/pipelines/stats', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            entityRef: request.entityRef,
            pipelineName: request.pipelineName,
            from: request.from,
            to: request.to,
          },
        },
      }),
    );
  }

  async getPathToProduction(
    request: PathToProductionRequest,
  ): Promise<PathToProduction> {
    return dataOf(
      this.backend.GET('/path-to-production', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            entityRef: request.entityRef,
            sha: request.sha,
            version: request.version,
          },
        },
      }),
    );
  }

  async listPipelineRuns(
    request: ListPipelineRunsRequest,
  ): Promise<PipelineRunListResponse> {
    return dataOf(
      this.backend.GET('/pipeline-runs', {
        baseUrl: await this.baseUrl(),
        params: {
          query: {
            entityRef: request.entityRef,
            pipelineName: request.pipelineName,
            result: request.result,
            sha: request.sha,
            from: request.from,
            to: request.to,
            limit: request.limit,
            offset: request.offset,
          },
        },
      }),
    );
  }

  async getTrace(traceId: string): Promise<TraceResponse> {
    return dataOf(
      this.backend.GET('/traces/{traceId}', {
        baseUrl: await this.baseUrl(),
        params: { path: { traceId } },
      }),
    );
  }

  /** Asked on every call: the backend's address may move. */
  private baseUrl(): Promise<string> {
    return this.discoveryApi.getBaseUrl(QUALITY_GATES_PLUGIN_ID);
  }
}
