import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The placeholders a query template may use, as `{{name}}`. */
export const QUERY_PLACEHOLDERS = [
  'entity.name',
  'entity.namespace',
  'entity.kind',
  'entityRef',
  'environment',
  'version',
  'window',
  'windowSeconds',
] as const;

export type QueryPlaceholder = (typeof QUERY_PLACEHOLDERS)[number];

/** The raw (unescaped) value of every placeholder. */
export type QueryTemplateValues = Record<QueryPlaceholder, string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The placeholder values for one measurement. `window` is the window's
 * length as a Prometheus duration (`15m`), `windowSeconds` the same in
 * seconds.
 */
export function queryTemplateValues(
  request: { entityRef: string; environment: string; version: string },
  window: { duration: string; seconds: number },
): QueryTemplateValues {
  let entity;
  try {
    entity = parseEntityRef(request.entityRef);
  } catch (error) {
    throw new InputError(
      `'${request.entityRef}' is not an entity reference such as component:default/checkout`,
      error,
    );
  }
  return {
    'entity.name': entity.name,
    'entity.namespace': entity.namespace,
    'entity.kind': entity.kind,
    entityRef: request.entityRef,
    environment: request.environment,
    version: request.version,
    window: window.duration,
    windowSeconds: String(window.seconds),
  };
}

/**
 * Fills in `{{name}}` placeholders. Values are escaped for a PromQL
 * double-quoted string, so `version="{{version}}"` stays one label matcher
 * whatever the version says; use double quotes around them. An unknown
 * placeholder throws, naming it, rather than querying for a literal
 * `{{...}}`.
 */
export function renderQueryTemplate(
  template: string,
  values: QueryTemplateValues,
  field = 'query',
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!isPlaceholder(name)) {
      throw new InputError(
        `Unknown placeholder {{${name}}} in ${field}; use one of ${QUERY_PLACEHOLDERS.map(
          known => `{{${known}}}`,
        ).join(', ')}`,
      );
    }
    return escapePromQLString(values[name]);
  });
}

/** Whether the template uses the placeholder. */
export function templateUses(
  template: string,
  placeholder: QueryPlaceholder,
): boolean {
  return [...template.matchAll(PLACEHOLDER)].some(
    ([, name]) => name === placeholder,
  );
}

/**
 * Escapes text for the inside of a PromQL double-quoted string: backslash
 * and double quote, and line breaks, which would end the query.
 */
export function escapePromQLString(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

function isPlaceholder(name: string): name is QueryPlaceholder {
  return (QUERY_PLACEHOLDERS as readonly string[]).includes(name);
}
