import { Knex } from 'knex';
import { isPostgres } from '../database/dialect';

/**
 * SQL fragments that differ between PostgreSQL and SQLite. Everything else
 * in the DORA queries is plain SQL both run (CTEs, window functions).
 */
export interface DoraDialect {
  /** Seconds since the epoch of a timestamp expression, as a float. */
  epoch(expression: string): string;
  /** Largest integer not above a numeric expression. */
  floorToInteger(expression: string): string;
}

export function doraDialect(knex: Knex): DoraDialect {
  if (isPostgres(knex)) {
    return {
      epoch: expression => `extract(epoch from ${expression})::float8`,
      floorToInteger: expression => `floor(${expression})::integer`,
    };
  }
  // SQLite keeps timestamps as epoch milliseconds.
  return {
    epoch: expression => `(${expression} / 1000.0)`,
    floorToInteger: expression => `cast(${expression} as integer)`,
  };
}

/** When a deployment reached its environment. */
export function deployedAt(alias: string): string {
  return `coalesce(${alias}.finished_at, ${alias}.started_at)`;
}

/** `?, ?, ?` for a list bound as separate values. */
export function placeholders(values: unknown[]): string {
  if (values.length === 0) {
    throw new Error('An empty list cannot be bound into SQL');
  }
  return values.map(() => '?').join(', ');
}

/**
 * The nearest-rank percentile of rows numbered 1..n in order:
 * row ceil(p·n), written in integer arithmetic both databases share.
 */
export function nearestRank(percent: number, n: string): string {
  return `((${n}) * ${percent} + 99) / 100`;
}
