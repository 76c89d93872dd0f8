import { PlacedItem, MARKER_SPACING_PX, spreadCollisions } from './placeItems';
import { TimelineItem } from './timelineModel';

const point = (
  index: number,
  x: number,
  y: number,
  kind: 'deployment' | 'gate' = 'deployment',
): PlacedItem => ({
  item: { kind, index, lane: 0, ms: x, label: `m${index}` } as TimelineItem,
  x,
  y,
});

describe('spreadCollisions', () => {
  it('spreads markers of one row that would cover each other', () => {
    const placed = spreadCollisions([
      point(0, 100, 22),
      point(1, 100, 22),
      point(2, 103, 22),
      point(3, 300, 22),
    ]);
    expect(placed.map(p => p.x)).toEqual([
      100,
      100 + MARKER_SPACING_PX,
      100 + 2 * MARKER_SPACING_PX,
      300,
    ]);
  });

  it('leaves markers of other rows and far-apart ones alone', () => {
    const placed = spreadCollisions([
      point(0, 100, 22),
      point(1, 100, 66),
      point(2, 100, 9, 'gate'),
      point(3, 100 + MARKER_SPACING_PX, 22),
    ]);
    expect(placed.map(p => [p.x, p.y])).toEqual([
      [100, 22],
      [100, 66],
      [100, 9],
      [100 + MARKER_SPACING_PX, 22],
    ]);
  });

  it('pulls a row spread past the right edge back inside, keeping the spacing', () => {
    // Three markers at "now", on the plot's right edge.
    const placed = spreadCollisions(
      [
        point(0, 400, 22),
        point(1, 500, 22),
        point(2, 500, 22),
        point(3, 500, 22),
      ],
      500,
    );
    expect(placed.map(p => p.x)).toEqual([
      400,
      500 - 2 * MARKER_SPACING_PX,
      500 - MARKER_SPACING_PX,
      500,
    ]);
  });
});
