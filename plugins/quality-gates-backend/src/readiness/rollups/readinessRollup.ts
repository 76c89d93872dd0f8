import {
  ReadinessFailingCheck,
  ReadinessLevelDistribution,
  ReadinessRollupComponent,
} from '@can-i-deploy/plugin-quality-gates-common';

/** The stored readiness of one entity, as much as a roll-up needs. */
export interface StoredReadiness {
  entityRef: string;
  title?: string;
  owner?: string;
  system?: string;
  level: string | null;
  score: number | null;
  failingChecks: string[];
}

/**
 * How many entities are at each level (lowest first), at none, and how many
 * of `notEvaluated` more have no stored result.
 */
export function levelDistributionOf(
  levelIds: string[],
  rows: StoredReadiness[],
  notEvaluated = 0,
): ReadinessLevelDistribution {
  const counts = new Map<string | null, number>(
    [...levelIds, null].map(level => [level, 0]),
  );
  for (const row of rows) {
    // A level no longer configured counts as none reached.
    const level = counts.has(row.level) ? row.level : null;
    counts.set(level, counts.get(level)! + 1);
  }
  return {
    levels: [...counts].map(([level, count]) => ({ level, count })),
    notEvaluated,
    total: rows.length + notEvaluated,
  };
}

/**
 * The checks failing for the most entities first (ties by id), each with
 * the entities it fails for; at most `limit`.
 */
export function worstChecksOf(
  rows: StoredReadiness[],
  titleOf: (checkId: string) => string,
  limit: number,
): ReadinessFailingCheck[] {
  const failing = new Map<string, string[]>();
  for (const row of rows) {
    for (const checkId of row.failingChecks) {
      const entityRefs = failing.get(checkId) ?? [];
      entityRefs.push(row.entityRef);
      failing.set(checkId, entityRefs);
    }
  }
  return [...failing]
    .map(([checkId, entityRefs]) => ({
      checkId,
      title: titleOf(checkId),
      count: entityRefs.length,
      entityRefs: [...entityRefs].sort(),
    }))
    .sort((a, b) => b.count - a.count || a.checkId.localeCompare(b.checkId))
    .slice(0, limit);
}

/**
 * A roll-up's rows: evaluated entities least ready first (lowest level,
 * then lowest score), then those without a result; by ref within.
 */
export function rollupComponentsOf(
  levelIds: string[],
  entityRefs: string[],
  stored: StoredReadiness[],
): ReadinessRollupComponent[] {
  const byRef = new Map(stored.map(row => [row.entityRef, row]));
  const rank = (level: string | null) =>
    level === null ? 0 : levelIds.indexOf(level) + 1;
  const rows: ReadinessRollupComponent[] = entityRefs.map(entityRef => {
    const row = byRef.get(entityRef);
    if (!row) {
      return {
        entityRef,
        evaluated: false,
        level: null,
        score: null,
        failingChecks: [],
      };
    }
    return {
      entityRef,
      ...(row.title ? { title: row.title } : {}),
      evaluated: true,
      level: row.level,
      score: row.score,
      failingChecks: row.failingChecks,
    };
  });
  return rows.sort(
    (a, b) =>
      Number(a.evaluated === false) - Number(b.evaluated === false) ||
      rank(a.level) - rank(b.level) ||
      (a.score ?? -1) - (b.score ?? -1) ||
      a.entityRef.localeCompare(b.entityRef),
  );
}
