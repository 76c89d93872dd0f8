import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  CriterionSource,
  qualityGatesCriterionSourcesExtensionPoint,
  qualityGatesReadinessChecksExtensionPoint,
  ReadinessCheck,
} from '@can-i-deploy/plugin-quality-gates-node';
import { qualityGatesPermissions } from '@can-i-deploy/plugin-quality-gates-common';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  registerDoraActions,
  registerGateActions,
  registerReadinessActions,
} from './actions';
import { applyDatabaseMigrations } from './database/migrations';
import { oneReplicaAtATime } from './database/replicaLocks';
import { DatabaseDeploymentStore } from './deployments/DatabaseDeploymentStore';
import { createCatalogClient } from './catalog/uncompressedCatalogClient';
import { CatalogAccess } from './catalog/CatalogAccess';
import { EntityResolver } from './catalog/EntityResolver';
import { DeliveryEventWriter } from './delivery/DeliveryEventWriter';
import { createIngestRouter } from './ingest/createIngestRouter';
import { PendingReviewStore } from './ingest/github/deploymentProtection/PendingReviewStore';
import { DeploymentProtectionReviewer } from './ingest/github/deploymentProtection/DeploymentProtectionReviewer';
import { scheduleMaintenance } from './maintenance/scheduleMaintenance';
import { DEFAULT_MAX_BODY_SIZE } from './ingest/IngestContext';
import { createSpanDecoder } from './ingest/otlp/decoding/createSpanDecoder';
import { createRouter } from './service/router';
import { IncidentStore } from './incidents/IncidentStore';
import { PipelineRunStore } from './pipelines/PipelineRunStore';
import { SpanStore } from './ingest/otlp/SpanStore';
import { createReadiness } from './readiness/createReadiness';
import { scheduleReadiness } from './readiness/scheduleReadiness';
import { createSourceChecks } from './readiness/createSourceChecks';
import { DoraService } from './dora/DoraService';
import { DoraStore } from './dora/DoraStore';
import { createGates } from './gates/createGates';
import { createPrometheusCriterionSource } from './gates/sources/prometheus';
import { createBurnRateCriterionSource } from './gates/sources/burnRate';

/**
 * The quality-gates backend plugin: production readiness, quality gates and
 * delivery insights under `/api/quality-gates`.
 *
 * @public
 */
