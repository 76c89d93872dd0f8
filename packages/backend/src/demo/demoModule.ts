import {
  AuthService,
  coreServices,
  createBackendModule,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogClient } from '@backstage/catalog-client';
import { Config } from '@backstage/config';
import { DateTime } from 'luxon';
import {
  canonicalEntityRef,
  ReadinessChecksResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionSource,
  qualityGatesCriterionSourcesExtensionPoint,
} from '@can-i-deploy/plugin-quality-gates-node';
import { DemoConfig } from './config/demoRootConfig';
import { readDemoAnchor } from './history/demoAnchor';
import { DemoDataSender } from './history/DemoDataSender';
import { seedDemoReadinessHistory } from './history/demoReadinessHistory';
import { scenarioOf } from './scenarios';
import {
  DemoTelemetry,
  DemoTelemetryUnavailable,
} from './telemetry/DemoTelemetry';

const PROMETHEUS_BASE_URL = 'qualityGates.gates.prometheus.baseUrl';
/** The criterion sources that read Prometheus. */
const PROMETHEUS_SOURCES = ['prometheus', 'burn-rate', 'compare'];

/**
 * Demo only: the example backend's demo for `qualityGates.demoData`.
 * Weeks of delivery and readiness history for the listed entities, sent
 * through the plugin's own endpoints after start-up, and — where
 * `prometheus` and `promtool` are installed — a Prometheus with their
 * telemetry, whose address becomes `qualityGates.gates.prometheus.baseUrl`
 * before the plugin reads it. Without the binaries, criteria that need
 * Prometheus say how to get them. A real installation leaves this out.
 */
export function createDemoModule(demoConfig: DemoConfig) {
  return createBackendModule({
    pluginId: 'quality-gates',
    moduleId: 'demo',
    register(reg) {
      reg.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          database: coreServices.database,
          discovery: coreServices.discovery,
          auth: coreServices.auth,
          lifecycle: coreServices.lifecycle,
          rootLifecycle: coreServices.rootLifecycle,
          criterionSources: qualityGatesCriterionSourcesExtensionPoint,
        },
        async init(deps) {
          const { config, logger, database, lifecycle } = deps;
          const settings = config.getOptionalConfig('qualityGates.demoData');
          if (!settings?.getOptionalBoolean('enabled')) return;
          const entityRefs = (
            settings.getOptionalStringArray('entities') ?? []
          ).map(ref => canonicalEntityRef(ref));
          const knex = await database.getClient();
          const stored = await readDemoAnchor(knex, entityRefs);
          if (stored === 'stale') {
            logger.warn(
              'Demo data: the database holds demo history of an older demo, which the demo telemetry does not match; remove the database (.data/sqlite) to start afresh',
            );
          }
          const anchor = stored instanceof DateTime ? stored : DateTime.utc();

          if (settings.getOptionalBoolean('telemetry') !== false) {
            await startTelemetry({ ...deps, demoConfig, entityRefs, anchor });
          }

          const sender = new DemoDataSender({
            entityRefs,
            rootConfig: config,
            database: knex,
            discovery: deps.discovery,
            auth: deps.auth,
            catalog: new CatalogClient({ discoveryApi: deps.discovery }),
            logger,
          });
          // After start-up: the demo goes through the HTTP endpoints.
          lifecycle.addStartupHook(() => {
            (async () => {
              const checkSet = await readinessChecks(deps);
              if (checkSet) {
                await seedDemoReadinessHistory({ knex, checkSet, entityRefs });
              }
              await sender.send(anchor);
            })().catch(error => logger.error('Demo data not sent', error));
          });
        },
      });
    },
  });
}

async function startTelemetry(options: {
  config: Config;
  logger: LoggerService;
  rootLifecycle: { addShutdownHook(hook: () => Promise<void>): void };
  criterionSources: { addCriterionSource(...sources: CriterionSource[]): void };
  demoConfig: DemoConfig;
  entityRefs: string[];
  anchor: DateTime;
}) {
  const { config, logger, entityRefs } = options;
  if (config.getOptionalString(PROMETHEUS_BASE_URL)) {
    logger.info(
      `Demo telemetry: not started, ${PROMETHEUS_BASE_URL} names a Prometheus already`,
    );
    return;
  }
  try {
    const telemetry = await DemoTelemetry.start({
      entityRefs,
      anchor: options.anchor,
    });
    // Ends with the backend, also on SIGINT and SIGTERM (the backend stops
    // itself then, running its shutdown hooks).
    options.rootLifecycle.addShutdownHook(() => telemetry.stop());
    await options.demoConfig.set(
      {
        qualityGates: { gates: { prometheus: { baseUrl: telemetry.baseUrl } } },
      },
      config,
      { key: PROMETHEUS_BASE_URL, value: telemetry.baseUrl },
    );
    const { series, samples } = telemetry.summary;
    logger.info(
      `Demo telemetry: Prometheus at ${telemetry.baseUrl} with ${series} series (${samples} samples backfilled, then scraped live)`,
    );
    for (const entityRef of entityRefs) {
      const story = scenarioOf(entityRef)?.story;
      if (story) logger.info(`Demo story of ${entityRef}: ${story}`);
    }
  } catch (error) {
    const reason =
      error instanceof DemoTelemetryUnavailable
        ? error.message
        : `The demo's Prometheus did not start: ${
            (error as Error).message.split('\n')[0]
          }`;
    logger.warn(`Demo telemetry: ${reason}`);
    // Criteria that need Prometheus then say why there is none, and how
    // to get it, instead of naming a source that is not installed.
    options.criterionSources.addCriterionSource(
      ...PROMETHEUS_SOURCES.map(id => ({
        id,
        async measure(): Promise<never> {
          throw new Error(reason);
        },
      })),
    );
  }
}

/** The plugin's readiness checks and levels, as it serves them. */
async function readinessChecks(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}): Promise<ReadinessChecksResponse | undefined> {
  const { discovery, auth } = options;
  const baseUrl = await discovery.getBaseUrl('quality-gates');
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'quality-gates',
  });
  const response = await fetch(`${baseUrl}/readiness/checks`, {
    headers: { authorization: `Bearer ${token}` },
  });
  // Readiness may be turned off: then there is no history to seed.
  return response.ok ? response.json() : undefined;
}
