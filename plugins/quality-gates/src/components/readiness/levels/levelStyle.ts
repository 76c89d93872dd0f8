import { ReadinessLevel } from '@can-i-deploy/plugin-quality-gates-common';

/**
 * Levels are configurable, so colours go by rung, not by name: the first
 * three look like bronze, silver and gold, higher ones like platinum.
 */
const RUNG_COLORS = ['#a0522d', '#78909c', '#b8860b', '#5c6bc0'];

export function levelColor(levels: ReadinessLevel[], levelId: string): string {
  const index = levels.findIndex(level => level.id === levelId);
  return RUNG_COLORS[Math.min(Math.max(index, 0), RUNG_COLORS.length - 1)];
}

export function levelTitle(
  levels: ReadinessLevel[],
  levelId: string | null | undefined,
): string {
  if (!levelId) return 'No level';
  return levels.find(level => level.id === levelId)?.title ?? levelId;
}
