import {
  describeWait,
  percent,
  secondsUntil,
  smallestReaching,
  stillMissing,
} from './sequentialVerdict';

describe('sequential verdict helpers', () => {
  it('counts what is missing without float noise from rates', () => {
    expect(stillMissing(500, 400)).toBe(100);
    expect(stillMissing(500, 399.99999999)).toBe(100);
    expect(stillMissing(500, 399.5)).toBe(101);
    expect(stillMissing(500, 612)).toBe(0);
  });

  it('estimates the wait at the current rate, and none without one', () => {
    // 300 requests in 150 s: 2 per second.
    expect(secondsUntil(120, 300, 150)).toBe(60);
    expect(secondsUntil(120, 0, 150)).toBeUndefined();
    expect(secondsUntil(120, 300, undefined)).toBeUndefined();
    expect(secondsUntil(undefined, 300, 150)).toBeUndefined();
    expect(describeWait(125)).toBe('about 2 min, 5 sec at the current rate');
    expect(describeWait(undefined)).toBe('no rate yet to estimate the wait');
  });

  it('finds the smallest amount that reaches a decision', () => {
    expect(smallestReaching(k => k >= 1, 1e8)).toBe(1);
    expect(smallestReaching(k => k >= 777, 1e8)).toBe(777);
    expect(smallestReaching(k => k >= 3e8, 1e8)).toBeUndefined();
  });

  it('writes percentages as people read them', () => {
    expect(percent(0.059)).toBe('5.9 %');
    expect(percent(0.01)).toBe('1 %');
    expect(percent(0.99)).toBe('99 %');
  });
});
