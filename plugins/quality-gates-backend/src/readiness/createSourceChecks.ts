import {
  LoggerService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { ReadinessCheck } from '@can-i-deploy/plugin-quality-gates-node';
import { createAlertRulesCheck } from './checks/alerts';
import { createDashboardsCheck } from './checks/dashboards';

/**
 * The built-in checks that read the entity's source location and live
 * Prometheus: alert rules and dashboards.
 */
export function createSourceChecks(options: {
  config: RootConfigService;
  urlReader: UrlReaderService;
  logger: LoggerService;
}): ReadinessCheck[] {
  return [createAlertRulesCheck(options), createDashboardsCheck(options)];
}
