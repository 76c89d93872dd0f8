import {
  groupSamples,
  mannWhitneyExact,
  mannWhitneyNormal,
  mannWhitneySamples,
} from './mannWhitney';

/** Second implementation: U over every way to split the pooled values. */
function permutationPValue(
  baseline: number[],
  candidate: number[],
  direction: 'increase' | 'decrease' | 'either',
): number {
  const uOf = (b: number[], c: number[]) =>
    c.reduce((s, x) => s + b.filter(y => y < x).length, 0);
  const pooled = [...baseline, ...candidate];
  const observed = uOf(baseline, candidate);
  let atLeast = 0;
  let atMost = 0;
  let all = 0;
  for (let mask = 0; mask < 1 << pooled.length; mask++) {
    const c = pooled.filter((_, i) => mask & (1 << i));
    if (c.length !== candidate.length) continue;
    const u = uOf(
      pooled.filter((_, i) => !(mask & (1 << i))),
      c,
    );
    all += 1;
    if (u >= observed) atLeast += 1;
    if (u <= observed) atMost += 1;
  }
  if (direction === 'increase') return atLeast / all;
  if (direction === 'decrease') return atMost / all;
  return Math.min(1, (2 * Math.min(atLeast, atMost)) / all);
}

describe('Mann-Whitney U', () => {
  it("matches Hollander & Wolfe's example (Nonparametric Statistical Methods, 1973, p. 110)", () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const result = mannWhitneySamples(y, x, 'increase');
    expect(result.method).toBe('exact');
    expect(result.u).toBe(35);
    expect(result.pValue).toBeCloseTo(0.1272, 4);
    expect(result.probabilityOfSuperiority).toBeCloseTo(35 / 50, 10);
  });

  it('matches the exact values of the smallest complete separation', () => {
    // 3 candidate values above 4 baseline: 1 of C(7,3) = 35 arrangements.
    const result = mannWhitneySamples(
      [1.1, 2.2, 3.3, 4.4],
      [5.5, 6.6, 7.7],
      'increase',
    );
    expect(result.u).toBe(12);
    expect(result.pValue).toBeCloseTo(1 / 35, 12);
    expect(
      mannWhitneySamples([1.1, 2.2, 3.3, 4.4], [5.5, 6.6, 7.7], 'either')
        .pValue,
    ).toBeCloseTo(2 / 35, 12);
  });

  it('agrees with a brute-force permutation test on random small samples', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 60; trial++) {
      const n1 = 1 + Math.floor(random() * 6);
      const n2 = 1 + Math.floor(random() * 6);
      const baseline = Array.from({ length: n1 }, () => random());
      const candidate = Array.from({ length: n2 }, () => random() + 0.3);
      for (const direction of ['increase', 'decrease', 'either'] as const) {
        expect(
          mannWhitneyExact(baseline, candidate, direction).pValue,
        ).toBeCloseTo(permutationPValue(baseline, candidate, direction), 12);
      }
    }
  });

  it('matches the tie-corrected normal approximation (independently computed, continuity on)', () => {
    const baseline = [1, 2, 2, 3, 3, 3, 4, 5];
    const candidate = [3, 4, 4, 5, 5, 6, 7, 7, 8];
    const greater = mannWhitneySamples(baseline, candidate, 'increase');
    expect(greater.method).toBe('normal-approximation');
    expect(greater.u).toBe(64.5);
    expect(greater.pValue).toBeCloseTo(0.0031866, 6);
    expect(
      mannWhitneySamples(baseline, candidate, 'either').pValue,
    ).toBeCloseTo(0.0063731, 6);
  });

  it('gives p = 1 when all values are identical', () => {
    const result = mannWhitneyNormal(
      [{ baseline: 100, candidate: 80 }],
      'either',
    );
    expect(result.pValue).toBe(1);
    expect(result.probabilityOfSuperiority).toBe(0.5);
  });

  it('groups tied values in ascending order', () => {
    expect(groupSamples([3, 1, 3], [1, 2])).toEqual([
      { baseline: 1, candidate: 1 },
      { baseline: 0, candidate: 1 },
      { baseline: 2, candidate: 0 },
    ]);
  });
});
