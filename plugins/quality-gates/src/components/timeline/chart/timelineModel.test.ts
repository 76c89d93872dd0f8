import { checkoutTimeline } from '../__testUtils__/timelineFixtures';
import { placeItems } from './placeItems';
import { TimelineItem, timelineModel } from './timelineModel';
import { timeScale } from './timeScale';

describe('timelineModel', () => {
  const model = timelineModel(checkoutTimeline);

  it('adds lanes only gates decided for, in promotion order', () => {
    expect(model.lanes).toEqual([
      'dev',
      'qa',
      'staging',
      'production-eu',
      'production-us',
    ]);
  });

  it('puts each item on its environment’s lane; incidents without one on the last', () => {
    const idOf = (item: TimelineItem): string => {
      if (item.kind === 'deployment') return item.deployment.id;
      if (item.kind === 'gate') return item.decision.evaluationId;
      return item.incident.id;
    };
    const laneOf = (kind: string, id: string) =>
      model.lanes[
        model.items.find(item => item.kind === kind && idOf(item) === id)!.lane
      ];
    expect(laneOf('deployment', 'd4')).toBe('production-eu');
    expect(laneOf('gate', 'e3')).toBe('qa');
    expect(laneOf('incident', 'i1')).toBe('production-eu');
    expect(laneOf('incident', 'i2')).toBe('production-us');
    expect(model.items.map(item => item.index)).toEqual(
      model.items.map((_, index) => index),
    );
  });

  it('runs an open incident to the end of the range', () => {
    const open = model.items.find(
      item => item.kind === 'incident' && item.incident.id === 'i2',
    );
    expect(open).toMatchObject({ endMs: model.bounds.end });
  });
});

describe('placeItems', () => {
  const model = timelineModel(checkoutTimeline);

  it('places every item of the whole range', () => {
    const placed = placeItems(model.items, timeScale(model.bounds, 700));
    expect(placed).toHaveLength(model.items.length);
    for (const { x } of placed) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(700);
    }
  });

  it('leaves out what lies outside the view and clips bands to it', () => {
    const hour = 3_600_000;
    // Hours 61 to 65: inside the first incident, after d3 and its gate.
    const view = {
      start: model.bounds.start + 61 * hour,
      end: model.bounds.start + 65 * hour,
    };
    const placed = placeItems(model.items, timeScale(view, 400));
    expect(placed.map(p => p.item.kind)).toEqual(['incident']);
    expect(placed[0]).toMatchObject({ x: 100, x2: 400 });
  });
});
