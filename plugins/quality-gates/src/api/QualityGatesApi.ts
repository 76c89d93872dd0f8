import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeploymentListResponse,
  DeploymentStatus,
  DoraDetailsResponse,
  DoraMetricName,
  DoraMetricsResponse,
  DoraTrendResponse,
  EntityReadinessResponse,
  ReadinessChecksResponse,
  ReadinessExemption,
  ReadinessExemptionListResponse,
  ReadinessHistoryResponse,
  ReadinessOverviewResponse,
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
}

/** @public */
export const qualityGatesApiRef = createApiRef<QualityGatesApi>({
  id: 'plugin.quality-gates.service',
});
