import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeploymentListResponse,
  QUALITY_GATES_PLUGIN_ID,
} from '@can-i-deploy/plugin-quality-gates-common';
import { ListDeploymentsRequest, QualityGatesApi } from './QualityGatesApi';

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

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(QUALITY_GATES_PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
