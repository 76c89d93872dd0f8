import { Knex } from 'knex';
import { timestampToDatabase } from './timestamps';

/** Narrows a query to `from <= column < to` (ISO 8601), where given. */
export function inTimeRange<Q extends Knex.QueryBuilder>(
  query: Q,
  column: string,
  range: { from?: string; to?: string },
): Q {
  if (range.from) {
    query.andWhere(column, '>=', timestampToDatabase(range.from));
  }
  if (range.to) {
    query.andWhere(column, '<', timestampToDatabase(range.to));
  }
  return query;
}

/**
 * One page of a filtered query, newest first by `timeColumn` (id breaks
 * ties, so pages never overlap), and the total count of the filter.
 */
export async function readNewestFirst<Row>(
  filtered: Knex.QueryBuilder,
  options: { timeColumn: string; limit: number; offset: number },
): Promise<{ rows: Row[]; totalCount: number }> {
  const [rows, [{ count }]] = await Promise.all([
    filtered
      .clone()
      .select('*')
      .orderBy([
        { column: options.timeColumn, order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(options.limit)
      .offset(options.offset),
    filtered.clone().count({ count: '*' }),
  ]);
  return { rows: rows as Row[], totalCount: Number(count) };
}
