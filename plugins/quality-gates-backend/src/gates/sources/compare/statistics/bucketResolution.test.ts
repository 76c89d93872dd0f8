import { valueRangeAtRank } from './bucketResolution';
import { toBucketCounts } from './histogram';

/** Per-bucket counts under 0.1, 0.25, 0.5, 1 and +Inf. */
function buckets(perBucket: number[]) {
  const bounds = [0.1, 0.25, 0.5, 1, Infinity];
  let running = 0;
  return toBucketCounts(
    {
      buckets: perBucket.map((count, i) => {
        running += count;
        return { le: bounds[i], count: running };
      }),
    },
    'test',
  );
}

describe('value range at a rank', () => {
  // Densities per second: 3000, 2666.7, 800 and 160 in the finite buckets.
  const tailing = buckets([300, 400, 200, 80, 20]);

  it('reaches down to what the denser bucket below allows', () => {
    // Rank 500: 200 into (0.1, 0.25]. Below: 0.1 + 200 / 3000 = 0.166667;
    // above, no denser neighbour: PromQL's 0.1 + 0.15 · 200 / 400 = 0.175.
    const range = valueRangeAtRank(tailing, 500);
    expect(range.low).toBeCloseTo(0.1 + 200 / 3000, 12);
    expect(range.high).toBeCloseTo(0.175, 12);
    // Rank 950: 50 into (0.5, 1], whose neighbour below has density 800:
    // 0.5 + 50 / 800 = 0.5625 up to PromQL's 0.5 + 0.5 · 50 / 80 = 0.8125.
    const tail = valueRangeAtRank(tailing, 950);
    expect(tail.low).toBeCloseTo(0.5625, 12);
    expect(tail.high).toBeCloseTo(0.8125, 12);
  });

  it('reaches up to what the denser bucket above allows', () => {
    // Rank 50 in [0, 0.1] (density 1000) below (0.1, 0.25] (density
    // 2666.7): low is PromQL's 0.05, high 0.1 − 50 / 2666.67 = 0.08125.
    const range = valueRangeAtRank(buckets([100, 400, 200, 80, 20]), 50);
    expect(range.low).toBeCloseTo(0.05, 12);
    expect(range.high).toBeCloseTo(0.1 - 50 / (400 / 0.15), 12);
  });

  it('is PromQL’s value alone when no neighbour is denser', () => {
    // Rank 150 in the first bucket, 3000 per second, the densest.
    const range = valueRangeAtRank(tailing, 150);
    expect(range.low).toBeCloseTo(0.05, 12);
    expect(range.high).toBeCloseTo(0.05, 12);
  });

  it('is open above in the +Inf bucket', () => {
    expect(valueRangeAtRank(tailing, 990)).toEqual({
      low: 1,
      high: Infinity,
    });
  });
});
