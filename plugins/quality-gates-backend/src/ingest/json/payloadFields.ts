import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { EntityHints } from '../../catalog/EntityResolver';
import { timestampField } from '../../input/timestamp';
import { textProblem } from '../../input/storableText';

/** Most items one request may carry; they are written in one transaction. */
export const MAX_ITEMS_PER_REQUEST = 500;

/** The `source` of every row the JSON API writes. */
export const API_SOURCE = 'api';

/** A real instant with a time zone: `2026-02-30T00:00:00Z` is refused. */
export const timestamp = timestampField();

/**
 * Text that is stored: not empty, at most `max` UTF-16 units, and without
 * NUL characters or lone surrogates (request bodies are checked whole as
 * they are read; this keeps the schemas safe on their own).
 */
export const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((value, context) => {
      const problem = textProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });

/**
 * A map of at most `max` entries. The count is checked before the entries
 * are: a body of 150,000 labels is refused at once, not after each is read.
 */
export function boundedRecord<Value extends z.ZodTypeAny>(
  max: number,
  key: z.ZodString,
  value: Value,
  message: string,
) {
  return z
    .unknown()
    .refine(
      map =>
        typeof map !== 'object' ||
        map === null ||
        Object.keys(map).length <= max,
      message,
    )
    .pipe(z.record(key, value));
}

/** A row of another source, by its key: `{ source, externalId }`. */
export const sourceKey = z
  .object({ source: text(64), externalId: text(255) })
  .strict();

/**
 * What names the entity, in the order the resolver tries them: an explicit
 * entity ref, a service name, a repository slug. At least one is required.
 */
export const entityFields = {
  entityRef: text(255)
    .refine(
      isEntityRef,
      'expected an entity ref like component:default/checkout',
    )
    .optional(),
  serviceName: text(255).optional(),
  repositorySlug: z
    .string()
    .regex(/^[^/\s]+\/[^/\s]+$/, 'expected owner/name')
    .max(255)
    .optional(),
};

/** A problem found across fields, by its path within the item. */
export interface FieldIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Checks that span fields, run on the raw item even when single fields are
 * wrong (zod skips refinements then), so every problem is reported at once.
 */
export type CrossFieldCheck = (item: Record<string, unknown>) => FieldIssue[];

export function requireEntityHint(item: Record<string, unknown>): FieldIssue[] {
  const named = ['entityRef', 'serviceName', 'repositorySlug'].some(
    field => typeof item[field] === 'string' && item[field] !== '',
  );
  return named
    ? []
    : [
        {
          path: [],
          message:
            'one of entityRef, serviceName or repositorySlug is required',
        },
      ];
}

/** `later` must not be before `earlier`, when both are valid timestamps. */
export function inOrder(
  item: Record<string, unknown>,
  earlier: string,
  later: string,
): FieldIssue[] {
  const from = Date.parse(String(item[earlier]));
  const to = Date.parse(String(item[later]));
  return typeof item[earlier] === 'string' &&
    typeof item[later] === 'string' &&
    to < from
    ? [{ path: [later], message: `must not be before ${earlier}` }]
    : [];
}

export function hintsOf(item: EntityHints): EntityHints {
  return {
    entityRef: item.entityRef,
    serviceName: item.serviceName,
    repositorySlug: item.repositorySlug,
  };
}

function isEntityRef(value: string): boolean {
  try {
    parseEntityRef(value, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * One item, or `{ items: [...] }` of up to MAX_ITEMS_PER_REQUEST. Every
 * problem of every item is reported, each by its field path (e.g.
 * `items.3.environment`), so a sender fixes a batch in one round.
 */
export function parseItems<Item extends z.ZodTypeAny>(
  item: Item,
  check: CrossFieldCheck,
  body: unknown,
  what: string,
): z.infer<Item>[] {
  const isBatch = typeof body === 'object' && body !== null && 'items' in body;
  const sentItems = isBatch ? (body as { items: unknown }).items : undefined;
  // Before zod, which would check every element of a huge array first.
  if (Array.isArray(sentItems) && sentItems.length > MAX_ITEMS_PER_REQUEST) {
    throw new InputError(
      `Invalid ${what}: items: Array must contain at most ${MAX_ITEMS_PER_REQUEST} element(s)`,
    );
  }
  const schema = isBatch
    ? z
        .object({ items: z.array(item).min(1).max(MAX_ITEMS_PER_REQUEST) })
        .strict()
    : item;
  const result = schema.safeParse(body);

  const issues: FieldIssue[] = result.success ? [] : [...result.error.issues];
  const rawItems = isBatch ? (body as { items: unknown }).items : [body];
  if (Array.isArray(rawItems) && rawItems.length <= MAX_ITEMS_PER_REQUEST) {
    rawItems.forEach((raw, index) => {
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        for (const issue of check(raw as Record<string, unknown>)) {
          const prefix = isBatch ? ['items', index] : [];
          issues.push({ ...issue, path: [...prefix, ...issue.path] });
        }
      }
    });
  }
  if (issues.length === 0 && result.success) {
    return isBatch ? result.data.items : [result.data];
  }

  // Grouped by item, in the order found within each.
  const itemOf = (issue: FieldIssue) =>
    isBatch && typeof issue.path[1] === 'number' ? issue.path[1] : -1;
  const listed = issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => itemOf(a.issue) - itemOf(b.issue) || a.order - b.order)
    .slice(0, 50)
    .map(
      ({ issue }) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
  if (issues.length > listed.length) {
    listed.push(`and ${issues.length - listed.length} more`);
  }
  throw new InputError(`Invalid ${what}: ${listed.join('; ')}`);
}
