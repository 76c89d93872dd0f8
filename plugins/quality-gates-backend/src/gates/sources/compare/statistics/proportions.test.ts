import {
  compareErrorRatios,
  differenceInterval,
  ErrorCounts,
  fisherExactTest,
  needsExactTest,
  ratioInterval,
  twoProportionZTest,
  wilsonInterval,
} from './proportions';

const counts = (errors: number, requests: number): ErrorCounts => ({
  errors,
  requests,
});

/** Second implementation: enumerate every table by plain binomial products. */
function bruteForceFisher(
  baseline: ErrorCounts,
  candidate: ErrorCounts,
  direction: 'increase' | 'decrease' | 'either',
): number {
  const choose = (n: number, k: number) => {
    let c = 1;
    for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
    return c;
  };
  const errors = baseline.errors + candidate.errors;
  const ok = baseline.requests + candidate.requests - errors;
  const probability: number[] = [];
  for (let k = 0; k <= candidate.requests; k++) {
    probability.push(
      k <= errors && candidate.requests - k <= ok
        ? choose(errors, k) * choose(ok, candidate.requests - k)
        : 0,
    );
  }
  const total = probability.reduce((a, b) => a + b, 0);
  const observed = probability[candidate.errors];
  return (
    probability
      .filter((p, k) => {
        if (p === 0) return false;
        if (direction === 'increase') return k >= candidate.errors;
        if (direction === 'decrease') return k <= candidate.errors;
        return p <= observed * (1 + 1e-7);
      })
      .reduce((a, b) => a + b, 0) / total
  );
}

describe("Fisher's exact test", () => {
  it('matches the tea-tasting table [[3,1],[1,3]]', () => {
    // Fisher (1935): two-sided p = 34/70 = 0.4857, one-sided 17/70.
    expect(
      fisherExactTest(counts(3, 4), counts(1, 4), 'either').pValue,
    ).toBeCloseTo(0.485714, 6);
    expect(
      fisherExactTest(counts(3, 4), counts(1, 4), 'decrease').pValue,
    ).toBeCloseTo(0.242857, 6);
    expect(
      fisherExactTest(counts(3, 4), counts(1, 4), 'increase').pValue,
    ).toBeCloseTo(0.985714, 6);
  });

  it('matches independently computed values on larger tables', () => {
    // Reference values computed independently.
    expect(
      fisherExactTest(counts(2, 1000), counts(9, 1000), 'increase').pValue,
    ).toBeCloseTo(0.0323525, 6);
    expect(
      fisherExactTest(counts(2, 1000), counts(9, 1000), 'either').pValue,
    ).toBeCloseTo(0.064705, 6);
    expect(
      fisherExactTest(counts(0, 500), counts(7, 500), 'either').pValue,
    ).toBeCloseTo(0.0152982, 6);
    expect(
      fisherExactTest(counts(0, 500), counts(7, 500), 'increase').pValue,
    ).toBeCloseTo(0.0076491, 6);
  });

  it('agrees with brute-force enumeration on random small tables', () => {
    let seed = 42;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    for (let trial = 0; trial < 300; trial++) {
      const n1 = 1 + random(25);
      const n2 = 1 + random(25);
      const baseline = counts(random(n1 + 1), n1);
      const candidate = counts(random(n2 + 1), n2);
      for (const direction of ['increase', 'decrease', 'either'] as const) {
        expect(
          fisherExactTest(baseline, candidate, direction).pValue,
        ).toBeCloseTo(bruteForceFisher(baseline, candidate, direction), 9);
      }
    }
  });

  it('gives p = 1 without errors on either side', () => {
    expect(fisherExactTest(counts(0, 10), counts(0, 10), 'either').pValue).toBe(
      1,
    );
    expect(
      fisherExactTest(counts(10, 10), counts(10, 10), 'increase').pValue,
    ).toBe(1);
  });
});

describe('two-proportion z test', () => {
  it('matches hand-computed pooled z values', () => {
    // 50/1000 vs 80/1000: pooled p = 0.065, z = 0.03 / sqrt(0.065*0.935*0.002).
    const result = twoProportionZTest(
      counts(50, 1000),
      counts(80, 1000),
      'increase',
    );
    expect(result.z).toBeCloseTo(2.7210954, 6);
    expect(result.pValue).toBeCloseTo(0.0032533, 6);
    expect(
      twoProportionZTest(counts(50, 1000), counts(80, 1000), 'either').pValue,
    ).toBeCloseTo(0.0065066, 6);
    expect(
      twoProportionZTest(counts(200, 10000), counts(260, 10000), 'increase')
        .pValue,
    ).toBeCloseTo(0.0023256, 6);
  });

  it('has no evidence when both sides are all errors', () => {
    expect(
      twoProportionZTest(counts(10, 10), counts(20, 20), 'either').pValue,
    ).toBe(1);
  });

  it('switches to the exact test when an expected cell is below 5', () => {
    expect(needsExactTest(counts(2, 1000), counts(6, 1000))).toBe(true);
    expect(needsExactTest(counts(2, 1000), counts(9, 1000))).toBe(false);
    expect(needsExactTest(counts(50, 1000), counts(80, 1000))).toBe(false);
  });
});

