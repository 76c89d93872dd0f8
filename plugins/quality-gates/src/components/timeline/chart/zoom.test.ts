import { brushView, MIN_VIEW_MS, panView, zoomView } from './zoom';

const HOUR = 3_600_000;
const bounds = { start: 0, end: 100 * HOUR };

describe('zoomView', () => {
  it('keeps the anchor where it is on screen', () => {
    const view = zoomView(bounds, 0.5, 20 * HOUR, bounds);
    expect(view).toEqual({ start: 10 * HOUR, end: 60 * HOUR });
  });

  it('never zooms out past the range, nor in past the minimum', () => {
    expect(
      zoomView({ start: 40 * HOUR, end: 60 * HOUR }, 10, 0, bounds),
    ).toEqual(bounds);
    const narrow = zoomView(bounds, 1e-9, 50 * HOUR, bounds);
    expect(narrow.end - narrow.start).toBe(MIN_VIEW_MS);
  });

  it('moves a view that would leave the range back into it', () => {
    const view = zoomView(
      { start: 80 * HOUR, end: 100 * HOUR },
      2,
      100 * HOUR,
      bounds,
    );
    expect(view).toEqual({ start: 60 * HOUR, end: 100 * HOUR });
  });
});

describe('panView', () => {
  it('moves by a share of the view and stops at the range’s ends', () => {
    const view = { start: 20 * HOUR, end: 40 * HOUR };
    expect(panView(view, 0.5, bounds)).toEqual({
      start: 30 * HOUR,
      end: 50 * HOUR,
    });
    expect(panView(view, -5, bounds)).toEqual({ start: 0, end: 20 * HOUR });
  });
});

describe('brushView', () => {
  it('takes the dragged span whichever way it was dragged', () => {
    expect(brushView(70 * HOUR, 30 * HOUR, bounds)).toEqual({
      start: 30 * HOUR,
      end: 70 * HOUR,
    });
  });

  it('widens a tiny selection to the minimum around its middle', () => {
    const view = brushView(50 * HOUR, 50 * HOUR + 1000, bounds);
    expect(view.end - view.start).toBe(MIN_VIEW_MS);
    expect((view.start + view.end) / 2).toBe(50 * HOUR + 500);
  });
});
