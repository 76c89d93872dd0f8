import { Knex } from 'knex';

/** Rows per statement: well under every database's bind-parameter limit. */
const CHUNK_SIZE = 500;

/**
 * Inserts rows, updating in place those whose key already exists.
 *
 * - A batch that names one key twice keeps the last row, as sequential
 *   upserts would (PostgreSQL rejects a statement touching a row twice).
 * - Rows are sorted by key so concurrent writers of overlapping batches lock
 *   rows in the same order (PostgreSQL deadlocks on opposite orders).
 * - Run it inside the caller's transaction to make a request all-or-nothing.
 */
export async function upsertRows<Row extends Record<string, unknown>>(
  db: Knex | Knex.Transaction,
  options: {
    table: string;
    rows: Row[];
    keyColumns: Array<keyof Row & string>;
    /**
     * What a redelivery may change: column names take the new value; an
     * object maps columns to expressions (e.g. to never regress a state).
     * Everything else keeps its first value.
     */
    merge: Array<keyof Row & string> | Record<string, Knex.Raw>;
  },
): Promise<void> {
  const { table, rows, keyColumns, merge } = options;
  if (rows.length === 0) {
    return;
  }
  const keyOf = (row: Row) => JSON.stringify(keyColumns.map(c => row[c]));
  const lastRowByKey = new Map<string, Row>();
  for (const row of rows) {
    lastRowByKey.set(keyOf(row), row);
  }
  const unique = [...lastRowByKey.keys()]
    .sort()
    .map(key => lastRowByKey.get(key)!);
  for (let i = 0; i < unique.length; i += CHUNK_SIZE) {
    await db(table)
      .insert(unique.slice(i, i + CHUNK_SIZE))
      .onConflict(keyColumns)
      .merge(merge as any);
  }
}
