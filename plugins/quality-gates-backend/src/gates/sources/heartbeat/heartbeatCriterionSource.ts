import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import { HeartbeatStore } from '../../../heartbeats/HeartbeatStore';
import { readHeartbeatDefinition } from './heartbeatDefinition';

/**
 * `source: heartbeat`: how many heartbeats of `name` the entity sent within
 * `within` (the gate's window by default) before the evaluation, narrowed
 * to the version under test with `sameVersion: true` and to one
 * `environment` when given. Passes by default at one or more.
 *
 * No heartbeat is 0, a failure — not no data: the silence is the signal.
 * Fewer than `minCount` heartbeats count as none (0, the real count in the
 * details), so a trickle does not pass a criterion that asks for a steady
 * beat. The details give the last heartbeat seen, in the window or before
 * it, and its age.
 */
export function createHeartbeatCriterionSource(knex: Knex): CriterionSource {
  const store = new HeartbeatStore(knex);
  return {
    id: 'heartbeat',
    async measure({ entityRef, version, definition, window }) {
      const heartbeat = readHeartbeatDefinition(definition);
      const end = DateTime.fromISO(window.end);
      const start = heartbeat.within
        ? end.minus(heartbeat.within)
        : DateTime.fromISO(window.start);
      const { count, last } = await store.seen({
        entityRef,
        name: heartbeat.name,
        environment: heartbeat.environment,
        version: heartbeat.sameVersion ? version : undefined,
        from: start.toISO()!,
        to: end.toISO()!,
      });
      const enough = count >= heartbeat.minCount;
      return {
        value: enough ? count : 0,
        sampleSize: count,
        details: {
          name: heartbeat.name,
          count,
          ...(heartbeat.minCount > 1 ? { minCount: heartbeat.minCount } : {}),
          since: start.toUTC().toISO(),
          ...(heartbeat.sameVersion ? { version } : {}),
          ...(heartbeat.environment
            ? { environment: heartbeat.environment }
            : {}),
          ...(last
            ? {
                lastOccurredAt: last.occurredAt,
                lastReceivedAt: last.receivedAt,
                lastAgeSeconds: Math.max(
                  0,
                  Math.round(
                    end.diff(DateTime.fromISO(last.occurredAt)).as('seconds'),
                  ),
                ),
                ...(last.version ? { lastVersion: last.version } : {}),
              }
            : {}),
          ...(enough
            ? {}
            : {
                reason:
                  count === 0
                    ? `no '${heartbeat.name}' heartbeat since ${start
                        .toUTC()
                        .toISO()}`
                    : `${count} '${heartbeat.name}' heartbeats, fewer than the ${heartbeat.minCount} required`,
              }),
        },
      };
    },
  };
}
