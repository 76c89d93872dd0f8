import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { EvidenceSentence } from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
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
 * beat, but not yet rather than no while the next is not overdue: the rest
 * are due at the pace asked for.
 * The details give the last heartbeat seen, in the window or before it,
 * and its age.
 */
export function createHeartbeatCriterionSource(knex: Knex): CriterionSource {
  const store = new HeartbeatStore(knex);
  return {
    id: 'heartbeat',
    // Reads only the platform's records of the entity being evaluated.
    safeForRepositoryConfig: true,
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
      const lastAgeMs = last
        ? Math.max(0, end.diff(DateTime.fromISO(last.occurredAt)).toMillis())
        : undefined;
      // A beat that has started but is short of minCount may still reach
      // it: ask again when the next heartbeats are due at the pace asked
      // for (minCount over the span). Silence stays a failure.
      const paceMs = end.diff(start).toMillis() / heartbeat.minCount;
      // Only while the next one is not overdue: an overdue beat is silence.
      const nextDue = last
        ? DateTime.fromISO(last.occurredAt).plus({ milliseconds: paceMs })
        : undefined;
      const notYet =
        !enough && count > 0 && last && paceMs > 0 && nextDue! > end
          ? {
              askAgainAt: DateTime.fromISO(last.occurredAt)
                .plus({ milliseconds: paceMs * (heartbeat.minCount - count) })
                .toUTC()
                .toISO()!,
              reason: `${heartbeat.minCount - count} more '${heartbeat.name}' ${
                heartbeat.minCount - count === 1 ? 'heartbeat' : 'heartbeats'
              } due`,
            }
          : undefined;
      return {
        value: enough ? count : 0,
        sampleSize: count,
        ...(notYet ? { notYet } : {}),
        ...heartbeatEvidence({
          name: heartbeat.name,
          count,
          minCount: heartbeat.minCount,
          ...(heartbeat.within
            ? { withinMs: heartbeat.within.toMillis() }
            : { since: start.toUTC().toISO()! }),
          ...(last ? { last: { at: last.occurredAt, ageMs: lastAgeMs! } } : {}),
        }),
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

/** "no 'smoke' heartbeat for 3 h; needs one every 30 min". */
export function heartbeatEvidence(observed: {
  name: string;
  count: number;
  minCount: number;
  /** The span heartbeats are counted over, or where the window starts. */
  withinMs?: number;
  since?: string;
  last?: { at: string; ageMs: number };
}): Pick<CriterionMeasurement, 'summary' | 'facts'> {
  const { name, count, minCount, withinMs, since, last } = observed;
  let over: EvidenceSentence = [];
  if (withinMs !== undefined) {
    over = [' in the last ', { kind: 'duration', ms: withinMs }];
  } else if (since) {
    over = [' since ', { kind: 'time', at: since }];
  }
  const need: EvidenceSentence =
    minCount === 1 && withinMs !== undefined
      ? ['; needs one every ', { kind: 'duration', ms: withinMs }]
      : ['; needs at least ', { kind: 'count', value: minCount }, ...over];
  let summary: EvidenceSentence;
  if (count >= minCount) {
    summary = [
      { kind: 'count', value: count },
      ` '${name}' ${count === 1 ? 'heartbeat' : 'heartbeats'}`,
      ...over,
      ...(last
        ? [
            '; the latest ',
            { kind: 'duration' as const, ms: last.ageMs },
            ' ago',
          ]
        : []),
    ];
  } else if (count > 0) {
    summary = [
      { kind: 'count', value: count },
      ` '${name}' ${count === 1 ? 'heartbeat' : 'heartbeats'}`,
      ...over,
      ...need,
    ];
  } else {
    summary = [
      `no '${name}' heartbeat `,
      ...(last
        ? ['for ', { kind: 'duration' as const, ms: last.ageMs }]
        : ['yet']),
      ...need,
    ];
  }
  return {
    summary,
    facts: [
      { kind: 'text', text: name, label: 'Heartbeat' },
      { kind: 'count', value: count, label: 'Seen' },
      ...(minCount > 1
        ? [{ kind: 'count' as const, value: minCount, label: 'Needed' }]
        : []),
      ...(last
        ? [{ kind: 'time' as const, at: last.at, label: 'Latest' }]
        : []),
    ],
  };
}
