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
  /** Seconds from one timestamp expression to another, as a float. */
  secondsBetween(later: string, earlier: string): string;
}

export function doraDialect(knex: Knex | Knex.Transaction): DoraDialect {
  if (isPostgres(knex)) {
    return {
      epoch: expression => `date_part('epoch', ${expression})`,
      floorToInteger: expression => `floor(${expression})::integer`,
      // date_part stays in float8; extract() computes in numeric since
      // PostgreSQL 14, several times slower over many rows.
      secondsBetween: (later, earlier) =>
        `date_part('epoch', ${later} - ${earlier})`,
    };
  }
  // SQLite keeps timestamps as epoch milliseconds.
  return {
    epoch: expression => `(${expression} / 1000.0)`,
    floorToInteger: expression => `cast(${expression} as integer)`,
    secondsBetween: (later, earlier) => `((${later} - ${earlier}) / 1000.0)`,
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
