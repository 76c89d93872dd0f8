import type { RegressionDirection } from '../verdict';
import type { Segment } from './twoProportions';

/** A change counts only when it exceeds both (as in `proportions.ts`). */
export interface RatioTolerance {
  /** 0.2 = +20 % of the baseline's error ratio. */
  relative: number;
  /** 0.001 = +0.1 percentage points. */
  absolute: number;
}

type Line = { slope: number; intercept: number };

/**
 * The edge of the tolerance, p₂ = g(p₁), as segments inside the unit
 * square: g = max((1 + r)p₁, p₁ + a) upwards, min((1 − r)p₁, p₁ − a)
 * downwards, clipped to [0, 1].
 */
export function toleranceEdge(
  tolerance: RatioTolerance,
  side: 'up' | 'down',
): Segment[] {
  const { relative: r, absolute: a } = tolerance;
  const lines: Line[] =
    side === 'up'
      ? [
          { slope: 1 + r, intercept: 0 },
          { slope: 1, intercept: a },
        ]
      : [
          { slope: 1 - r, intercept: 0 },
          { slope: 1, intercept: -a },
        ];
  const combine = side === 'up' ? Math.max : Math.min;
  const g = (x: number) =>
    Math.min(
      1,
      Math.max(0, combine(...lines.map(l => l.slope * x + l.intercept))),
    );
  // Breakpoints: where the lines cross each other, 0 or 1.
  const points = [0, 1];
  const [l1, l2] = lines;
  if (l1.slope !== l2.slope) {
    points.push((l2.intercept - l1.intercept) / (l1.slope - l2.slope));
  }
  for (const l of lines) {
    if (l.slope !== 0) {
      points.push(-l.intercept / l.slope, (1 - l.intercept) / l.slope);
    }
  }
  const sorted = [...new Set(points.filter(x => x >= 0 && x <= 1))].sort(
    (x, y) => x - y,
  );
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i];
    const to = sorted[i + 1];
    if (to - from < 1e-15) continue;
    const slope = (g(to) - g(from)) / (to - from);
    segments.push({ slope, intercept: g(from) - slope * from, from, to });
  }
  return segments;
}

/** The edges that bound the changes a direction counts as regressions. */
export function regressionEdges(
  tolerance: RatioTolerance,
  direction: RegressionDirection,
): Segment[] {
  return [
    ...(direction !== 'decrease' ? toleranceEdge(tolerance, 'up') : []),
    ...(direction !== 'increase' ? toleranceEdge(tolerance, 'down') : []),
  ];
}

/** Whether (p₁, p₂) is a regression beyond the tolerance. */
export function beyondTolerance(
  p1: number,
  p2: number,
  tolerance: RatioTolerance,
  direction: RegressionDirection,
): boolean {
  const { relative: r, absolute: a } = tolerance;
  const up = p2 > p1 * (1 + r) && p2 > p1 + a;
  const down = p2 < p1 * (1 - r) && p2 < p1 - a;
  return (direction !== 'decrease' && up) || (direction !== 'increase' && down);
}
