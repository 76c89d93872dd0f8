import { InputError } from '@backstage/errors';
import {
  CRITERION_PLACEHOLDERS,
  criterionTemplateValues,
  fillTemplate,
} from '@can-i-deploy/plugin-quality-gates-node';

export { templateUses } from '@can-i-deploy/plugin-quality-gates-node';

/** The placeholders a query template may use, as `{{name}}`. */
export const QUERY_PLACEHOLDERS = [
  ...CRITERION_PLACEHOLDERS,
  'window',
  'windowSeconds',
] as const;

export type QueryPlaceholder = (typeof QUERY_PLACEHOLDERS)[number];

/** The raw (unescaped) value of every placeholder. */
export type QueryTemplateValues = Record<QueryPlaceholder, string>;

/** A template problem, as the caller's bad input. */
function asInputError<T>(fill: () => T): T {
  try {
    return fill();
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

/**
 * The placeholder values for one measurement. `window` is the window's
 * length as a Prometheus duration (`15m`), `windowSeconds` the same in
 * seconds.
 */
export function queryTemplateValues(
  request: { entityRef: string; environment: string; version: string },
  window: { duration: string; seconds: number },
): QueryTemplateValues {
  return {
    ...asInputError(() => criterionTemplateValues(request)),
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
  return asInputError(() =>
    fillTemplate(template, values, { field, encode: escapePromQLString }),
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
