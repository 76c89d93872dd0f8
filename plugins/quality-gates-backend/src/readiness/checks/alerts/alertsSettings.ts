import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  PrometheusSettings,
  readPrometheusSettings,
} from '../../../prometheus';

/** The severities an alert may have when config names none. */
export const DEFAULT_ALLOWED_SEVERITIES = ['critical', 'warning', 'info'];

/**
 * Where rule files are looked for in the source location when the entity
 * has no `quality-gates/alert-rules` annotation. Each path is one read per
 * entity and run, so the list stays short.
 */
export const DEFAULT_ALERT_RULE_PATHS = [
  'prometheus/alerts.yaml',
  'prometheus/rules.yaml',
  'monitoring/alerts.yaml',
  'deploy/prometheus-rules.yaml',
];

const PROMETHEUS_KEY = 'qualityGates.readiness.alerts.prometheus';

/** `qualityGates.readiness.alerts`, with defaults filled in. */
export interface AlertsSettings {
  allowedSeverities: string[];
  conventionPaths: string[];
  prometheus?: PrometheusSettings;
}

/** Reads the settings from the root config; fails at start-up when invalid. */
export function readAlertsSettings(rootConfig: Config): AlertsSettings {
  const config = rootConfig.getOptionalConfig('qualityGates.readiness.alerts');
  const allowedSeverities =
    config?.getOptionalStringArray('allowedSeverities') ??
    DEFAULT_ALLOWED_SEVERITIES;
  if (allowedSeverities.length === 0) {
    throw new InputError(
      'qualityGates.readiness.alerts.allowedSeverities must name at least one severity',
    );
  }
  const prometheusConfig = config?.getOptionalConfig('prometheus');
  return {
    allowedSeverities,
    conventionPaths:
      config?.getOptionalStringArray('conventionPaths') ??
      DEFAULT_ALERT_RULE_PATHS,
    // A prometheus block without baseUrl is a mistake, not "off".
    prometheus:
      prometheusConfig?.getString('baseUrl') !== undefined
        ? readPrometheusSettings(rootConfig, PROMETHEUS_KEY)
        : undefined,
  };
}
