import { cumulativeAgain } from './histogramComparer';

describe('cumulativeAgain', () => {
  it('repairs a bucket that increase() extrapolated below the one under it', () => {
    // As read from Prometheus for a version deployed two minutes before the
    // window's end: le=0.25 came out a fraction lower than le=0.1.
    const read = [
      { le: Infinity, count: 301.5 },
      { le: 0.1, count: 280 },
      { le: 0.25, count: 263.6666666666667 },
      { le: 0.05, count: 120 },
    ];
    expect(cumulativeAgain(read)).toEqual([
      { le: 0.05, count: 120 },
      { le: 0.1, count: 280 },
      { le: 0.25, count: 280 },
      { le: Infinity, count: 301.5 },
    ]);
  });

  it('leaves cumulative buckets as they are', () => {
    const read = [
      { le: 0.1, count: 5 },
      { le: 1, count: 9 },
      { le: Infinity, count: 10 },
    ];
    expect(cumulativeAgain(read)).toEqual(read);
  });
});
