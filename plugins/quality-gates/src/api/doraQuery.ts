import { QueryOf } from './backendClient';
import { DoraScopeRequest, DoraWindowRequest } from './QualityGatesApi';

/**
 * The scope and window of a DORA call as query parameters. The backend wants
 * exactly one of entityRef, group and system.
 */
export function doraQuery(
  scope: DoraScopeRequest,
  window: DoraWindowRequest,
): QueryOf<'/dora/metrics'> {
  const query: QueryOf<'/dora/metrics'> = {};
  if ('entityRef' in scope) query.entityRef = scope.entityRef;
  else if ('group' in scope) query.group = scope.group;
  else query.system = scope.system;
  if (window.from) query.from = window.from;
  if (window.to) query.to = window.to;
  return query;
}
