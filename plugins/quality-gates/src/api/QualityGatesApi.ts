import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeploymentListResponse,
  DeploymentStatus,
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
 * Client of the quality-gates backend.
 *
 * @public
 */
export interface QualityGatesApi {
  listDeployments(
    request: ListDeploymentsRequest,
  ): Promise<DeploymentListResponse>;
}

/** @public */
export const qualityGatesApiRef = createApiRef<QualityGatesApi>({
  id: 'plugin.quality-gates.service',
});