export const qualityGatesPlugin = createBackendPlugin({
  pluginId: 'quality-gates',
  register(env) {
    const criterionSources = new Map<string, CriterionSource>();
    env.registerExtensionPoint(qualityGatesCriterionSourcesExtensionPoint, {
      addCriterionSource(...sources) {
        for (const source of sources) {
          if (criterionSources.has(source.id)) {
            throw new Error(
              `Criterion source '${source.id}' is already registered`,
            );
          }
          criterionSources.set(source.id, source);
        }
      },
    });

    const moduleReadinessChecks: ReadinessCheck[] = [];
    env.registerExtensionPoint(qualityGatesReadinessChecksExtensionPoint, {
      addReadinessCheck(...checks) {
        moduleReadinessChecks.push(...checks);
      },
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalogService: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        lifecycle,
        logger,
        auditor,
        config,
        database,
        discovery,
        auth,
        httpAuth,
        httpRouter,
        scheduler,
        permissions,
        permissionsRegistry,
        urlReader,
        catalogService,
        actionsRegistry,
      }) {
        const knex = await database.getClient();
        const resolver = new EntityResolver(
          createCatalogClient(discovery),
          auth,
          logger,
        );
        // Replicas take turns: the plugin's migrations, then the scheduler's,
        // which it runs on its first task (see "Running several replicas").
        await oneReplicaAtATime(
          knex,
          { lock: 'startup', what: 'migrations', logger },
          async () => {
            if (!database.migrations?.skip) {
              await applyDatabaseMigrations(knex, logger);
            }
            await scheduleMaintenance({
              config,
              logger,
              scheduler,
              knex,
              resolver,
            });
          },
        );
        const deployments = new DatabaseDeploymentStore(knex);

        permissionsRegistry.addPermissions(qualityGatesPermissions);
        const catalog = createCatalogClient(discovery);
        // Every read on behalf of a caller goes through this.
        const access = new CatalogAccess(catalogService, auth, catalog);
        const readinessEnabled =
          config.getOptionalBoolean('qualityGates.readiness.enabled') ?? true;
        const readiness = readinessEnabled
          ? createReadiness({
              config,
              knex,
              catalog,
              auth,
              logger,
              sourceChecks: createSourceChecks({ config, urlReader, logger }),
              moduleChecks: moduleReadinessChecks,
            })
          : undefined;
        if (readiness) {
          await scheduleReadiness({
            readinessConfig: config.getOptionalConfig('qualityGates.readiness'),
            scheduler,
            logger,
            service: readiness.service,
            store: readiness.store,
          });
        }

        const gates = createGates({
          config,
          knex,
          logger,
          httpAuth,
          permissions,
          access,
          auditor,
          urlReader,
          deployments,
          readiness: readiness && {
            store: readiness.store,
            levelIds: readiness.service.checkSet.levels.map(level => level.id),
          },
          configuredSources: [
            createPrometheusCriterionSource({ config, logger }),
            createBurnRateCriterionSource({ config, logger }),
          ].filter((source): source is CriterionSource => source !== undefined),
          moduleSources: criterionSources,
        });

        // A protection rule answered "not yet" stays pending on GitHub; the
        // scheduler asks again (one replica at a time, each review claimed
        // by one) and answers once the gates decide.
        const deploymentProtection = DeploymentProtectionReviewer.fromConfig(
          config,
          {
            logger,
            auth,
            catalog,
            resolver,
            evaluator: gates.routes.evaluator,
            pending: {
              store: new PendingReviewStore(knex),
              maxPendingMs: DeploymentProtectionReviewer.maxPendingMsOf(config),
            },
          },
        );
        const askAgainEvery =
          DeploymentProtectionReviewer.pollFrequencyOf(config);
        await scheduler.scheduleTask({
          id: 'quality-gates-github-pending-reviews',
          scope: 'global',
          frequency: askAgainEvery,
          timeout: { minutes: 10 },
          initialDelay: askAgainEvery,
          fn: async () => {
            await deploymentProtection.reviewPending();
          },
        });

        const spanDecoder = createSpanDecoder(config, logger, knex);
        lifecycle.addShutdownHook(() => spanDecoder.close());
        // Ingest reads its own bodies, so it is mounted before the
        // validated API; it needs the gates for deployment protection rules.
        httpRouter.use(
          createIngestRouter({
            logger,
            config,
            httpAuth,
            permissions,
            database: knex,
            writer: new DeliveryEventWriter(knex),
            resolver,
            spanDecoder,
            maxBodySize:
              config.getOptionalString('qualityGates.ingest.maxBodySize') ??
              DEFAULT_MAX_BODY_SIZE,
            deploymentProtection,
          }),
        );
        const dora = new DoraService({
          store: new DoraStore(knex),
          access,
          config: config.getOptionalConfig('qualityGates.dora'),
        });
        // Before serving: after an upgrade, or when the production
        // environments change, this derives every deployment's facts.
        const preparing = Date.now();
        if (await dora.prepare()) {
          logger.info(
            `DORA facts derived for production environments ${dora.environments.join(
              ', ',
            )} in ${Date.now() - preparing} ms`,
          );
        }
        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            permissions,
            access,
            database: knex,
            deployments,
            incidents: new IncidentStore(knex),
            pipelineRuns: new PipelineRunStore(knex),
            spans: new SpanStore(knex),
            criterionSources: gates.sourceIds,
            gates: gates.routes,
            maxBodySize: config.getOptionalString(
              'qualityGates.api.maxBodySize',
            ),
            dora,
            readiness: readiness && {
              ...readiness,
              httpAuth,
              permissions,
              access,
            },
          }),
        );
        // The same questions for agents (as MCP tools through the actions
        // registry), with the HTTP API's permissions and visibility.
        registerGateActions({
          actionsRegistry,
          access,
          permissions,
          evaluator: gates.routes.evaluator,
          decisions: gates.routes.decisions,
        });
        if (readiness) {
          registerReadinessActions({ actionsRegistry, access, ...readiness });
        }
        registerDoraActions({ actionsRegistry, dora });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({
          path: '/webhooks/github',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
