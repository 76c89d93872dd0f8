import { DateTime } from 'luxon';
import { z } from 'zod';
import { EntityHints } from '../../catalog/EntityResolver';
import { HeartbeatReport } from '../../heartbeats/HeartbeatStore';
import { EntityAssignment } from '../../delivery/DeliveryBatch';
import {
  API_SOURCE,
  boundedRecord,
  CrossFieldCheck,
  entityFields,
  FieldIssue,
  hintsOf,
  requireEntityHint,
  text,
  timestamp,
} from '../json/payloadFields';

/**
 * How far ahead of our clock a heartbeat may say it happened: senders'
 * clocks drift a little, but a heartbeat from the future would keep a
 * criterion passing until then.
 */
export const MAX_CLOCK_AHEAD = { minutes: 5 };

const detailValue = z.union([
  z.string().max(1000),
  z.number(),
  z.boolean(),
  z.null(),
]);

/** One heartbeat as a script, monitor or job reports it. Unknown fields are refused. */
export const heartbeatPayload = z
  .object({
    ...entityFields,
    name: text(255),
    environment: text(255).optional(),
    version: text(255).optional(),
    /** When it happened; the time it is received by default. */
    occurredAt: timestamp.optional(),
    /** The sender's id: resending it changes nothing. */
    externalId: text(255).optional(),
    details: boundedRecord(
      50,
      z.string().min(1).max(255),
      detailValue,
      'at most 50 keys',
    ).optional(),
  })
  .strict();

function notInTheFuture(
  item: Record<string, unknown>,
  now: DateTime,
): FieldIssue[] {
  if (typeof item.occurredAt !== 'string') return [];
  const at = DateTime.fromISO(item.occurredAt);
  return at.isValid && at > now.plus(MAX_CLOCK_AHEAD)
    ? [
        {
          path: ['occurredAt'],
          message: `is more than ${MAX_CLOCK_AHEAD.minutes} minutes in the future`,
        },
      ]
    : [];
}

/** What spans fields: an entity hint, and a time that has come. */
export function heartbeatChecks(now: DateTime): CrossFieldCheck {
  return item => [...requireEntityHint(item), ...notInTheFuture(item, now)];
}

export type HeartbeatPayload = z.infer<typeof heartbeatPayload>;

/** The heartbeat to write, before its entity is resolved. */
export function heartbeatReportOf(
  payload: HeartbeatPayload,
  receivedAt: DateTime,
): {
  hints: EntityHints;
  report: Omit<HeartbeatReport, keyof EntityAssignment>;
} {
  const { entityRef, serviceName, repositorySlug, occurredAt, ...fields } =
    payload;
  return {
    hints: hintsOf({ entityRef, serviceName, repositorySlug }),
    report: {
      ...fields,
      source: API_SOURCE,
      occurredAt: occurredAt ?? receivedAt.toUTC().toISO()!,
    },
  };
}
