import { isRecord, parseDocuments, SourceFile } from '../../../sourceFiles';
import {
  grafanaDashboardModel,
  grafanaPanelCount,
  grafanaResourcePanelCount,
} from './grafanaDashboard';
import {
  persesDashboardSpec,
  persesDashboardTitle,
  persesPanelCount,
} from './persesDashboard';

/** One dashboard found in a file. */
export interface DashboardAsCode {
  title: string;
  format: 'Grafana' | 'Perses';
  panelCount: number;
}

/** The dashboards of one file, or what is wrong with the file. */
export interface DashboardFileContents {
  dashboards: DashboardAsCode[];
  /** Why the file yields no dashboards although it exists. */
  problem?: string;
}

/**
 * Reads the dashboards in a JSON or YAML file (any document of several):
 * Grafana dashboard JSON, with or without the `dashboard` wrapper; Grafana
 * `dashboard.grafana.app` resources; Perses `Dashboard` and the operator's
 * `PersesDashboard`.
 */
export function dashboardsInFile(file: SourceFile): DashboardFileContents {
  const parsed = parseDocuments(file.text, file.path);
  if ('error' in parsed) return { dashboards: [], problem: parsed.error };
  const dashboards = parsed.documents
    .filter(isRecord)
    .map(document => recognise(document, file.path))
    .filter(
      (dashboard): dashboard is DashboardAsCode => dashboard !== undefined,
    );
  if (dashboards.length === 0) {
    return {
      dashboards,
      problem: 'holds no Grafana dashboard JSON or Perses dashboard',
    };
  }
  return { dashboards };
}

function recognise(
  document: Record<string, unknown>,
  path: string,
): DashboardAsCode | undefined {
  const apiVersion =
    typeof document.apiVersion === 'string' ? document.apiVersion : '';
  if (
    document.kind === 'Dashboard' &&
    apiVersion.startsWith('dashboard.grafana.app/')
  ) {
    const spec = isRecord(document.spec) ? document.spec : {};
    return {
      title: titleOf(spec.title) ?? resourceName(document) ?? path,
      format: 'Grafana',
      panelCount: grafanaResourcePanelCount(spec),
    };
  }
  if (document.kind === 'PersesDashboard' || document.kind === 'Dashboard') {
    const spec = persesDashboardSpec(document);
    return {
      title: persesDashboardTitle(document, spec) ?? path,
      format: 'Perses',
      panelCount: persesPanelCount(spec),
    };
  }
  const model = grafanaDashboardModel(document);
  if (!model) return undefined;
  return {
    title: titleOf(model.title) ?? path,
    format: 'Grafana',
    panelCount: grafanaPanelCount(model),
  };
}

function titleOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function resourceName(document: Record<string, unknown>): string | undefined {
  return isRecord(document.metadata)
    ? titleOf(document.metadata.name)
    : undefined;
}
