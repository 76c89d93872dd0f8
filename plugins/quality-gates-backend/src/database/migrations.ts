import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDirectory = resolvePackagePath(
  '@can-i-deploy/plugin-quality-gates-backend',
  'migrations',
);

/** Brings the plugin's schema up to date; safe to run from several replicas. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: migrationsDirectory,
    tableName: 'quality_gates_knex_migrations',
  });
}

/** The migration directory, for tests that step through migrations. */
export const MIGRATIONS_DIRECTORY = migrationsDirectory;
