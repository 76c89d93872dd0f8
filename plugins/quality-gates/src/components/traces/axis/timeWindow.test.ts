import {
  clampZoom,
  panZoom,
  placeInWindow,
  scaleZoom,
  windowOfZoom,
} from './timeWindow';

describe('placeInWindow', () => {
  const window = { fromMicros: 1000, toMicros: 2000 };

  it('places a stretch as fractions of the window', () => {
    expect(placeInWindow(window, 1250, 1500)).toEqual({
      left: 0.25,
      width: 0.25,
      visible: true,
    });
  });

  it('clips what sticks out of the window', () => {
    expect(placeInWindow(window, 500, 1500)).toEqual({
      left: 0,
      width: 0.5,
      visible: true,
    });
    const end = placeInWindow(window, 1800, 9000);
    expect(end.left).toBeCloseTo(0.8);
    expect(end.width).toBeCloseTo(0.2);
  });

  it('says when a stretch is outside the window', () => {
    expect(placeInWindow(window, 2500, 3000).visible).toBe(false);
    expect(placeInWindow(window, 0, 999).visible).toBe(false);
    expect(placeInWindow(window, 2000, 2000)).toEqual({
      left: 1,
      width: 0,
      visible: true,
    });
  });
});

describe('clampZoom', () => {
  it('orders and clamps the ends to the trace', () => {
    expect(clampZoom(0.8, -0.2)).toEqual({ from: 0, to: 0.8 });
    expect(clampZoom(0.5, 1.5)).toEqual({ from: 0.5, to: 1 });
  });

  it('widens a zoom narrower than a sliver, inside the trace', () => {
    const zoom = clampZoom(1, 1);
    expect(zoom.to).toBe(1);
    expect(zoom.to - zoom.from).toBeCloseTo(0.0001);
  });
});

describe('windowOfZoom', () => {
  it('turns fractions into times', () => {
    expect(windowOfZoom(1000, 3000, { from: 0.25, to: 0.5 })).toEqual({
      fromMicros: 1500,
      toMicros: 2000,
    });
  });
});

describe('panZoom', () => {
  const near = (zoom: { from: number; to: number }) => [
    Number(zoom.from.toFixed(6)),
    Number(zoom.to.toFixed(6)),
  ];

  it('moves by a share of its width and stops at the ends', () => {
    expect(near(panZoom({ from: 0.2, to: 0.4 }, 0.5))).toEqual([0.3, 0.5]);
    expect(near(panZoom({ from: 0.1, to: 0.3 }, -1))).toEqual([0, 0.2]);
    expect(near(panZoom({ from: 0.7, to: 0.9 }, 1))).toEqual([0.8, 1]);
  });
});

describe('scaleZoom', () => {
  it('narrows around the middle', () => {
    const zoom = scaleZoom({ from: 0.2, to: 0.6 }, 0.5);
    expect(zoom.from).toBeCloseTo(0.3);
    expect(zoom.to).toBeCloseTo(0.5);
  });

  it('widens inside the trace, sliding away from an end', () => {
    const zoom = scaleZoom({ from: 0, to: 0.2 }, 2);
    expect(zoom.from).toBeCloseTo(0);
    expect(zoom.to).toBeCloseTo(0.4);
    expect(scaleZoom({ from: 0.25, to: 0.75 }, 4)).toEqual({ from: 0, to: 1 });
  });
});
