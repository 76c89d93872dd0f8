import { ListGateEvaluationsRequest } from './QualityGatesApi';

const TEXT_FILTERS = [
  'entityRef',
  'owner',
  'gateId',
  'environment',
  'verdict',
  'from',
  'to',
] as const;

/**
 * The evaluation history's query string. Empty filters are left out: the
 * backend would read them as filters on the empty string.
 */
export function gateEvaluationsQuery(
  request: ListGateEvaluationsRequest,
): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = request[name];
    if (value) query.set(name, value);
  }
  if (request.overridden !== undefined) {
    query.set('overridden', String(request.overridden));
  }
  if (request.limit !== undefined) query.set('limit', String(request.limit));
  if (request.offset !== undefined) query.set('offset', String(request.offset));
  return query;
}
