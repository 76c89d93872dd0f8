import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { ReadinessCheckContext } from '@can-i-deploy/plugin-quality-gates-node';

/** The fixture repositories the source checks' tests serve over HTTP. */
export const FIXTURE_REPOSITORIES = path.resolve(
  __dirname,
  '../__fixtures__/repositories',
);

export const silentLogger = mockServices.rootLogger({ level: 'none' });

/** What a check gets besides the entity: no catalog facts, a live signal. */
export function checkContext(
  signal: AbortSignal = new AbortController().signal,
): ReadinessCheckContext {
  return {
    catalog: { kindOf: () => undefined },
    logger: silentLogger,
    signal,
  };
}

/** A production service owned by a team, with the given annotations. */
export function componentWith(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'subject', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-a',
    },
  };
}

/** A component whose source location is `repository` on the file server. */
export function componentIn(
  baseUrl: string,
  repository: string,
  annotations: Record<string, string> = {},
): Entity {
  return componentWith({
    'backstage.io/source-location': `url:${baseUrl}/${repository}/`,
    ...annotations,
  });
}
