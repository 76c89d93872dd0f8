import {
  formatDuration,
  maxTicksFor,
  parseDuration,
  rulerTicks,
  tickLabelShown,
} from './timeAxis';

describe('formatDuration', () => {
  it.each([
    [0, '0 µs'],
    [850, '850 µs'],
    [1_000, '1 ms'],
    [12_500, '12.5 ms'],
    [999_994, '999.99 ms'],
    [3_250_000, '3.25 s'],
    [60_000_000, '1 min'],
    [245_000_000, '4 min 5 s'],
    [299_800_000, '5 min'],
    [3_600_000_000, '1 h'],
    [7_800_000_000, '2 h 10 min'],
    [-1_500, '-1.5 ms'],
  ])('writes %d µs as %s', (micros, text) => {
    expect(formatDuration(micros)).toBe(text);
  });
});

describe('parseDuration', () => {
  it.each([
    ['250ms', 250_000],
    ['1.5 s', 1_500_000],
    ['2m', 120_000_000],
    ['3 min', 180_000_000],
    ['300us', 300],
    ['300 µs', 300],
    ['1h', 3_600_000_000],
    ['20', 20_000],
    ['.5s', 500_000],
  ])('reads %s', (text, micros) => {
    expect(parseDuration(text)).toBe(micros);
  });

  it('reads empty text as no duration and anything else as not a number', () => {
    expect(parseDuration('  ')).toBeUndefined();
    expect(parseDuration('fast')).toBeNaN();
    expect(parseDuration('-5ms')).toBeNaN();
    expect(parseDuration('5 days')).toBeNaN();
  });
});

describe('rulerTicks', () => {
  it('puts round steps from zero across the window', () => {
    expect(rulerTicks(0, 1_000_000).map(tick => tick.label)).toEqual([
      '0',
      '200 ms',
      '400 ms',
      '600 ms',
      '800 ms',
      '1 s',
    ]);
  });

  it('places ticks on multiples of the step inside a zoomed window', () => {
    const ticks = rulerTicks(1_230_000, 1_480_000);
    expect(ticks.map(tick => tick.label)).toEqual([
      '1.25 s',
      '1.3 s',
      '1.35 s',
      '1.4 s',
      '1.45 s',
    ]);
    expect(ticks[0].position).toBeCloseTo(20_000 / 250_000);
  });

  it('steps in minutes for long pipelines', () => {
    expect(rulerTicks(0, 40 * 60_000_000).map(tick => tick.label)).toEqual([
      '0',
      '10 min',
      '20 min',
      '30 min',
      '40 min',
    ]);
  });

  it('has one tick for a window of no length', () => {
    expect(rulerTicks(0, 0)).toEqual([
      { offsetMicros: 0, position: 0, label: '0' },
    ]);
  });
});

describe('maxTicksFor', () => {
  it('gives each tick room on a narrow axis, and six ticks at most', () => {
    expect(maxTicksFor(0)).toBe(6);
    expect(maxTicksFor(100)).toBe(2);
    expect(maxTicksFor(250)).toBe(4);
    expect(maxTicksFor(2000)).toBe(6);
  });
});

describe('tickLabelShown', () => {
  it('lets the label before a hanging one give way when they would touch', () => {
    // 0 to 8 min over 8.3 min: the 8 min label hangs left of its line.
    const ticks = rulerTicks(0, 8.3 * 60 * 1_000_000, maxTicksFor(330));
    expect(ticks.map(t => t.label)).toEqual([
      '0',
      '2 min',
      '4 min',
      '6 min',
      '8 min',
    ]);
    const shown = (width: number) =>
      ticks.filter((_, i) => tickLabelShown(ticks, i, width)).map(t => t.label);
    expect(shown(330)).toEqual(['0', '2 min', '4 min', '8 min']);
    expect(shown(600)).toHaveLength(5);
    // Not laid out (width unknown): every label.
    expect(shown(0)).toHaveLength(5);
  });
});
