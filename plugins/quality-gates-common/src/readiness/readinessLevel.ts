import {
  meetsReadinessCheck,
  READINESS_CHECK_STATES,
  ReadinessCheckResult,
  ReadinessLevel,
  ReadinessStateCounts,
} from './ReadinessCheck';

/**
 * The highest level reached: each level needs every check of its own and of
 * every lower level met. Returns null when not even the first is reached.
 * `checkLevels` maps a check id to its level id.
 *
 * @public
 */
export function reachedReadinessLevel(
  levels: ReadinessLevel[],
  checkLevels: ReadonlyMap<string, string | undefined>,
  results: ReadinessCheckResult[],
): string | null {
  const unmetLevels = new Set<string>();
  for (const result of results) {
    const level = checkLevels.get(result.checkId);
    if (level && !meetsReadinessCheck(result.state)) unmetLevels.add(level);
  }
  let reached: string | null = null;
  for (const level of levels) {
    if (unmetLevels.has(level.id)) break;
    reached = level.id;
  }
  return reached;
}

/**
 * The level after `current` in order, or null at the top.
 *
 * @public
 */
export function nextReadinessLevel(
  levels: ReadinessLevel[],
  current: string | null,
): string | null {
  if (current === null) return levels[0]?.id ?? null;
  const index = levels.findIndex(level => level.id === current);
  return levels[index + 1]?.id ?? null;
}

/**
 * How many results are in each state.
 *
 * @public
 */
export function countReadinessStates(
  results: Array<Pick<ReadinessCheckResult, 'state'>>,
): ReadinessStateCounts {
  const counts = Object.fromEntries(
    READINESS_CHECK_STATES.map(state => [state, 0]),
  ) as ReadinessStateCounts;
  for (const result of results) counts[result.state] += 1;
  return counts;
}

/**
 * Share of applicable checks that are met, 0–100, rounded; null when no
 * check applies. Exempt checks count as met.
 *
 * @public
 */
export function readinessScore(counts: ReadinessStateCounts): number | null {
  const applicable =
    counts.passed +
    counts.warning +
    counts.failed +
    counts.error +
    counts.not_reported +
    counts.exempt;
  if (applicable === 0) return null;
  const met = counts.passed + counts.warning + counts.exempt;
  return Math.round((100 * met) / applicable);
}
