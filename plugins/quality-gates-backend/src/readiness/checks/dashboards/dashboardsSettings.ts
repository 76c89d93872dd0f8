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

const KEY = 'qualityGates.readiness.dashboards';
const DEFAULT_TIMEOUT_SECONDS = 10;

/** The Grafana that `grafana/dashboard-selector` annotations are verified in. */
export interface GrafanaSettings {
  /** Where the HTTP API is asked: no trailing slash. */
  baseUrl: string;
  /** Where people open dashboards (the UI may sit behind another host). */
  externalUrl: string;
  /** A service account token; never shown. */
  token: string;
  /** For one request. */
  timeoutMs: number;
}

/** `qualityGates.readiness.dashboards`, with defaults filled in. */
export interface DashboardsSettings {
  conventionPaths: string[];
  /** Selected dashboards are verified here when set. */
  grafana?: GrafanaSettings;
  /**
   * The older `grafanaUrl`: selected dashboards are only linked, not
   * verified. Without a trailing slash.
   */
  grafanaLinkUrl?: string;
}

/** Reads the settings from the root config; fails at start-up when invalid. */
export function readDashboardsSettings(rootConfig: Config): DashboardsSettings {
  const config = rootConfig.getOptionalConfig(KEY);
  const grafanaUrl = config?.getOptionalString('grafanaUrl');
  const grafanaConfig = config?.getOptionalConfig('grafana');
  if (grafanaUrl !== undefined && grafanaConfig) {
    throw new InputError(
      `${KEY}.grafanaUrl is replaced by ${KEY}.grafana.baseUrl; remove grafanaUrl (set grafana.externalUrl if people open Grafana at another address)`,
    );
  }
  return {
    conventionPaths:
      config?.getOptionalStringArray('conventionPaths') ??
      DEFAULT_DASHBOARD_PATHS,
    grafana: grafanaConfig && readGrafanaSettings(grafanaConfig),
    grafanaLinkUrl:
      grafanaUrl === undefined
        ? undefined
        : httpUrl(grafanaUrl, `${KEY}.grafanaUrl`),
  };
}

function readGrafanaSettings(config: Config): GrafanaSettings {
  const baseUrl = config.getOptionalString('baseUrl');
  if (baseUrl === undefined) {
    throw new InputError(
      `${KEY}.grafana.baseUrl is required: Grafana's address, e.g. https://grafana.example.com`,
    );
  }
  const token = config.getOptionalString('token');
  if (!token?.trim()) {
    throw new InputError(
      `${KEY}.grafana.token is required: a Grafana service account token with the Viewer role (e.g. token: \${GRAFANA_TOKEN})`,
    );
  }
  const timeoutSeconds =
    config.getOptionalNumber('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0)) {
    throw new InputError(
      `${KEY}.grafana.timeoutSeconds must be a positive number of seconds, got ${timeoutSeconds}`,
    );
  }
  const api = httpUrl(baseUrl, `${KEY}.grafana.baseUrl`);
  return {
    baseUrl: api,
    externalUrl: httpUrl(
      config.getOptionalString('externalUrl') ?? api,
      `${KEY}.grafana.externalUrl`,
    ),
    token: token.trim(),
    timeoutMs: timeoutSeconds * 1000,
  };
}

function httpUrl(value: string, key: string): string {
  if (!/^https?:\/\/[^/]/i.test(value)) {
    // The value may hold a password: show it without.
    throw new InputError(
      `${key} must be an http(s) URL, got '${value.replace(
        /\/\/[^/@]*@/,
        '//',
      )}'`,
    );
  }
  if (/^https?:\/\/[^/]*@/i.test(value)) {
    // Credentials belong in the token, and messages show this address.
    throw new InputError(
      `${key} must not hold credentials; put the service account token in ${KEY}.grafana.token`,
    );
  }
  return value.replace(/\/+$/, '');
}
