import { Knex } from 'knex';
import { DateTime } from 'luxon';
import {
  countReadinessStates,
  reachedReadinessLevel,
  ReadinessCheckResult,
  readinessScore,
} from '@can-i-deploy/plugin-quality-gates-common';
import { ReadinessCheckSet } from '../readiness/ReadinessCheckSet';

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
 * one setback). The scheduled evaluation adds today's point. Entities that
 * already have history are left alone.
 */
export async function seedDemoReadinessHistory(options: {
  knex: Knex;
  checkSet: ReadinessCheckSet;
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
  let seeded = 0;
  for (const entityRef of options.entityRefs) {
    const existing = await knex('readiness_history')
      .where({ entity_ref: entityRef })
      .first('id');
    if (existing) continue;
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
        level: reachedReadinessLevel(
          checkSet.levels,
          checkSet.levelOfCheck,
          results,
        ),
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
