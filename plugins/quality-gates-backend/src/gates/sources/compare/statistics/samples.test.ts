import { cleanSamples, compareSamples, hodgesLehmannShift } from './samples';

const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
const y = [1.15, 0.88, 0.9, 0.74, 1.21];

describe('sample cleaning', () => {
  it('counts and removes NaN and Inf', () => {
    const result = cleanSamples([1, NaN, 2, Infinity, -Infinity, 3], 'remove');
    expect(result.values).toEqual([1, 2, 3]);
    expect(result.cleaning).toEqual({ kept: 3, nonFinite: 3, outliers: 0 });
  });

  it('can replace NaN with zero instead', () => {
    expect(cleanSamples([1, NaN], 'replaceWithZero').values).toEqual([1, 0]);
  });

  it('drops outliers beyond 3 IQR only when asked', () => {
    const values = [10, 11, 12, 13, 14, 15, 16, 17, 1000];
    expect(cleanSamples(values, 'remove').cleaning.outliers).toBe(0);
    const cleaned = cleanSamples(values, 'remove', { rule: 'iqr', factor: 3 });
    expect(cleaned.cleaning.outliers).toBe(1);
    expect(cleaned.values).not.toContain(1000);
  });
});

describe('Hodges-Lehmann shift', () => {
  it("matches Hollander & Wolfe's shift estimate of 0.305", () => {
    const shift = hodgesLehmannShift(y, x, 0.95);
    expect(shift.estimate).toBeCloseTo(0.305, 10);
    expect(shift.interval!.lower).toBeLessThan(0.305);
    expect(shift.interval!.upper).toBeGreaterThan(0.305);
  });

  it('takes the order statistics of the pairwise differences', () => {
    // Second implementation: k from the normal approximation, by hand.
    const differences = x.flatMap(c => y.map(b => c - b)).sort((a, b) => a - b);
    const k = Math.floor(25 - 1.959964 * Math.sqrt((50 * 16) / 12));
    const shift = hodgesLehmannShift(y, x, 0.95);
    expect(shift.interval!.lower).toBe(differences[k]);
    expect(shift.interval!.upper).toBe(differences[49 - k]);
  });
});

describe('sample verdict', () => {
  const steady = Array.from({ length: 30 }, (_, i) => 100 + (i % 10));

  it('fails a clear increase beyond the tolerance', () => {
    const verdict = compareSamples(
      steady,
      steady.map(v => v * 1.5),
    );
    expect(verdict.state).toBe('fail');
    expect(verdict.effect!.estimate).toBeGreaterThan(40);
  });

  it('passes a significant but small shift and identical samples', () => {
    expect(
      compareSamples(
        steady,
        steady.map(v => v + 2),
      ).state,
    ).toBe('pass');
    expect(compareSamples(steady, steady).state).toBe('pass');
  });

  it('uses the exact test for small untied samples', () => {
    const verdict = compareSamples(y, x, { minSamples: 5 });
    expect(verdict.test).toMatch(/exact/);
    expect(verdict.pValue).toBeCloseTo(0.1272, 4);
  });

  it('is inconclusive when NaN everywhere leaves nothing', () => {
    const verdict = compareSamples([NaN, NaN], [NaN], { observedSeconds: 60 });
    expect(verdict.state).toBe('inconclusive');
    expect(verdict.cleaning.baseline.nonFinite).toBe(2);
    expect(verdict.reasons).toContain('a side has no usable samples');
  });

  it('is inconclusive below the minimum and says how long to wait', () => {
    const verdict = compareSamples(steady.slice(0, 10), steady.slice(0, 10), {
      observedSeconds: 300,
    });
    expect(verdict.state).toBe('inconclusive');
    expect(verdict.missing![0]).toEqual({
      side: 'baseline',
      missing: 10,
      secondsToWait: 300,
    });
  });
});
