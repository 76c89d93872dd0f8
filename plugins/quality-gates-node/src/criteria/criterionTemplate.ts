import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The placeholders every templated criterion field may use, as `{{name}}`:
 * what is being deployed, where, at which version.
 *
 * @public
 */
export const CRITERION_PLACEHOLDERS = [
  'entity.name',
  'entity.namespace',
  'entity.kind',
  'entityRef',
  'environment',
  'version',
] as const;

/** @public */
export type CriterionPlaceholder = (typeof CRITERION_PLACEHOLDERS)[number];

/** @public */
export type CriterionTemplateValues = Record<CriterionPlaceholder, string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The placeholder values for one measurement. Throws when the entity
 * reference cannot be read.
 *
 * @public
 */
export function criterionTemplateValues(request: {
  entityRef: string;
  environment: string;
  version: string;
}): CriterionTemplateValues {
  let entity;
  try {
    entity = parseEntityRef(request.entityRef);
  } catch (error) {
    throw new Error(
      `'${request.entityRef}' is not an entity reference such as component:default/checkout`,
    );
  }
  return {
    'entity.name': entity.name,
    'entity.namespace': entity.namespace,
    'entity.kind': entity.kind,
    entityRef: request.entityRef,
    environment: request.environment,
    version: request.version,
  };
}

/**
 * Fills in `{{name}}` placeholders, each value passed through `encode` (a
 * PromQL string escape, `encodeURIComponent` inside a URL, ...) so that a
 * value cannot change the shape of what it is put into. An unknown
 * placeholder throws, naming the field and the known ones, rather than
 * leaving a literal `{{...}}`.
 *
 * @public
 */
export function fillTemplate<Name extends string>(
  template: string,
  values: Record<Name, string>,
  options: { field: string; encode?: (value: string) => string },
): string {
  const known = Object.keys(values);
  const encode = options.encode ?? (value => value);
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!known.includes(name)) {
      throw new Error(
        `Unknown placeholder {{${name}}} in ${options.field}; use one of ${known
          .map(placeholder => `{{${placeholder}}}`)
          .join(', ')}`,
      );
    }
    return encode(values[name as Name]);
  });
}

/**
 * Whether a template uses a placeholder.
 *
 * @public
 */
export function templateUses(template: string, placeholder: string): boolean {
  return [...template.matchAll(PLACEHOLDER)].some(
    ([, name]) => name === placeholder,
  );
}
