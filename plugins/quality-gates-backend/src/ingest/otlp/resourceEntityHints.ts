import { EntityHints } from '../../catalog/EntityResolver';
import {
  githubSlugOf,
  normaliseCiAttributes,
  normaliseRepository,
} from './ciAttributes';
import { Attributes } from './OtlpTraces';

/**
 * Resource attribute naming the catalog entity a resource's spans belong
 * to, e.g. `component:default/checkout`; set it with
 * `OTEL_RESOURCE_ATTRIBUTES=backstage.entity_ref=component:default/checkout`
 * where the service name alone does not identify the entity.
 */
export const ENTITY_REF_ATTRIBUTE = 'backstage.entity_ref';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * What a resource says about its entity: `service.name`, an explicit
 * `backstage.entity_ref`, and the GitHub repository of its
 * `vcs.repository.url.full` (or of the GitHub receiver's owner and name).
 */
export function resourceEntityHints(resource: Attributes): EntityHints {
  const hints: EntityHints = {};
  const entityRef = text(resource[ENTITY_REF_ATTRIBUTE]);
  const serviceName = text(resource['service.name']);
  const repositorySlug = githubSlugOf(
    normaliseRepository(normaliseCiAttributes(resource)),
  );
  if (entityRef) hints.entityRef = entityRef;
  if (serviceName) hints.serviceName = serviceName;
  if (repositorySlug) hints.repositorySlug = repositorySlug;
  return hints;
}

/** Identifies a hint set, so each distinct one is resolved once per request. */
export function hintsKey(hints: EntityHints): string {
  return JSON.stringify([
    hints.entityRef,
    hints.serviceName,
    hints.repositorySlug,
  ]);
}
