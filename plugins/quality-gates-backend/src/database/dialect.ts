import { Knex } from 'knex';

/** Whether the client talks to PostgreSQL (as opposed to SQLite). */
export function isPostgres(db: Knex | Knex.Transaction): boolean {
  return /^(pg|postgres)/.test(String(db.client.config.client));
}
