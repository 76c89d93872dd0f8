import { z } from 'zod';

/**
 * Checks the source's part of a criterion definition with its schema. A
 * mistake throws one line per problem naming the field, e.g.
 * `http-check criterion: tries: Number must be less than or equal to 10`;
 * the gate then records the criterion as `error` with that message.
 */
export function parseDefinition<T extends z.ZodTypeAny>(
  schema: T,
  definition: Record<string, unknown>,
  sourceId: string,
): z.infer<T> {
  const parsed = schema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(issue => {
    const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${path}${issue.message}`;
  });
  throw new Error(`${sourceId} criterion: ${problems.join('; ')}`);
}
