import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { isPostgres } from './dialect';

/** What a PostgreSQL connection from knex's pool can do here. */
interface PgConnection {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a raw statement; on PostgreSQL as a named prepared statement, so
 * that a connection plans a statement it has run before only once (and,
 * after a few runs, keeps a generic plan when that is no worse). For the
 * small statements a dashboard repeats — one component's DORA figures —
 * planning was about half of the time. The name is a hash of the text, so
 * the same text is the same statement on every connection, and texts that
 * differ (another number of entities) never collide. Returns what
 * `knex.raw` returns (read it with rawRows).
 *
 * knex has no option for named statements: this borrows a connection from
 * knex's pool and gives it back, as knex itself does for a query.
 */
export async function preparedRaw(
  knex: Knex,
  statement: Knex.Raw,
): Promise<any> {
  if (!isPostgres(knex)) {
    return statement;
  }
  const { sql, bindings } = statement.toSQL().toNative();
  const name = `qg_${createHash('sha1').update(sql).digest('hex')}`;
  const client = knex.client as {
    acquireConnection(): Promise<PgConnection>;
    releaseConnection(connection: PgConnection): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    return await connection.query({
      name,
      text: sql,
      values: bindings as unknown[],
    });
  } finally {
    await client.releaseConnection(connection);
  }
}
