import { z } from 'zod';
import { parseDefinition } from '../definition/parseDefinition';
import { expectStatusSchema } from './expectedStatus';

/** The most URLs one criterion checks, so one gate cannot fan out widely. */
export const MAX_URLS = 20;

const urlTemplate = z.string().min(1);

/** The `http-check` part of a criterion definition. */
export const httpCheckDefinitionSchema = z
  .object({
    /** One URL, or `urls` for several; `{{version}}` etc. are filled in. */
    url: urlTemplate.optional(),
    urls: z.array(urlTemplate).min(1).max(MAX_URLS).optional(),
    method: z.enum(['GET', 'HEAD']).default('GET'),
    expectStatus: expectStatusSchema,
    /** A slower answer is a failed try; also how long a try waits. */
    maxLatencyMs: z.number().int().positive().max(120_000).optional(),
    /** Tries per URL before it counts as failed. */
    tries: z.number().int().min(1).max(10).default(3),
    /** Wait before the second try; doubles before each further one. */
    backoffMs: z.number().int().min(0).max(60_000).default(500),
    /** Text the body must contain (GET only). */
    bodyContains: z.string().min(1).optional(),
    headers: z.record(z.string()).optional(),
    /** Follow 3xx answers (each hop is checked like the URL). */
    followRedirects: z.boolean().default(true),
  })
  .strict()
  .superRefine((definition, ctx) => {
    if ((definition.url === undefined) === (definition.urls === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: "give either 'url' or 'urls'",
      });
    }
    if (definition.bodyContains !== undefined && definition.method === 'HEAD') {
      ctx.addIssue({
        code: 'custom',
        path: ['bodyContains'],
        message: 'a HEAD request has no body to look in; use GET',
      });
    }
  });

export type HttpCheckDefinition = z.infer<typeof httpCheckDefinitionSchema>;

/** Reads and checks a definition; throws saying what is wrong. */
export function readHttpCheckDefinition(
  definition: Record<string, unknown>,
): HttpCheckDefinition {
  return parseDefinition(httpCheckDefinitionSchema, definition, 'http-check');
}
