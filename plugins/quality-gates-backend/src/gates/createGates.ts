import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { CatalogAccess } from '../catalog/CatalogAccess';
import { DeploymentStore } from '../deployments/DeploymentStore';
import { ReadinessStore } from '../readiness/ReadinessStore';
import { readCentralGates } from './definitions/GateDefinitions';
import { GateEvaluator } from './evaluation/GateEvaluator';
import { appLinks } from '../ingest/github/deploymentProtection/gateReview';
import { GateRouteOptions } from './service/gateRoutes';
import { createFreezeCriterionSource } from './sources/builtIn/freezeSource';
import { createHeartbeatCriterionSource } from './sources/heartbeat';
import { createPipelineCriterionSource } from './sources/builtIn/pipelineSource';
import { createReadinessCriterionSource } from './sources/builtIn/readinessSource';
import { createRolloutCriterionSource } from './sources/builtIn/rolloutSource';
import { createWaitTimerCriterionSource } from './sources/builtIn/waitTimerSource';
import { createTraceCriterionSource } from './sources/trace';
import { compareCriterionSources } from './sources/compare';
import { GateEvaluationStore } from './store/GateEvaluationStore';
import { GateDecisionStore } from './decisions/GateDecisionStore';
import { GateOverrideStore } from './overrides/GateOverrideStore';
import { GateEffectivenessStore } from './effectiveness/GateEffectivenessStore';
import { readEffectivenessSettings } from './effectiveness/effectivenessSettings';

/**
 * The criterion sources that come with the plugin. Prometheus-backed ones
 * join when `qualityGates.gates.prometheus` is configured.
 */
function builtInSources(options: {
  knex: Knex;
  deployments: DeploymentStore;
  readiness?: { store: ReadinessStore; levelIds: string[] };
  extra: CriterionSource[];
}): CriterionSource[] {
  return [
    createPipelineCriterionSource(options.knex),
    createRolloutCriterionSource(options.deployments),
    createWaitTimerCriterionSource(options.knex),
    createFreezeCriterionSource(),
    createHeartbeatCriterionSource(options.knex),
    createTraceCriterionSource(options.knex),
    ...(options.readiness
      ? [createReadinessCriterionSource(options.readiness)]
      : []),
    ...options.extra,
  ];
}

/**
 * Builds gates from config: definitions (validated now, so a typo stops the
 * start-up), the sources (built in and from modules), the evaluator.
 */
export function createGates(options: {
  config: RootConfigService;
  knex: Knex;
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  access: CatalogAccess;
  auditor: AuditorService;
  urlReader: UrlReaderService;
  deployments: DeploymentStore;
  readiness?: { store: ReadinessStore; levelIds: string[] };
  /** Sources that need their own config (Prometheus, burn rate). */
  configuredSources: CriterionSource[];
  moduleSources: ReadonlyMap<string, CriterionSource>;
}): { routes: GateRouteOptions; sourceIds: () => string[] } {
  const gatesConfig = options.config.getOptionalConfig('qualityGates.gates');
  const store = new GateEvaluationStore(options.knex);
  const decisions = new GateDecisionStore(options.knex, store);
  const overrides = new GateOverrideStore(options.knex);
  const gates = readCentralGates(options.config);
  const builtIns = builtInSources({
    knex: options.knex,
    deployments: options.deployments,
    readiness: options.readiness,
    extra: [...options.configuredSources, ...compareCriterionSources(options)],
  });
  // Modules register during start-up; read them when a gate runs.
  const sources = () => {
    const all = new Map(builtIns.map(source => [source.id, source]));
    for (const [id, source] of options.moduleSources) {
      if (all.has(id)) {
        throw new Error(
          `Criterion source '${id}' is built in; pick another id`,
        );
      }
      all.set(id, source);
    }
    return all;
  };
  const deadlineSeconds =
    gatesConfig?.getOptionalNumber('deadlineSeconds') ?? 20;
  const evaluator = new GateEvaluator({
    gates,
    sources,
    store,
    decisions,
    overrides,
    urlReader: options.urlReader,
    deadlineMs: deadlineSeconds * 1000,
    repositoryAllowedSources:
      gatesConfig?.getOptionalStringArray('repositoryConfig.allowedSources') ??
      [],
    decisionUrl: appLinks(options.config.getOptionalString('app.baseUrl'))
      .decision,
  });
  return {
    routes: {
      httpAuth: options.httpAuth,
      permissions: options.permissions,
      access: options.access,
      evaluator,
      store,
      decisions,
      overrides,
      auditor: options.auditor,
      knex: options.knex,
      deployments: options.deployments,
      gates,
      maxOverrideDays: gatesConfig?.getOptionalNumber('maxOverrideDays') ?? 14,
      effectiveness: new GateEffectivenessStore(
        options.knex,
        readEffectivenessSettings(options.config),
      ),
    },
    sourceIds: () => [...sources().keys()].sort(),
  };
}
