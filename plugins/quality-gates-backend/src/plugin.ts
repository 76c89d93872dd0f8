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
import { applyDatabaseMigrations } from './database/migrations';
import { DatabaseDeploymentStore } from './deployments/DatabaseDeploymentStore';
import { CatalogClient } from '@backstage/catalog-client';
import { EntityLookup } from './catalog/EntityLookup';
import { EntityResolver } from './catalog/EntityResolver';
import { DeliveryEventWriter } from './delivery/DeliveryEventWriter';
import { createIngestRouter } from './ingest/createIngestRouter';
import { DeploymentProtectionReviewer } from './ingest/github/deploymentProtection/DeploymentProtectionReviewer';
import { scheduleMaintenance } from './maintenance/scheduleMaintenance';
import { DEFAULT_MAX_BODY_SIZE } from './ingest/IngestContext';
import { createRouter } from './service/router';
import { IncidentStore } from './incidents/IncidentStore';
import { PipelineRunStore } from './pipelines/PipelineRunStore';
import { SpanStore } from './ingest/otlp/SpanStore';
import { DemoDataSender } from './demo/DemoDataSender';
import { seedDemoReadinessHistory } from './demo/demoReadinessHistory';
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
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
      },
      async init({
        logger,
        config,
        database,
        discovery,
        auth,
        httpAuth,
        httpRouter,
        scheduler,
        lifecycle,
        permissions,
        permissionsRegistry,
        urlReader,
      }) {
        const knex = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(knex);
        }
        const deployments = new DatabaseDeploymentStore(knex);

        const demoConfig = config.getOptionalConfig('qualityGates.demoData');
        if (demoConfig?.getOptionalBoolean('enabled')) {
          const sender = new DemoDataSender({
            config: demoConfig,
            rootConfig: config,
            database: knex,
            discovery,
            auth,
            catalog: new CatalogClient({ discoveryApi: discovery }),
            logger,
          });
          // After start-up: the demo goes through the HTTP endpoints.
          lifecycle.addStartupHook(() => {
            sender
              .send()
              .catch(error => logger.error('Demo data not sent', error));
          });
        }

        const resolver = new EntityResolver(
          new CatalogClient({ discoveryApi: discovery }),
          auth,
          logger,
        );
        await scheduleMaintenance({
          config,
          logger,
          scheduler,
          knex,
          resolver,
        });

        permissionsRegistry.addPermissions(qualityGatesPermissions);
        const catalog = new CatalogClient({ discoveryApi: discovery });
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
        if (readiness && demoConfig?.getOptionalBoolean('enabled')) {
          await seedDemoReadinessHistory({
            knex,
            checkSet: readiness.service.checkSet,
            entityRefs: (
              demoConfig.getOptionalStringArray('entities') ?? []
            ).map(ref => ref.toLocaleLowerCase('en-US')),
          });
        }
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
          auth,
          httpAuth,
          permissions,
          catalog,
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

        // Ingest reads its own bodies, so it is mounted before the
        // validated API; it needs the gates for deployment protection rules.
        httpRouter.use(
          createIngestRouter({
            logger,
            config,
            httpAuth,
            database: knex,
            writer: new DeliveryEventWriter(knex),
            resolver,
            maxBodySize:
              config.getOptionalString('qualityGates.ingest.maxBodySize') ??
              DEFAULT_MAX_BODY_SIZE,
            deploymentProtection: DeploymentProtectionReviewer.fromConfig(
              config,
              {
                logger,
                auth,
                catalog,
                resolver,
                evaluator: gates.routes.evaluator,
              },
            ),
          }),
        );
        const dora = new DoraService({
          store: new DoraStore(knex),
          catalog,
          auth,
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
            database: knex,
            deployments,
            incidents: new IncidentStore(knex),
            pipelineRuns: new PipelineRunStore(knex),
            spans: new SpanStore(knex),
            entities: new EntityLookup(discovery, auth),
            criterionSources: gates.sourceIds,
            gates: gates.routes,
            dora,
            readiness: readiness && {
              ...readiness,
              httpAuth,
              permissions,
            },
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({
          path: '/webhooks/github',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
