import {
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDirectory = resolvePackagePath(
  '@can-i-deploy/plugin-quality-gates-backend',
  'migrations',
);

const TABLE_NAME = 'quality_gates_knex_migrations';
/** How long to wait for knex's own migration lock before giving up. */
const LOCKED_WAIT_MS = 5 * 60_000;
const LOCKED_RETRY_MS = 1_000;

/**
 * Brings the plugin's schema up to date. Replicas take turns under an
 * advisory lock (see plugin.ts); knex's own lock can still be held by a
 * process that does not take it (an older version of the plugin during a
 * rolling upgrade), so `MigrationLocked` is waited out, for a bounded time.
 */
export async function applyDatabaseMigrations(
  knex: Knex,
  logger?: LoggerService,
): Promise<void> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({
        directory: migrationsDirectory,
        tableName: TABLE_NAME,
      });
      return;
    } catch (error) {
      if ((error as Error).name !== 'MigrationLocked') throw error;
      if (Date.now() - started > LOCKED_WAIT_MS) {
        throw new Error(
          `The plugin's migrations stayed locked for ${Math.round(
            (Date.now() - started) / 1000,
          )} s. If no process is migrating (one stopped mid-migration), set is_locked = 0 in ${TABLE_NAME}_lock.`,
        );
      }
      if (attempt === 1) {
        logger?.info('Migrations are locked by another process; waiting');
      }
      await new Promise(resolve => setTimeout(resolve, LOCKED_RETRY_MS));
    }
  }
}

/** The migration directory, for tests that step through migrations. */
export const MIGRATIONS_DIRECTORY = migrationsDirectory;
