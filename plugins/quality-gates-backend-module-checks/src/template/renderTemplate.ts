/** The placeholders a templated definition field may use, as `{{name}}`. */
export const TEMPLATE_PLACEHOLDERS = [
  'entity.name',
  'entity.namespace',
  'entity.kind',
  'entityRef',
  'environment',
  'version',
] as const;

export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export type TemplateValues = Record<TemplatePlaceholder, string>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const ENTITY_REF = /^([^:/]+):(?:([^:/]+)\/)?([^:/]+)$/;

/** The placeholder values for one measurement. */
export function templateValues(request: {
  entityRef: string;
  environment: string;
  version: string;
}): TemplateValues {
  const match = ENTITY_REF.exec(request.entityRef);
  if (!match) {
    throw new Error(
      `'${request.entityRef}' is not an entity reference such as component:default/checkout`,
    );
  }
  return {
    'entity.name': match[3],
    'entity.namespace': match[2] ?? 'default',
    'entity.kind': match[1],
    entityRef: request.entityRef,
    environment: request.environment,
    version: request.version,
  };
}

/**
 * Fills in `{{name}}` placeholders, each value passed through `encode`
 * (e.g. `encodeURIComponent` inside a URL, so a version cannot add a path
 * or a query). An unknown placeholder throws, naming the field, rather
 * than asking for a literal `{{...}}`.
 */
export function renderTemplate(
  template: string,
  values: TemplateValues,
  field: string,
  encode: (value: string) => string = value => value,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new Error(
        `Unknown placeholder {{${name}}} in ${field}; use one of ${TEMPLATE_PLACEHOLDERS.map(
          known => `{{${known}}}`,
        ).join(', ')}`,
      );
    }
    return encode(values[name as TemplatePlaceholder]);
  });
}
