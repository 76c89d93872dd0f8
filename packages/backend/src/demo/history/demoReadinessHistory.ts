import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  countReadinessStates,
  reachedReadinessLevel,
  ReadinessCheckResult,
  ReadinessChecksResponse,
  readinessScore,
} from '@can-i-deploy/plugin-quality-gates-common';
import { oneReplicaAtATime } from './replicaTurns';
import { millisOf } from './timestamps';

/** Weeks back of each demo point, and how many checks passed then. */
const DEMO_POINTS = [
  { daysAgo: 35, passing: 1 },
  { daysAgo: 24, passing: 2 },
  { daysAgo: 14, passing: 4 },
  { daysAgo: 6, passing: 3 },
];

/**
 * Demo only: weeks of readiness history for the demo entities, so the
 * trend chart has a story on the first start (a component improving, with
 * one setback), written into the plugin's readiness history. The scheduled
 * evaluation adds today's point. Entities with history older than a day
 * are left alone; replicas starting together take turns, so the first
 * seeds and the others find its history.
 */
export async function seedDemoReadinessHistory(options: {
  knex: Knex;
  /** The plugin's checks and levels (`GET /readiness/checks`). */
  checkSet: ReadinessChecksResponse;
  entityRefs: string[];
  now?: DateTime;
}): Promise<number> {
  const { knex, checkSet } = options;
  const now = options.now ?? DateTime.utc();
  // Checks in level order, so passing more of them climbs the levels.
  const levelIds = checkSet.levels.map(level => level.id);
  const ordered = [...checkSet.checks].sort(
    (a, b) => levelIds.indexOf(a.level ?? '') - levelIds.indexOf(b.level ?? ''),
  );
  return oneReplicaAtATime(knex, 'demoReadinessHistory', () =>
    seedEntities(knex, options.entityRefs, ordered, checkSet, now),
  );
}

async function seedEntities(
  knex: Knex,
  entityRefs: string[],
  ordered: ReadinessChecksResponse['checks'],
  checkSet: ReadinessChecksResponse,
  now: DateTime,
): Promise<number> {
  const levelOfCheck = new Map(
    checkSet.checks.map(check => [check.id, check.level]),
  );
  let seeded = 0;
  for (const entityRef of entityRefs) {
    const times: Array<{ evaluated_at: Date | number | string }> = await knex(
      'readiness_history',
    )
      .where({ entity_ref: entityRef })
      .select('evaluated_at');
    const dayAgo = now.minus({ days: 1 }).toMillis();
    if (times.some(row => millisOf(row.evaluated_at) < dayAgo)) continue;
    const rows = DEMO_POINTS.map(({ daysAgo, passing }) => {
      const results: ReadinessCheckResult[] = ordered.map((check, index) => ({
        checkId: check.id,
        state: index < passing ? 'passed' : 'failed',
        message: '',
      }));
      const counts = countReadinessStates(results);
      return {
        entity_ref: entityRef,
        evaluated_at: now.minus({ days: daysAgo }).toJSDate(),
        level: reachedReadinessLevel(checkSet.levels, levelOfCheck, results),
        score: readinessScore(counts),
        counts: JSON.stringify(counts),
        states: JSON.stringify(
          Object.fromEntries(results.map(r => [r.checkId, r.state])),
        ),
      };
    });
    await knex('readiness_history').insert(rows);
    seeded += rows.length;
  }
  return seeded;
}
