import { CHART_LAYOUT, laneCenter } from './chartLayout';
import { TimeScale } from './timeScale';
import { TimelineItem } from './timelineModel';

/** An item at its place in the plot, in pixels. */
export interface PlacedItem {
  item: TimelineItem;
  x: number;
  y: number;
  /** For incidents: the band's right edge, clipped to the plot. */
  x2?: number;
}

/** Markers this far outside the plot are still drawn, so edges don't pop. */
const MARGIN_PX = 12;

/**
 * The items visible in the scale's span, placed. Items outside it are left
 * out: a zoomed-in view of 2,000 deployments draws only the few it shows.
 */
export function placeItems(
  items: readonly TimelineItem[],
  scale: TimeScale,
): PlacedItem[] {
  const placed: PlacedItem[] = [];
  const left = -MARGIN_PX;
  const right = scale.width + MARGIN_PX;
  for (const item of items) {
    const x = scale.x(item.ms);
    const y = laneCenter(item.lane);
    if (item.kind === 'incident') {
      const x2 = scale.x(item.endMs);
      if (x2 < left || x > right) continue;
      placed.push({
        item,
        x: Math.max(0, x),
        y,
        x2: Math.min(scale.width, Math.max(x, x2)),
      });
      continue;
    }
    if (x < left || x > right) continue;
    placed.push({
      item,
      x,
      y: item.kind === 'gate' ? y + CHART_LAYOUT.gateOffset : y,
    });
  }
  return spreadCollisions(placed, scale.width);
}

/** Closer than this, two markers in one row would cover each other. */
export const MARKER_SPACING_PX = CHART_LAYOUT.deploymentRadius * 2 + 2;

/**
 * Nudges point markers of one row (same lane and height) that would overlap
 * apart, each a marker's width from the one before, so every one stays
 * visible and clickable. Rightwards first; then a row pushed past the plot's
 * right edge (markers at "now") is pulled back left, keeping the spacing.
 * Incident bands are left where they are.
 */
export function spreadCollisions(
  placed: PlacedItem[],
  rightEdge = Infinity,
): PlacedItem[] {
  const rows = new Map<number, PlacedItem[]>();
  const points = placed
    .filter(p => p.item.kind !== 'incident')
    .sort((a, b) => a.x - b.x || a.item.index - b.item.index);
  for (const point of points) {
    const row = rows.get(point.y) ?? [];
    const previous = row[row.length - 1];
    if (previous && point.x - previous.x < MARKER_SPACING_PX) {
      point.x = previous.x + MARKER_SPACING_PX;
    }
    row.push(point);
    rows.set(point.y, row);
  }
  for (const row of rows.values()) {
    let limit = rightEdge;
    for (let i = row.length - 1; i >= 0; i--) {
      if (row[i].x <= limit) break;
      row[i].x = limit;
      limit -= MARKER_SPACING_PX;
    }
  }
  return placed;
}
