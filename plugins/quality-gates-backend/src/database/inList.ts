import { Knex } from 'knex';
import { isPostgres } from './dialect';

/**
 * `column in (values)` as SQL with one bound parameter, however many values
 * there are: lists of visible entities can be longer than a database takes
 * bind parameters (SQLite's limit is 32,766). Never call with no values.
 */
export function inListSql(
  knex: Knex | Knex.Transaction,
  column: string,
  values: readonly string[],
): { sql: string; bindings: Knex.Value[] } {
  if (values.length === 0) {
    throw new Error('An empty list cannot be bound into SQL');
  }
  return {
    sql: isPostgres(knex)
      ? `${column} in (select jsonb_array_elements_text(?::jsonb))`
      : `${column} in (select value from json_each(?))`,
    bindings: [JSON.stringify(values)],
  };
}

/**
 * Narrows a query to rows whose `column` is one of `values`; none match an
 * empty list. See `inListSql`.
 */
export function whereInList<Q extends Knex.QueryBuilder>(
  knex: Knex | Knex.Transaction,
  query: Q,
  column: string,
  values: readonly string[],
): Q {
  if (values.length === 0) return query.whereRaw('1 = 0') as Q;
  const { sql, bindings } = inListSql(knex, '??', values);
  return query.whereRaw(sql, [column, ...bindings]) as Q;
}