describe('intervals', () => {
  // Newcombe (1998), Statistics in Medicine 17:857-872 (single proportion,
  // method 3) and 17:873-890 (difference, method 10), 95% intervals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('Wilson interval of %p/%p', (errors, requests, lower, upper) => {
    const interval = wilsonInterval(counts(errors, requests), 0.95);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])(
    'Newcombe difference interval %p/%p − %p/%p',
    (e1, n1, e2, n2, lower, upper) => {
      // Newcombe's first proportion is our candidate.
      const interval = differenceInterval(counts(e2, n2), counts(e1, n1), 0.95);
      expect(interval.lower).toBeCloseTo(lower, 4);
      expect(interval.upper).toBeCloseTo(upper, 4);
    },
  );

  it('computes the log-ratio interval', () => {
    // 10/100 vs 20/100: ratio 2, se = sqrt(1/20 - 1/100 + 1/10 - 1/100).
    const interval = ratioInterval(counts(10, 100), counts(20, 100), 0.95);
    const se = Math.sqrt(1 / 20 - 1 / 100 + 1 / 10 - 1 / 100);
    expect(interval.estimate).toBeCloseTo(2, 10);
    expect(interval.lower).toBeCloseTo(2 * Math.exp(-1.959964 * se), 5);
    expect(interval.upper).toBeCloseTo(2 * Math.exp(1.959964 * se), 5);
  });

  it('adds 0.5 to every cell for a zero count', () => {
    const interval = ratioInterval(counts(0, 100), counts(5, 100), 0.95);
    expect(interval.estimate).toBeCloseTo(5.5 / 0.5, 10);
    expect(interval.method).toMatch(/0\.5/);
    expect(Number.isFinite(interval.lower)).toBe(true);
  });
});

describe('error ratio verdict', () => {
  it('fails a significant increase beyond the tolerance', () => {
    const verdict = compareErrorRatios(counts(50, 10000), counts(150, 10000));
    expect(verdict.state).toBe('fail');
    expect(verdict.test).toBe('two-proportion-z');
    expect(verdict.pValue).toBeLessThan(0.001);
    expect(verdict.interval!.lower).toBeGreaterThan(0.001);
  });

  it('passes a significant but harmless change (below the absolute tolerance)', () => {
    // 0.01% → 0.03% on huge traffic: +200% relative, only +0.02 pp.
    const verdict = compareErrorRatios(
      counts(100, 1000000),
      counts(300, 1000000),
    );
    expect(verdict.pValue).toBeLessThan(0.001);
    expect(verdict.state).toBe('pass');
  });

  it('is inconclusive for a large change on little data', () => {
    const verdict = compareErrorRatios(counts(0, 100), counts(5, 100), {
      observedSeconds: 60,
    });
    expect(verdict.state).toBe('inconclusive');
    expect(verdict.missing).toEqual([
      { side: 'baseline', missing: 400, secondsToWait: 240 },
      { side: 'candidate', missing: 400, secondsToWait: 240 },
    ]);
    expect(verdict.reasons[0]).toMatch(/baseline needs 400 more requests/);
  });

  it('is inconclusive when significant but the interval still straddles the tolerance', () => {
    // 1% → 1.5% on 5000 each: significant, +50% estimate, lower end below +20%.
    const verdict = compareErrorRatios(counts(50, 5000), counts(80, 5000));
    expect(verdict.pValue).toBeLessThan(0.05);
    expect(verdict.effect!.interval!.lower).toBeLessThan(1.2);
    expect(verdict.state).toBe('inconclusive');
  });

  it('passes identical sides, zero errors and all errors', () => {
    expect(compareErrorRatios(counts(0, 1000), counts(0, 1000)).state).toBe(
      'pass',
    );
    expect(
      compareErrorRatios(counts(1000, 1000), counts(1000, 1000)).state,
    ).toBe('pass');
    expect(compareErrorRatios(counts(20, 1000), counts(20, 1000)).state).toBe(
      'pass',
    );
  });

  it('ignores an improvement unless asked for either direction', () => {
    expect(
      compareErrorRatios(counts(150, 10000), counts(50, 10000)).state,
    ).toBe('pass');
    expect(
      compareErrorRatios(counts(150, 10000), counts(50, 10000), {
        direction: 'either',
      }).state,
    ).toBe('fail');
  });

  it('rejects impossible counts with a clear message', () => {
    expect(() => compareErrorRatios(counts(5, 4), counts(0, 4))).toThrow(
      /0 <= errors <= requests/,
    );
    expect(() =>
      compareErrorRatios(counts(1, 4), counts(0, 4), { confidenceLevel: 95 }),
    ).toThrow(/confidence level/);
  });
});
