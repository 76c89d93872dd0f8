import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { isPostgres } from './dialect';

/** What a PostgreSQL connection from knex's pool can do here. */
interface PgConnection {
  query(config: {
    name?: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: unknown[] }>;
}

/**
 * The server does not have the statement the client believes it prepared,
 * or already has one of that name: what a pooler in front of PostgreSQL
 * (PgBouncer in transaction mode) causes by handing the client another
 * server connection.
 */
const LOST_STATEMENT_CODES = new Set(['26000', '42P05']);

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
 * knex's pool and gives it back, as knex itself does for a query. Behind a
 * pooler that moves clients between server connections, a statement the
 * server does not know (or knows already) is run again unnamed.
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
  const values = bindings as unknown[];
  try {
    return await connection.query({ name, text: sql, values });
  } catch (error) {
    if (!LOST_STATEMENT_CODES.has((error as { code?: string }).code ?? '')) {
      throw error;
    }
    return await connection.query({ text: sql, values });
  } finally {
    await client.releaseConnection(connection);
  }
}
