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
import { BackendClient, createBackendClient } from './backendClient';
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
  private readonly backend: BackendClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.backend = createBackendClient(options);
  }

  async listDeployments(
    request: ListDeploymentsRequest,
  ): Promise<DeploymentListResponse> {
    const list = await this.backend.get('/deployments', {
      params: {
        query: {
          entityRef: request.entityRef,
          environment: request.environment || undefined,
          status: request.status || undefined,
          limit: request.limit,
          offset: request.offset,
        },
      },
    });
    return { ...list, items: withChanges(list.items) };
  }

  async getReadinessChecks(): Promise<ReadinessChecksResponse> {
    return this.backend.get('/readiness/checks', {});
  }

  async getEntityReadiness(
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    return this.backend.get('/readiness/entity', {
      params: { query: { entityRef } },
    });
  }

  async evaluateEntityReadiness(
    entityRef: string,
  ): Promise<EntityReadinessResponse> {
    return this.backend.post('/readiness/entity/evaluate', {
      params: { query: { entityRef } },
    });
  }

  async getEntityReadinessHistory(
    entityRef: string,
    request: ReadinessHistoryRequest = {},
  ): Promise<ReadinessHistoryResponse> {
    return this.backend.get('/readiness/entity/history', {
      params: {
        query: {
          entityRef,
          from: request.from || undefined,
          limit: request.limit,
        },
      },
    });
  }

  async getReadinessOverview(
    request: ReadinessOverviewRequest = {},
  ): Promise<ReadinessOverviewResponse> {
    return this.backend.get('/readiness/overview', {
      params: { query: readinessOverviewQuery(request) },
    });
  }

  async getReadinessRollup(
    request: ReadinessRollupRequest,
  ): Promise<ReadinessRollupResponse> {
    const scope =
      'group' in request
        ? { group: request.group }
        : { system: request.system };
    return this.backend.get('/readiness/rollup', {
      params: {
        query: { ...scope, worstChecks: request.worstChecks },
      },
    });
  }

  async getReadinessOverviewGroups(
    groupBy: ReadinessGroupBy,
    filters: ReadinessOverviewFilters = {},
  ): Promise<ReadinessOverviewGroupsResponse> {
    // Groups have no order of rows to ask for.
    const { sort: _sort, order: _order, ...narrowing } = filters;
    return this.backend.get('/readiness/overview/groups', {
      params: {
        query: { ...readinessOverviewQuery(narrowing), groupBy },
      },
    });
  }

  async exportReadinessOverview(
    filters: ReadinessOverviewFilters = {},
  ): Promise<Blob> {
    // No paging: the export holds every matching row.
    return this.backend.download('/readiness/overview/export', {
      params: { query: readinessOverviewQuery(filters) },
    });
  }

  async listReadinessExemptions(
    request: ListReadinessExemptionsRequest = {},
  ): Promise<ReadinessExemptionListResponse> {
    return this.backend.get('/readiness/exemptions', {
      params: {
        query: {
          entityRef: request.entityRef || undefined,
          active: request.active,
          limit: request.limit,
        },
      },
    });
  }

  async createReadinessExemption(
    request: CreateReadinessExemptionRequest,
  ): Promise<ReadinessExemption> {
    return this.backend.post('/readiness/exemptions', {
      body: {
        entityRef: request.entityRef,
        checkId: request.checkId,
        reason: request.reason,
        expiresAt: request.expiresAt,
      },
    });
  }

  async revokeReadinessExemption(
    exemptionId: string,
  ): Promise<ReadinessExemption> {
    return this.backend.post('/readiness/exemptions/{exemptionId}/revoke', {
      params: { path: { exemptionId } },
    });
  }

  async getDoraMetrics(
    scope: DoraScopeRequest,
    window: DoraWindowRequest = {},
  ): Promise<DoraMetricsResponse> {
    return this.backend.get('/dora/metrics', {
      params: { query: doraQuery(scope, window) },
    });
  }

  async getDoraTrend(
    scope: DoraScopeRequest,
    window: DoraWindowRequest = {},
  ): Promise<DoraTrendResponse> {
    return this.backend.get('/dora/trend', {
      params: { query: doraQuery(scope, window) },
    });
  }

  async getDoraDetails(
    scope: DoraScopeRequest,
    metric: DoraMetricName,
    request: DoraDetailsRequest = {},
  ): Promise<DoraDetailsResponse> {
    return this.backend.get('/dora/details', {
      params: {
        query: {
          ...doraQuery(scope, request),
          metric,
          limit: request.limit,
          offset: request.offset,
        },
      },
    });
  }

  async evaluateGates(
    request: EvaluateGatesRequest,
  ): Promise<GateDecisionResponse> {
    return withDomainEvidence(
      await this.backend.post('/gates/evaluate', {
        body: {
          entityRef: request.entityRef,
          environment: request.environment,
          version: request.version,
          // Left to the backend's default unless asked for.
          ...(request.trigger ? { trigger: request.trigger } : {}),
        },
      }),
    );
  }

  async getGateStatus(entityRef: string): Promise<GateStatusResponse> {
    return withDomainEvidence(
      await this.backend.get('/gates/status', {
        params: { query: { entityRef } },
      }),
    );
  }

  async listGateEvaluations(
    request: ListGateEvaluationsRequest = {},
  ): Promise<GateEvaluationListResponse> {
    return withDomainEvidence(
      await this.backend.get('/gates/evaluations', {
        params: { query: gateEvaluationsQuery(request) },
      }),
    );
  }

  async getGateEvaluation(evaluationId: string): Promise<GateEvaluation> {
    return withDomainEvidence(
      await this.backend.get('/gates/evaluations/{evaluationId}', {
        params: { path: { evaluationId } },
      }),
    );
  }

  async exportGateEvaluations(
    filters: GateEvaluationFilters = {},
  ): Promise<Blob> {
    // No paging: the export holds every matching evaluation.
    return this.backend.download('/gates/evaluations/export', {
      params: { query: gateEvaluationsQuery(filters) },
    });
  }

  async overrideGateEvaluation(
    evaluationId: string,
    request: OverrideGateEvaluationRequest,
  ): Promise<GateEvaluation> {
    return withDomainEvidence(
      await this.backend.post('/gates/evaluations/{evaluationId}/override', {
        params: { path: { evaluationId } },
        body: {
          verdict: request.verdict,
          reason: request.reason,
          expiresAt: request.expiresAt,
        },
      }),
    );
  }

  async pinGateEvaluation(evaluationId: string): Promise<GateEvaluation> {
    return withDomainEvidence(
      await this.backend.post('/gates/evaluations/{evaluationId}/pin', {
        params: { path: { evaluationId } },
      }),
    );
  }

  async unpinGateEvaluation(evaluationId: string): Promise<GateEvaluation> {
    return withDomainEvidence(
      await this.backend.post('/gates/evaluations/{evaluationId}/unpin', {
        params: { path: { evaluationId } },
      }),
    );
  }

  async listDecisions(
    request: ListGateDecisionsRequest = {},
  ): Promise<GateDecisionPage> {
    return withDomainEvidence(
      await this.backend.get('/gates/decisions', {
        params: { query: withoutEmpty(request) },
      }),
    );
  }

  async getDecision(decisionId: string): Promise<GateDecision> {
    return withDomainEvidence(
      await this.backend.get('/gates/decisions/{decisionId}', {
        params: { path: { decisionId } },
      }),
    );
  }

  async latestDecisions(
    entityRef: string,
    version: string,
  ): Promise<LatestGateDecisionsResponse> {
    return withDomainEvidence(
      await this.backend.get('/gates/decisions/latest', {
        params: { query: { entityRef, version } },
      }),
    );
  }

  async gateCandidates(entityRef: string): Promise<GateCandidatesResponse> {
    return this.backend.get('/gates/candidates', {
      params: { query: { entityRef } },
    });
  }

  async getCatalogColumns(
    entityRefs: string[],
    environment?: string,
  ): Promise<CatalogColumnsResponse> {
    // `entityRef` once per entity: the backend reads it as a list.
    return this.backend.get('/catalog-columns', {
      params: {
        query: { entityRef: entityRefs, environment: environment || undefined },
      },
    });
  }

  async createOverride(
    request: CreateGateOverrideRequest,
  ): Promise<GateOverride> {
    return this.backend.post('/gates/overrides', {
      body: { ...request },
    });
  }

  async overrideDecision(
    decisionId: string,
    request: OverrideGateDecisionRequest,
  ): Promise<GateOverride> {
    return this.backend.post('/gates/decisions/{decisionId}/override', {
      params: { path: { decisionId } },
      body: { ...request },
    });
  }

  async listOverrides(
    request: ListGateOverridesRequest = {},
  ): Promise<GateOverrideListResponse> {
    return this.backend.get('/gates/overrides', {
      params: {
        query: {
          entityRef: request.entityRef,
          environment: request.environment,
          version: request.version,
          active: request.active,
        },
      },
    });
  }

  async revokeOverride(
    overrideId: string,
    reason: string,
  ): Promise<GateOverride> {
    return this.backend.post('/gates/overrides/{overrideId}/revoke', {
      params: { path: { overrideId } },
      body: { reason },
    });
  }

  async getGateEffectiveness(
    request: GateEffectivenessRequest,
  ): Promise<GateEffectivenessResponse> {
    return this.backend.get('/gates/effectiveness', {
      params: {
        query: {
          from: request.from,
          to: request.to,
          gateId: request.gateId,
          entityRef: request.entityRef,
          owner: request.owner,
        },
      },
    });
  }

  async getDeliveryTimeline(
    request: DeliveryTimelineRequest,
  ): Promise<DeliveryTimeline> {
    return this.backend.get('/timeline', {
      params: {
        query: {
          entityRef: request.entityRef,
          from: request.from,
          to: request.to,
        },
      },
    });
  }

  async getEnvironmentStates(
    request: EnvironmentStatesRequest,
  ): Promise<EnvironmentStates> {
    return this.backend.get('/environments', {
      params: { query: { entityRef: request.entityRef } },
    });
  }

  async getDeploymentView(deploymentId: string): Promise<DeploymentView> {
    return this.backend.get('/deployments/{deploymentId}', {
      params: { path: { deploymentId } },
    });
  }

  async getPipelineStats(
    request: PipelineStatsRequest,
  ): Promise<PipelineStatsResponse> {
    return this.backend.get('/pipelines/stats', {
      params: {
        query: {
          entityRef: request.entityRef,
          pipelineName: request.pipelineName,
          from: request.from,
          to: request.to,
        },
      },
    });
  }

  async getPathToProduction(
    request: PathToProductionRequest,
  ): Promise<PathToProduction> {
    return this.backend.get('/path-to-production', {
      params: {
        query: {
          entityRef: request.entityRef,
          sha: request.sha,
          version: request.version,
        },
      },
    });
  }

  async listPipelineRuns(
    request: ListPipelineRunsRequest,
  ): Promise<PipelineRunListResponse> {
    return this.backend.get('/pipeline-runs', {
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
    });
  }

  async getTrace(traceId: string): Promise<TraceResponse> {
    return this.backend.get('/traces/{traceId}', {
      params: { path: { traceId } },
    });
  }
}
