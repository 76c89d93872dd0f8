import path from 'node:path';
import request from 'supertest';
import {
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { JsonObject } from '@backstage/types';
import { qualityGatesPlugin } from '../plugin';

/** The catalog fixture every backend test starts with. */
export const CATALOG_FIXTURE = path.resolve(
  __dirname,
  '../__fixtures__/catalog-info.yaml',
);

/** Static external-access token accepted by backends started with `realAuth`. */
export const STATIC_TOKEN = 'test-static-token-for-ci';

/**
 * One fresh logical database per plugin, as a real backend gives each plugin
 * its own: the catalog's tables and ours never share a schema.
 */
export function databasePerPlugin(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  return createServiceFactory({
    service: coreServices.database,
    deps: {},
    async factory() {
      return mockServices.database({ knex: await databases.init(databaseId) });
    },
  });
}

/**
 * The catalog ingests its config locations in the background; poll until it
 * serves the given components, so lookups do not race the processing.
 */
export async function waitForCatalog(
  backend: TestBackend,
  authorization: string,
  componentNames: string[] = ['checkout', 'payments'],
) {
  const deadline = Date.now() + 20_000;
  for (const name of componentNames) {
    for (;;) {
      const response = await request(backend.server)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', authorization);
      if (response.status === 200) break;
      if (Date.now() > deadline) {
        throw new Error(
          `The catalog did not serve component:default/${name} within 20 s (last status ${response.status})`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}

/**
 * Starts the plugin with the real catalog backend (reading `catalogFixture`)
 * on a real test database. With `realAuth`, the production auth services
 * verify tokens and `STATIC_TOKEN` is accepted as external access; otherwise
 * the mock credentials of backend-test-utils apply.
 */
export async function startQualityGatesBackend(options: {
  databases: TestDatabases;
  databaseId: TestDatabaseId;
  config?: JsonObject;
  catalogFixture?: string;
  realAuth?: boolean;
  features?: BackendFeature[];
}): Promise<TestBackend> {
  const config: JsonObject = {
    catalog: {
      rules: [
        { allow: ['Component', 'Group', 'User', 'Location', 'System', 'API'] },
      ],
      locations: [
        { type: 'file', target: options.catalogFixture ?? CATALOG_FIXTURE },
      ],
    },
    ...(options.realAuth
      ? {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: STATIC_TOKEN, subject: 'ci-pipelines' },
                },
              ],
            },
          },
        }
      : {}),
    ...options.config,
  };
  return startTestBackend({
    features: [
      databasePerPlugin(options.databases, options.databaseId),
      mockServices.rootConfig.factory({ data: config }),
      ...(options.realAuth ? [authServiceFactory, httpAuthServiceFactory] : []),
      catalogPlugin,
      qualityGatesPlugin,
      ...(options.features ?? []),
    ],
  });
}

/**
 * A module of the plugin that hands the test the plugin's own database
 * client, to arrange rows and inspect what requests stored.
 */
export function capturePluginDatabase() {
  let client: Knex | undefined;
  const feature = createBackendModule({
    pluginId: 'quality-gates',
    moduleId: 'test-database-capture',
    register(reg) {
      reg.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          client = await database.getClient();
        },
      });
    },
  });
  return {
    feature,
    knex(): Knex {
      if (!client) throw new Error('The test backend has not started');
      return client;
    },
  };
}

/**
 * A module of the plugin that hands the test the plugin's scheduler, to run
 * a scheduled task by id the way an operator triggers it.
 */
export function capturePluginScheduler() {
  let captured: SchedulerService | undefined;
  const feature = createBackendModule({
    pluginId: 'quality-gates',
    moduleId: 'test-scheduler-capture',
    register(reg) {
      reg.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          captured = scheduler;
        },
      });
    },
  });
  return {
    feature,
    async trigger(taskId: string): Promise<void> {
      if (!captured) throw new Error('The test backend has not started');
      await captured.triggerTask(taskId);
    },
    /** The tasks the plugin scheduled, with their scope. */
    async scheduledTasks() {
      if (!captured) throw new Error('The test backend has not started');
      return captured.getScheduledTasks();
    },
  };
}

/** A started plugin as a test of its routes uses it. */
export interface PluginUnderTest {
  backend: TestBackend;
  /** The plugin's own database, to arrange rows and inspect stored ones. */
  knex: Knex;
  /** GET one of the plugin's routes, e.g. `/timeline`, as a signed-in user. */
  get(
    route: string,
    query?: Record<string, string | number | boolean>,
  ): request.Test;
}

/**
 * For a `beforeAll`: starts the plugin as `startQualityGatesBackend` does,
 * with mock credentials and a handle on its database, and waits until the
 * catalog serves `components` (checkout and payments unless given; `[]`
 * waits for none). Arranging rows is left to the test.
 */
export async function startPluginUnderTest(
  options: Omit<Parameters<typeof startQualityGatesBackend>[0], 'realAuth'> & {
    components?: string[];
  },
): Promise<PluginUnderTest> {
  const { components, ...startOptions } = options;
  const database = capturePluginDatabase();
  const backend = await startQualityGatesBackend({
    ...startOptions,
    features: [database.feature, ...(startOptions.features ?? [])],
  });
  const authorization = mockCredentials.user.header();
  await waitForCatalog(backend, authorization, components);
  return {
    backend,
    knex: database.knex(),
    get: (route, query = {}) =>
      request(backend.server)
        .get(`/api/quality-gates${route}`)
        .query(query)
        .set('Authorization', authorization),
  };
}
