import { QueryOf } from './backendClient';
import { withoutEmpty } from './deliveryQuery';
import { ListGateEvaluationsRequest } from './QualityGatesApi';

/**
 * The evaluation history's query parameters. Empty filters are left out: the
 * backend would read them as filters on the empty string.
 */
export function gateEvaluationsQuery(
  request: ListGateEvaluationsRequest,
): QueryOf<'/gates/evaluations'> {
  return withoutEmpty({
    entityRef: request.entityRef,
    owner: request.owner,
    gateId: request.gateId,
    environment: request.environment,
    verdict: request.verdict,
    from: request.from,
    to: request.to,
    overridden: request.overridden,
    limit: request.limit,
    offset: request.offset,
  });
}
