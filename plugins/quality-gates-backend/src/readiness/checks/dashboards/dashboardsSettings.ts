import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * Where dashboards are looked for in the source location when the entity
 * has no `quality-gates/dashboards` annotation. Each path is one read per
 * entity and run, so the list stays short.
 */
export const DEFAULT_DASHBOARD_PATHS = [
  'dashboards/dashboard.json',
  'dashboards/perses.yaml',
  'monitoring/dashboard.json',
  'grafana/dashboard.json',
];

/** `qualityGates.readiness.dashboards`, with defaults filled in. */
export interface DashboardsSettings {
  conventionPaths: string[];
  /** Grafana's address without a trailing slash, to link selected dashboards. */
  grafanaUrl?: string;
}

/** Reads the settings from the root config; fails at start-up when invalid. */
export function readDashboardsSettings(rootConfig: Config): DashboardsSettings {
  const config = rootConfig.getOptionalConfig(
    'qualityGates.readiness.dashboards',
  );
  const grafanaUrl = config?.getOptionalString('grafanaUrl');
  if (grafanaUrl !== undefined && !/^https?:\/\/[^/]/i.test(grafanaUrl)) {
    throw new InputError(
      `qualityGates.readiness.dashboards.grafanaUrl must be an http(s) URL, got '${grafanaUrl}'`,
    );
  }
  return {
    conventionPaths:
      config?.getOptionalStringArray('conventionPaths') ??
      DEFAULT_DASHBOARD_PATHS,
    grafanaUrl: grafanaUrl?.replace(/\/+$/, ''),
  };
}
