import { InputError } from '@backstage/errors';

/*
 * Strings from requests are JavaScript strings: UTF-16 that may hold a NUL
 * (PostgreSQL refuses it in text and jsonb) or a lone surrogate (not valid
 * Unicode: the database driver writes it as U+FFFD, so `rel-\ud800` and
 * `rel-\udbff` would become the same key). Such strings are refused at the
 * boundary, or, for free-form telemetry, replaced by U+FFFD on purpose.
 */

/** Anything worth a closer look: NUL or any surrogate (paired ones are fine). */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = new RegExp(`\u0000|${LONE_SURROGATE.source}`, 'g');

/** Why a string cannot be stored as sent; undefined when it can. */
export function textProblem(value: string): string | undefined {
  if (!SUSPECT.test(value)) return undefined;
  if (value.includes('\u0000')) {
    return 'contains a NUL character (U+0000), which cannot be stored';
  }
  if (LONE_SURROGATE.test(value)) {
    return 'contains a lone UTF-16 surrogate, which is not valid Unicode';
  }
  return undefined;
}

/**
 * The string with every NUL and lone surrogate replaced by U+FFFD: for
 * free-form content (span names, attribute values) where refusing a whole
 * trace for one character would lose more than it protects.
 */
export function storableText(value: string): string {
  return SUSPECT.test(value) ? value.replace(UNSTORABLE, '\uFFFD') : value;
}

/** At most `length` UTF-16 units, never cutting a surrogate pair in half. */
export function clipText(value: string, length: number): string {
  if (value.length <= length) return value;
  const code = value.charCodeAt(length - 1);
  const endsInHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return value.slice(0, endsInHighSurrogate ? length - 1 : length);
}

/** Where in a JSON value a string cannot be stored, and why. */
export interface TextIssue {
  /** Dot-separated, as zod names fields: `items.3.externalId`. */
  path: string;
  message: string;
}

/**
 * The first string (value or object key) in a parsed JSON value that cannot
 * be stored, walking without recursion so that no nesting exhausts the
 * stack. `root` prefixes the path (e.g. `query`).
 */
export function findTextIssue(
  value: unknown,
  root?: string,
): TextIssue | undefined {
  // Each entry points at its parent: paths are only spelled out when needed.
  const pending: Visit[] = [{ value, key: root }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { path: pathOf(visit), message: problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        pending.push({ value: current[i], key: i, parent: visit });
      }
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (const key of keys) {
        const problem = textProblem(key);
        if (problem) {
          return {
            path: pathOf(visit),
            message: `has a field name that ${problem}`,
          };
        }
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        pending.push({
          value: (current as Record<string, unknown>)[keys[i]],
          key: keys[i],
          parent: visit,
        });
      }
    }
  }
  return undefined;
}

interface Visit {
  value: unknown;
  key?: string | number;
  parent?: Visit;
}

function pathOf(visit: Visit): string {
  const path: Array<string | number> = [];
  for (let at: Visit | undefined = visit; at; at = at.parent) {
    if (at.key !== undefined) path.unshift(at.key);
  }
  return path.length ? path.join('.') : '(body)';
}

/** Throws a 400 naming the first string that cannot be stored. */
export function requireStorableText(value: unknown, root?: string): void {
  const issue = findTextIssue(value, root);
  if (issue) {
    throw new InputError(`${issue.path}: ${issue.message}`);
  }
}
