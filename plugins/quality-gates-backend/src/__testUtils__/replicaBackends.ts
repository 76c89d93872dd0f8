import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';

/**
 * Databases for replicas: several test backends, each with its own
 * connection pool as a separate process would have, on the same logical
 * database per plugin for the plugins named in `sharedPlugins`. Other
 * plugins get a fresh database per backend, so that their start-up does
 * not race.
 */
export function replicaDatabases(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  sharedPlugins: string[],
) {
  const created = new Map<string, Promise<Knex>>();
  const replicaClients: Knex[] = [];
  return {
    /** The database service of one more replica. */
    factory() {
      return createServiceFactory({
        service: coreServices.database,
        deps: { pluginMetadata: coreServices.pluginMetadata },
        async factory({ pluginMetadata }) {
          const pluginId = pluginMetadata.getId();
          if (!sharedPlugins.includes(pluginId)) {
            return mockServices.database({
              knex: await databases.init(databaseId),
            });
          }
          if (!created.has(pluginId)) {
            created.set(pluginId, databases.init(databaseId));
          }
          const first = await created.get(pluginId)!;
          const own = knexFactory({
            client: first.client.config.client,
            connection: first.client.config.connection,
            pool: { min: 0, max: 10 },
          });
          replicaClients.push(own);
          return mockServices.database({ knex: own });
        },
      });
    },
    /** Closes the replicas' own pools (the backends stop first). */
    async destroy() {
      await Promise.all(replicaClients.map(client => client.destroy()));
    },
  };
}

/** One line a replica logged, with the plugin that logged it. */
export interface LoggedLine {
  pluginId: string;
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta?: Record<string, unknown>;
}

/**
 * A logger service that keeps what each plugin logs (and prints nothing),
 * to count what a replica did: a task run, a retry, a failure.
 */
export function capturedLogs() {
  const lines: LoggedLine[] = [];
  function loggerFor(
    pluginId: string,
    meta: Record<string, unknown>,
  ): LoggerService {
    const log =
      (level: LoggedLine['level']) => (message: string, extra?: unknown) => {
        lines.push({
          pluginId,
          level,
          message,
          meta: {
            ...meta,
            ...(extra && typeof extra === 'object' ? extra : {}),
          } as Record<string, unknown>,
        });
      };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: more => loggerFor(pluginId, { ...meta, ...more }),
    };
  }
  return {
    lines,
    /** A logger outside any backend, keeping lines the same way. */
    logger: loggerFor('test', {}),
    factory: createServiceFactory({
      service: coreServices.logger,
      deps: { pluginMetadata: coreServices.pluginMetadata },
      factory: ({ pluginMetadata }) => loggerFor(pluginMetadata.getId(), {}),
    }),
  };
}
