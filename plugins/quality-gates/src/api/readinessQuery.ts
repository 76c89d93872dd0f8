import { ReadinessOverviewRequest } from './QualityGatesApi';

const OVERVIEW_PARAMS = [
  'kind',
  'lifecycle',
  'owner',
  'system',
  'level',
  'failingCheck',
  'q',
  'sort',
  'order',
] as const;

/**
 * The overview's query string. Empty values are left out: the backend reads
 * an empty filter as a filter on the empty string.
 */
export function readinessOverviewQuery(
  request: ReadinessOverviewRequest,
): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of OVERVIEW_PARAMS) {
    const value = request[name];
    if (value) query.set(name, value);
  }
  if (request.limit !== undefined) query.set('limit', String(request.limit));
  if (request.offset !== undefined) query.set('offset', String(request.offset));
  return query;
}
