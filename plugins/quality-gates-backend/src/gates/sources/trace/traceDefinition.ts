import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { describeIssues } from '../../definitions/gateSchema';

/** What a trace criterion measures of the matching spans. */
export const TRACE_ASSERTIONS = [
  'errorSpans',
  'durationP50Ms',
  'durationP95Ms',
  'durationMaxMs',
] as const;
export type TraceAssertion = (typeof TRACE_ASSERTIONS)[number];

const definitionSchema = z
  .object({
    /** An exact span name, or a glob with `*` and `?`. */
    spanName: z.string().min(1).max(1000),
    /** Only spans of this `service.name`. */
    service: z.string().min(1).max(255).optional(),
    assert: z.enum(TRACE_ASSERTIONS, {
      errorMap: () => ({
        message: `must be one of ${TRACE_ASSERTIONS.join(', ')}`,
      }),
    }),
    /** Fewer matching spans than this is no data. */
    minSpans: z.number().int().min(1).default(1),
  })
  .strict();

export type TraceDefinition = z.infer<typeof definitionSchema>;

/** Reads and checks a definition; throws saying what is wrong. */
export function readTraceDefinition(
  definition: Record<string, unknown>,
): TraceDefinition {
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new InputError(describeIssues(parsed.error, 'trace criterion'));
  }
  return parsed.data;
}

/** The nearest-rank percentile of each duration assertion (max is the 100th). */
export const PERCENTILE_OF: Record<
  Exclude<TraceAssertion, 'errorSpans'>,
  number
> = {
  durationP50Ms: 50,
  durationP95Ms: 95,
  durationMaxMs: 100,
};

/**
 * The 1-based rank of the nearest-rank percentile among `count` sorted
 * values: the smallest value with at least `percent` % of values at or
 * below it (at least the first).
 */
export function nearestRank(percent: number, count: number): number {
  return Math.max(1, Math.ceil((percent * count) / 100));
}
