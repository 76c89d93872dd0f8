import { toBucketCounts } from './histogram';
import { latencyShift, superiorityAfterScaling } from './latencyShift';

/** Bucket counts from per-bucket counts under the given upper bounds. */
function buckets(perBucket: number[], upperBounds: number[]) {
  let running = 0;
  return toBucketCounts(
    {
      buckets: perBucket.map((count, i) => {
        running += count;
        return { le: upperBounds[i], count: running };
      }),
    },
    'test',
  );
}

describe('superiority after scaling', () => {
  it('matches hand-computed probabilities of evenly spread buckets', () => {
    // Baseline uniform on [0, 1], candidate uniform on (1, 2]:
    // P(C > B) = 1; P(C/2 > B) = E[C/2] = 0.75; P(C/4 > B) = E[C/4] = 0.375.
    const bounds = [1, 2, Infinity];
    const baseline = buckets([100, 0, 0], bounds);
    const candidate = buckets([0, 100, 0], bounds);
    expect(superiorityAfterScaling(baseline, candidate, 1)).toBeCloseTo(1, 12);
    expect(superiorityAfterScaling(baseline, candidate, 2)).toBeCloseTo(
      0.75,
      12,
    );
    expect(superiorityAfterScaling(baseline, candidate, 4)).toBeCloseTo(
      0.375,
      12,
    );
  });

  it('counts +Inf above every finite value and half of +Inf against +Inf', () => {
    // Finite against finite, both uniform on [0, 1]: 0.8 · 0.9 · ½ = 0.36;
    // candidate +Inf over a finite baseline: 0.2 · 0.9 = 0.18; both +Inf:
    // ½ · 0.2 · 0.1 = 0.01. Together 0.55.
    const bounds = [1, Infinity];
    expect(
      superiorityAfterScaling(
        buckets([90, 10], bounds),
        buckets([80, 20], bounds),
        1,
      ),
    ).toBeCloseTo(0.55, 12);
  });
});

describe('latency shift', () => {
  it('finds a doubling where every bucket moved up one doubling bucket', () => {
    // Bounds double, so the candidate, evenly spread, is exactly the
    // baseline times two: P(C/2 > B) = ½ for two identical distributions.
    const bounds = [1, 2, 4, 8, 16, Infinity];
    const shift = latencyShift(
      buckets([0, 1000, 2000, 1000, 0, 0], bounds),
      buckets([0, 0, 1000, 2000, 1000, 0], bounds),
      0.9,
    )!;
    expect(shift.estimate).toBeCloseTo(2, 9);
    expect(shift.lower).toBeGreaterThan(1.9);
    expect(shift.upper).toBeLessThan(2.1);
  });

  it('inverts the rank comparison into an interval of factors', () => {
    // Both uniform on [0, 1], m = n = 1000: P(C/k > B) is 1 − k/2 below
    // k = 1 and 1/(2k) above. With se = √(2001 / 12e6) = 0.0129132 and
    // z = 1.6448536 (90 % two-sided) the interval solves 1 − k/2 = ½ + z·se
    // and 1/(2k) = ½ − z·se: 0.9575194 to 1.0443652.
    const bounds = [1, Infinity];
    const shift = latencyShift(
      buckets([1000, 0], bounds),
      buckets([1000, 0], bounds),
      0.9,
    )!;
    expect(shift.estimate).toBeCloseTo(1, 9);
    expect(shift.lower).toBeCloseTo(0.9575194458, 8);
    expect(shift.upper).toBeCloseTo(1.044365213, 8);
    expect(shift.confidenceLevel).toBe(0.9);
  });

  it('has no shift to offer for buckets it cannot scale', () => {
    expect(
      latencyShift(
        buckets([10, 10], [0, Infinity]),
        buckets([10, 10], [0, Infinity]),
        0.9,
      ),
    ).toBeUndefined();
    expect(
      latencyShift(
        buckets([1000], [Infinity]),
        buckets([1000], [Infinity]),
        0.9,
      ),
    ).toBeUndefined();
  });

  it('leaves the interval open when the candidate is all in +Inf', () => {
    const bounds = [1, Infinity];
    const shift = latencyShift(
      buckets([1000, 0], bounds),
      buckets([0, 1000], bounds),
      0.9,
    )!;
    expect(shift.estimate).toBe(Infinity);
    expect(shift.upper).toBe(Infinity);
  });
});
