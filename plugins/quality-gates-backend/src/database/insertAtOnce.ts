import { Knex } from 'knex';
import { isPostgres } from './dialect';

/** Bound values PostgreSQL takes in one statement, with room to spare. */
const MAX_BINDINGS = 30_000;

/**
 * Runs inserts (parents before children) as one atomic write. On
 * PostgreSQL that is one statement, the inserts chained as data-modifying
 * `WITH` queries: one round trip instead of BEGIN, an insert per table and
 * COMMIT (foreign keys are checked at the end of the statement, when every
 * row is there). Elsewhere, or when the values are too many for one
 * statement, a transaction.
 */
export async function insertAtOnce(
  knex: Knex,
  inserts: (db: Knex | Knex.Transaction) => Knex.QueryBuilder[],
): Promise<void> {
  if (isPostgres(knex)) {
    const statements = inserts(knex).map(insert => insert.toSQL());
    const bindings = statements.flatMap(statement => statement.bindings);
    if (statements.length > 0 && bindings.length <= MAX_BINDINGS) {
      const last = statements.length - 1;
      const sql = [
        statements.length > 1 ? 'WITH ' : '',
        statements
          .slice(0, last)
          .map((statement, index) => `w${index} AS (${statement.sql})`)
          .join(', '),
        ` ${statements[last].sql}`,
      ].join('');
      await knex.raw(sql, bindings);
      return;
    }
  }
  await knex.transaction(async tx => {
    for (const insert of inserts(tx)) await insert;
  });
}
