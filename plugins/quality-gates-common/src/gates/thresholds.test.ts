import { aggregateBaseline, judgeValue, parseComparison } from './thresholds';

describe('parseComparison', () => {
  it('reads absolute and relative comparisons', () => {
    expect(parseComparison('<= 0.01')).toEqual({
      operator: '<=',
      amount: 0.01,
      text: '<= 0.01',
    });
    expect(parseComparison('<=+10%')).toMatchObject({
      amount: 10,
      relative: { unit: 'percent' },
    });
    expect(parseComparison('>= -5%')).toMatchObject({
      operator: '>=',
      amount: -5,
      relative: { unit: 'percent' },
    });
    expect(parseComparison('<=+50')).toMatchObject({
      amount: 50,
      relative: { unit: 'absolute' },
    });
  });

  it('says what is wrong with a bad one', () => {
    expect(() => parseComparison('about 5')).toThrow(/not a comparison/);
    expect(() => parseComparison('<= 10%')).toThrow(/needs a sign/);
  });
});

describe('judgeValue', () => {
  const keptn = {
    pass: [parseComparison('<= 0.01')],
    warning: [parseComparison('<= 0.02')],
  };

  it('passes, warns and fails on Keptn-style lists', () => {
    expect(judgeValue(0.005, keptn, null).state).toBe('pass');
    expect(judgeValue(0.015, keptn, null).state).toBe('warning');
    expect(judgeValue(0.05, keptn, null)).toEqual({
      state: 'fail',
      reason: '0.05 misses <= 0.01',
    });
    expect(judgeValue(null, keptn, null).state).toBe('no_data');
  });

  it('judges against a baseline, and never passes without one', () => {
    const relative = { pass: [parseComparison('<=+10%')] };
    expect(judgeValue(105, relative, 100).state).toBe('pass');
    expect(judgeValue(111, relative, 100).state).toBe('fail');
    expect(judgeValue(105, relative, null)).toEqual({
      state: 'no_data',
      reason: "no baseline yet for '<=+10%'",
    });
  });

  it('judges degraded/critical in the direction that is better', () => {
    const success = {
      degraded: 0.9,
      critical: 0.85,
      better: 'higher' as const,
    };
    expect(judgeValue(0.95, success, null).state).toBe('pass');
    expect(judgeValue(0.87, success, null).state).toBe('warning');
    expect(judgeValue(0.8, success, null).state).toBe('fail');
    const latency = { degraded: 300, critical: 500, better: 'lower' as const };
    expect(judgeValue(200, latency, null).state).toBe('pass');
    expect(judgeValue(400, latency, null).state).toBe('warning');
    expect(judgeValue(600, latency, null).state).toBe('fail');
  });
});

describe('aggregateBaseline', () => {
  it('averages or takes the nearest-rank percentile', () => {
    const values = [10, 20, 30, 40, 100];
    expect(aggregateBaseline(values, 'avg')).toBe(40);
    expect(aggregateBaseline(values, 'p50')).toBe(30);
    expect(aggregateBaseline(values, 'p90')).toBe(100);
    expect(aggregateBaseline([], 'p95')).toBeNull();
  });
});
