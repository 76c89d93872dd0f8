import { isRecord } from '../../../sourceFiles';

/**
 * The dashboard inside a Grafana export: the JSON model itself, or the
 * `{ dashboard: ... }` wrapper the HTTP API and older exports use.
 * Undefined when the document is no Grafana dashboard.
 */
export function grafanaDashboardModel(
  document: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const model = isRecord(document.dashboard) ? document.dashboard : document;
  const isDashboard =
    Array.isArray(model.panels) ||
    Array.isArray(model.rows) ||
    typeof model.schemaVersion === 'number';
  return isDashboard ? model : undefined;
}

/**
 * Panels of a Grafana dashboard model. Row panels only group: an expanded
 * row's panels follow it at the top level, a collapsed row keeps them in
 * its own `panels`. Schema versions before 16 kept panels in `rows`.
 */
export function grafanaPanelCount(model: Record<string, unknown>): number {
  const panels = records(model.panels).reduce(
    (sum, panel) =>
      sum + (panel.type === 'row' ? records(panel.panels).length : 1),
    0,
  );
  const legacyRowPanels = records(model.rows).reduce(
    (sum, row) => sum + records(row.panels).length,
    0,
  );
  return panels + legacyRowPanels;
}

/**
 * Panels of a Grafana 12 `dashboard.grafana.app` resource: v2 keeps them as
 * `spec.elements`, earlier versions hold the classic model in `spec`.
 */
export function grafanaResourcePanelCount(
  spec: Record<string, unknown>,
): number {
  if (isRecord(spec.elements)) return Object.keys(spec.elements).length;
  return grafanaPanelCount(spec);
}

function records(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
