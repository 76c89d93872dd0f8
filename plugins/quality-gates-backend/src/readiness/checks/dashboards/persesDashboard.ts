import { isRecord } from '../../../sourceFiles';

/**
 * The dashboard spec of a Perses resource: Perses' own `Dashboard` and the
 * operator's `PersesDashboard` v1alpha1 keep it in `spec`, v1alpha2 in
 * `spec.config`; some generators nest it as `spec.spec`.
 */
export function persesDashboardSpec(
  resource: Record<string, unknown>,
): Record<string, unknown> {
  const spec = isRecord(resource.spec) ? resource.spec : {};
  if (isRecord(spec.config)) return spec.config;
  if (isRecord(spec.spec)) return spec.spec;
  return spec;
}

/** Perses panels are a map from panel key to panel. */
export function persesPanelCount(spec: Record<string, unknown>): number {
  if (isRecord(spec.panels)) return Object.keys(spec.panels).length;
  return Array.isArray(spec.panels) ? spec.panels.length : 0;
}

export function persesDashboardTitle(
  resource: Record<string, unknown>,
  spec: Record<string, unknown>,
): string | undefined {
  const display = isRecord(spec.display) ? spec.display : {};
  const metadata = isRecord(resource.metadata) ? resource.metadata : {};
  return stringOrUndefined(display.name) ?? stringOrUndefined(metadata.name);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}
