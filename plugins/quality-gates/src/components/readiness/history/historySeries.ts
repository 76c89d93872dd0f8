import {
  ReadinessHistoryPoint,
  ReadinessLevel,
} from '@can-i-deploy/plugin-quality-gates-common';

/** One point of the trend chart. */
export interface HistoryChartPoint {
  time: number;
  score: number | null;
  /** 0 for no level, 1 for the first level, and so on. */
  levelRank: number;
  level: string | null;
}

export function levelRank(
  levels: ReadinessLevel[],
  level: string | null,
): number {
  if (!level) return 0;
  return levels.findIndex(candidate => candidate.id === level) + 1;
}

/**
 * Chart points from history. A point is kept only on change, so the last
 * state holds until the last evaluation: that is added as a final point to
 * draw the line up to it.
 */
export function historySeries(
  levels: ReadinessLevel[],
  items: ReadinessHistoryPoint[],
  lastEvaluatedAt?: string,
): HistoryChartPoint[] {
  const points = items.map(item => ({
    time: Date.parse(item.evaluatedAt),
    score: item.score,
    levelRank: levelRank(levels, item.level),
    level: item.level,
  }));
  const last = points[points.length - 1];
  const lastTime = lastEvaluatedAt ? Date.parse(lastEvaluatedAt) : NaN;
  if (last && lastTime > last.time) {
    points.push({ ...last, time: lastTime });
  }
  return points;
}
