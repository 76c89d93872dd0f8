import {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogApi } from '@backstage/catalog-client';
import { Knex } from 'knex';
import { ReadinessCheck } from '@can-i-deploy/plugin-quality-gates-node';
import { readEntityFilter } from '../config/readEntityFilter';
import { catalogChecks } from './checks/catalog';
import { readConfigDefinedChecks } from './checks/config/configDefinedChecks';
import { ExemptionStore } from './exemptions/ExemptionStore';
import { ReadinessCheckSet } from './ReadinessCheckSet';
import {
  DEFAULT_CHECK_TIMEOUT_MS,
  ReadinessEvaluator,
} from './ReadinessEvaluator';
import { ReadinessService } from './ReadinessService';
import { ReadinessStore } from './ReadinessStore';

/** How long an on-demand evaluation reuses an owner's or system's kind. */
const DEFAULT_KIND_CACHE_SECONDS = 60;

/** Everything readiness needs, built once from config at start-up. */
export interface Readiness {
  service: ReadinessService;
  store: ReadinessStore;
  exemptions: ExemptionStore;
  maxExemptionDays: number;
  /** Whether a group's roll-up includes its sub-groups' components. */
  rollupsIncludeSubgroups: boolean;
}

/**
 * Builds readiness from config: the check set (built in, config-defined,
 * from modules), the evaluator, the stores and the service.
 */
export function createReadiness(options: {
  config: RootConfigService;
  knex: Knex;
  catalog: CatalogApi;
  auth: AuthService;
  logger: LoggerService;
  /** Built-in checks that read more than the catalog (alerts, dashboards). */
  sourceChecks: ReadinessCheck[];
  moduleChecks: ReadinessCheck[];
}): Readiness {
  const readinessConfig = options.config.getOptionalConfig(
    'qualityGates.readiness',
  );
  const checkSet = ReadinessCheckSet.from(readinessConfig, [
    ...catalogChecks,
    ...options.sourceChecks,
    ...readConfigDefinedChecks(readinessConfig),
    ...options.moduleChecks,
  ]);
  const positive = (key: string, fallback: number) => {
    const value = readinessConfig?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0)) {
      throw new Error(`qualityGates.readiness.${key} must be positive`);
    }
    return value;
  };
  const nonNegative = (key: string, fallback: number) => {
    const value = readinessConfig?.getOptionalNumber(key) ?? fallback;
    if (!(value >= 0)) {
      throw new Error(`qualityGates.readiness.${key} must not be negative`);
    }
    return value;
  };
  const store = new ReadinessStore(options.knex, {
    levelIds: checkSet.levels.map(level => level.id),
    newEntityDays: positive('newEntityDays', 30),
    logger: options.logger,
  });
  const exemptions = new ExemptionStore(options.knex);
  const evaluator = new ReadinessEvaluator(
    checkSet,
    options.logger,
    positive('checkTimeoutSeconds', DEFAULT_CHECK_TIMEOUT_MS / 1000) * 1000,
  );
  const service = new ReadinessService({
    catalog: options.catalog,
    auth: options.auth,
    logger: options.logger,
    checkSet,
    evaluator,
    store,
    exemptions,
    entities: readEntityFilter(
      readinessConfig?.getOptionalConfig('entities'),
    ) ?? {
      kind: 'Component',
    },
    kindCacheMs:
      nonNegative('ownerSystemCacheSeconds', DEFAULT_KIND_CACHE_SECONDS) * 1000,
  });
  return {
    service,
    store,
    exemptions,
    maxExemptionDays: positive('maxExemptionDays', 180),
    rollupsIncludeSubgroups:
      readinessConfig?.getOptionalBoolean('rollups.includeSubgroups') ?? true,
  };
}
