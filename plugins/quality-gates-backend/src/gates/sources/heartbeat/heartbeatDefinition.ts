import { InputError } from '@backstage/errors';
import { Duration } from 'luxon';
import { z } from 'zod';
import { describeIssues, durationSchema } from '../../definitions/gateSchema';

const definitionSchema = z
  .object({
    name: z.string().min(1).max(255),
    /** How far back a heartbeat counts; the gate's window by default. */
    within: durationSchema.optional(),
    /** Only heartbeats that report the version under test. */
    sameVersion: z.boolean().default(false),
    /** Only heartbeats that report this environment; any by default. */
    environment: z.string().min(1).max(255).optional(),
    /** Fewer heartbeats than this count as none. */
    minCount: z.number().int().min(1).default(1),
  })
  .strict();

/** The `heartbeat` part of a criterion definition, checked. */
export interface HeartbeatDefinition {
  name: string;
  within?: Duration;
  sameVersion: boolean;
  environment?: string;
  minCount: number;
}

/** Reads and checks a definition; throws saying what is wrong. */
export function readHeartbeatDefinition(
  definition: Record<string, unknown>,
): HeartbeatDefinition {
  const parsed = definitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new InputError(describeIssues(parsed.error, 'heartbeat criterion'));
  }
  const { within, ...rest } = parsed.data;
  if (within === undefined) return rest;
  const length =
    typeof within === 'string'
      ? Duration.fromISO(within)
      : Duration.fromObject(within);
  if (!length.isValid || length.toMillis() <= 0) {
    throw new InputError(
      'heartbeat criterion.within must be a positive duration, e.g. { minutes: 10 } or PT10M',
    );
  }
  return { ...rest, within: length };
}
