import { Knex } from 'knex';
import { isPostgres } from '../database/dialect';
import {
  CI_ATTRIBUTE_ALIASES,
  resultWordsFor,
} from '../ingest/otlp/ciAttributes';

/** A constant as an SQL string literal. */
function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Reading span attributes (JSON text columns) in SQL. A span's CI task is
 * not a column: it is read from its attributes, over its resource's, through
 * the same alias table the waterfall uses (see `normaliseCiAttributes`).
 */
export interface CiTaskSql {
  /** The JSON columns as the expressions `attributes` reads from. */
  parsed(column: string): string;
  /** Keyword that keeps a CTE from being inlined (parse JSON once). */
  materialized: string;
  /** A field's text: the first alias a span or its resource sets, non-empty. */
  field(
    field: 'taskName' | 'taskType' | 'taskResult',
    span: string,
    resource: string,
  ): string;
  /**
   * 1 when the task failed: its result word means failure, error or
   * timeout, or it names no result and its span status is error.
   */
  failed(span: string, resource: string, statusCode: string): string;
}

export function ciTaskSql(knex: Knex): CiTaskSql {
  const postgres = isPostgres(knex);
  const text = (json: string, key: string) =>
    postgres
      ? `(${json} ->> ${sqlString(key)})`
      : `json_extract(${json}, ${sqlString(`$."${key}"`)})`;
  const nonEmpty = (expression: string) => `nullif(trim(${expression}), '')`;
  const field: CiTaskSql['field'] = (name, span, resource) =>
    `coalesce(${CI_ATTRIBUTE_ALIASES[name]
      .flatMap(key => [
        nonEmpty(text(span, key)),
        nonEmpty(text(resource, key)),
      ])
      .join(', ')})`;
  const failingWords = resultWordsFor(['failure', 'error', 'timeout'])
    .map(sqlString)
    .join(', ');
  return {
    parsed: column => (postgres ? `${column}::jsonb` : column),
    materialized: postgres ? 'materialized' : '',
    field,
    failed(span, resource, statusCode) {
      const result = field('taskResult', span, resource);
      return `case
        when lower(${result}) in (${failingWords}) then 1
        when ${result} is null and ${statusCode} = 'error' then 1
        else 0 end`;
    },
  };
}
