import { QueryOf } from './backendClient';
import { withoutEmpty } from './deliveryQuery';
import { ReadinessOverviewRequest } from './QualityGatesApi';

/**
 * The overview's query parameters. Empty values are left out: the backend
 * reads an empty filter as a filter on the empty string.
 */
export function readinessOverviewQuery(
  request: ReadinessOverviewRequest,
): QueryOf<'/readiness/overview'> {
  return withoutEmpty({
    kind: request.kind,
    lifecycle: request.lifecycle,
    owner: request.owner,
    system: request.system,
    level: request.level,
    failingCheck: request.failingCheck,
    q: request.q,
    sort: request.sort,
    order: request.order,
    limit: request.limit,
    offset: request.offset,
  });
}
