import { useCallback } from 'react';
import { useEntityLinks } from './useEntityLinks';

/**
 * Where the app mounts the CI pipelines tab on an entity page.
 *
 * @public
 */
export const ENTITY_PIPELINES_TAB_PATH = 'ci-pipelines';

/** What a link opens on the CI pipelines tab. */
export interface PipelinesTabTarget {
  /** A run, with its trace when it has one. */
  run?: string;
  trace?: string;
  /** The path to production of a commit or of a version. */
  sha?: string;
  version?: string;
}

/** The tab's query string for a target, e.g. `?run=…&trace=…&sha=…`. */
export function pipelinesTabSearch(target: PipelinesTabTarget): string {
  const params = new URLSearchParams();
  for (const name of ['run', 'trace', 'sha', 'version'] as const) {
    const value = target[name];
    if (value) params.set(name, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Builds links to an entity's CI pipelines tab, opened on a target. */
export function usePipelinesTabLink() {
  const { entityPage } = useEntityLinks();
  return useCallback(
    (entityRef: string, target: PipelinesTabTarget = {}) =>
      `${entityPage(entityRef).replace(
        /\/$/,
        '',
      )}/${ENTITY_PIPELINES_TAB_PATH}${pipelinesTabSearch(target)}`,
    [entityPage],
  );
}
