import { Knex } from 'knex';
import { isPostgres } from '../../../database/dialect';

/** Whether a span name pattern has wildcards (`*` any run, `?` one character). */
export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/**
 * The glob as a PostgreSQL LIKE pattern (escape `\`): `*` → `%`, `?` → `_`,
 * and LIKE's own wildcards taken literally.
 */
export function globToLike(pattern: string): string {
  return pattern.replace(/[\\%_*?]/g, char => {
    if (char === '*') return '%';
    if (char === '?') return '_';
    return `\\${char}`;
  });
}

/**
 * The glob as an SQLite GLOB pattern: `*` and `?` are GLOB's own; `[` would
 * start a character class, so it is matched literally as `[[]`.
 */
export function globToSqliteGlob(pattern: string): string {
  return pattern.replace(/\[/g, '[[]');
}

/**
 * A case-sensitive match of the `name` column against an exact span name or
 * a glob, in the database's dialect (SQLite's LIKE ignores case; its GLOB
 * does not).
 */
export function spanNameCondition(
  db: Knex,
  pattern: string,
): { sql: string; bindings: string[] } {
  if (!isGlob(pattern)) return { sql: 'name = ?', bindings: [pattern] };
  return isPostgres(db)
    ? { sql: "name LIKE ? ESCAPE '\\'", bindings: [globToLike(pattern)] }
    : { sql: 'name GLOB ?', bindings: [globToSqliteGlob(pattern)] };
}

/**
 * The resource attribute `service.version` of a span, as text. Resource
 * attributes are a JSON object in a text column; both databases read a
 * field of it in SQL, each with its own function.
 */
export function serviceVersionSql(db: Knex): string {
  return isPostgres(db)
    ? "(resource_attributes::json ->> 'service.version')"
    : `CAST(json_extract(resource_attributes, '$."service.version"') AS TEXT)`;
}
