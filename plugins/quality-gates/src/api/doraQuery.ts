import { DoraScopeRequest, DoraWindowRequest } from './QualityGatesApi';

/**
 * The scope and window of a DORA call as a query string. The backend wants
 * exactly one of entityRef, group and system.
 */
export function doraQuery(
  scope: DoraScopeRequest,
  window: DoraWindowRequest,
): URLSearchParams {
  const query = new URLSearchParams();
  if ('entityRef' in scope) query.set('entityRef', scope.entityRef);
  else if ('group' in scope) query.set('group', scope.group);
  else query.set('system', scope.system);
  if (window.from) query.set('from', window.from);
  if (window.to) query.set('to', window.to);
  return query;
}
