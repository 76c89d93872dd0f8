import {
  compareLatencyHistograms,
  histogramQuantile,
  orderStatisticRanks,
  PrometheusHistogram,
  quantileInterval,
  toBucketCounts,
} from './histogram';

const bounds = [0.1, 0.25, 0.5, 1, Infinity];

/** Cumulative Prometheus buckets from per-bucket counts. */
function histogram(
  perBucket: number[],
  upperBounds = bounds,
): PrometheusHistogram {
  let running = 0;
  return {
    buckets: perBucket.map((count, i) => {
      running += count;
      return { le: upperBounds[i], count: running };
    }),
  };
}

describe('bucket counts', () => {
  it('turns cumulative buckets into per-bucket counts, in any order', () => {
    const buckets = toBucketCounts(
      {
        buckets: [
          { le: Infinity, count: 10 },
          { le: 0.1, count: 3 },
          { le: 0.5, count: 9 },
        ],
        count: 10,
      },
      'baseline',
    );
    expect(buckets.upperBounds).toEqual([0.1, 0.5, Infinity]);
    expect(buckets.counts).toEqual([3, 6, 1]);
    expect(buckets.total).toBe(10);
  });

  it('rejects broken histograms with a clear message', () => {
    expect(() =>
      toBucketCounts({ buckets: [{ le: 0.1, count: 3 }] }, 'candidate'),
    ).toThrow(/candidate histogram needs a \+Inf bucket/);
    expect(() =>
      toBucketCounts(
        {
          buckets: [
            { le: 0.1, count: 5 },
            { le: Infinity, count: 3 },
          ],
        },
        'baseline',
      ),
    ).toThrow(/not cumulative/);
    expect(() =>
      toBucketCounts({ ...histogram([1, 1, 1, 1, 1]), count: 7 }, 'baseline'),
    ).toThrow(/count 7 differs/);
    expect(() =>
      compareLatencyHistograms(
        histogram([1, 1, 1, 1, 1]),
        histogram([1, 1, 1, 1, 1], [0.1, 0.2, 0.5, 1, Infinity]),
      ),
    ).toThrow(/different buckets/);
  });
});

describe('histogram quantile', () => {
  const buckets = toBucketCounts(
    histogram([300, 400, 200, 80, 20]),
    'baseline',
  );

  it('interpolates inside the bucket as PromQL does', () => {
    // rank 500 lies 200 into the (0.1, 0.25] bucket of 400.
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.175, 12);
    expect(histogramQuantile(0.9, buckets)).toBeCloseTo(0.5, 12);
    // rank 150 in the first bucket, which starts at 0.
    expect(histogramQuantile(0.15, buckets)).toBeCloseTo(0.05, 12);
    // The +Inf bucket answers with the highest finite bound.
    expect(histogramQuantile(0.99, buckets)).toBe(1);
  });

  it('is NaN without observations or with a single bucket', () => {
    expect(
      histogramQuantile(0.5, toBucketCounts(histogram([0, 0, 0, 0, 0]), 'b')),
    ).toBeNaN();
    expect(
      histogramQuantile(
        0.5,
        toBucketCounts({ buckets: [{ le: Infinity, count: 5 }] }, 'b'),
      ),
    ).toBeNaN();
  });

  it('brackets the median of 100 by the 40th and 61st values', () => {
    // Classic distribution-free interval (e.g. Conover, Practical
    // Nonparametric Statistics): coverage 1 - 2·0.0176 for n = 100.
    expect(orderStatisticRanks(100, 0.5, 0.95)).toEqual({
      lower: 40,
      upper: 61,
    });
    // Checked against an independently computed binomial distribution.
    expect(orderStatisticRanks(200, 0.9, 0.95)).toEqual({
      lower: 171,
      upper: 189,
    });
  });

  it('uses the normal approximation for many observations', () => {
    const ranks = orderStatisticRanks(100000, 0.5, 0.95);
    // 50000 ± 1.96·sqrt(25000) ≈ 50000 ± 310.
    expect(ranks.lower).toBe(49690);
    expect(ranks.upper).toBe(50311);
  });

  it('locates the bracketing order statistics inside their buckets', () => {
    // n = 1000, median: ranks 469 and 532 (independently computed binomial), interpolated in
    // the (0.1, 0.25] bucket that holds ranks 301..700.
    const interval = quantileInterval(0.5, buckets, 0.95);
    expect(interval.lower).toBeCloseTo(0.1 + (0.15 * 169) / 400, 12);
    expect(interval.upper).toBeCloseTo(0.1 + (0.15 * 232) / 400, 12);
    // p99 may lie in +Inf: the interval is open above.
    expect(quantileInterval(0.99, buckets, 0.95).upper).toBe(Infinity);
  });
});

describe('latency histogram verdict', () => {
  it('matches an independent rank test on the bucketed counts', () => {
    // An independent rank test on the expanded bucket indices: U = 541300, p = 0.000394.
    const verdict = compareLatencyHistograms(
      histogram([300, 400, 200, 80, 20]),
      histogram([250, 380, 250, 100, 20]),
    );
    expect(verdict.pValue).toBeCloseTo(0.00039423, 7);
    expect(verdict.reasons[0]).toContain(
      `P(candidate slower) = ${(541300 / 1000000).toFixed(3)}`,
    );
    expect(verdict.effect!.measure).toBe(
      'latency as a whole, candidate over baseline',
    );
    // Significant, but no quantile moves beyond +10% by its interval.
    expect(verdict.state).not.toBe('fail');
  });

  it('fails when the candidate is clearly slower beyond the tolerance', () => {
    const verdict = compareLatencyHistograms(
      histogram([5000, 4000, 800, 150, 50]),
      histogram([500, 2000, 5000, 2000, 500]),
    );
    expect(verdict.state).toBe('fail');
    const median = verdict.quantiles.find(q => q.quantile === 0.5)!;
    expect(median.confirmedBeyondTolerance).toBe(true);
    expect(median.candidateInterval.lower).toBeGreaterThan(
      median.baselineInterval.upper * 1.1,
    );
  });

  it('fails a slow tail the rank test cannot see, by the p99 interval alone', () => {
    // Wider buckets above a second: 3% of the candidate's requests moved from
    // 0.25-0.5 s to 2.5-5 s, past only the few requests in between. Over all
    // requests the rank test is not significant; p99's interval clears the
    // baseline's by far more than 10%.
    const tailBounds = [0.1, 0.25, 0.5, 1, 2.5, 5, Infinity];
    const baseline = histogram([6000, 3000, 700, 250, 40, 10, 0], tailBounds);
    const candidate = histogram([1200, 600, 80, 50, 8, 62, 0], tailBounds);
    const verdict = compareLatencyHistograms(baseline, candidate);
    expect(verdict.pValue!).toBeGreaterThan(0.05);
    const p99 = verdict.quantiles.find(q => q.quantile === 0.99)!;
    expect(p99.confirmedBeyondTolerance).toBe(true);
    expect(verdict.state).toBe('fail');
  });

  // Exact log-normal bucket counts on Prometheus' default buckets
  // (rounded n·Φ(ln(le/median)/σ), computed independently).
  const defaultBounds = [
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1,
    2.5,
    5,
    10,
    Infinity,
  ];

  it('does not fail a small slow-down that interpolation magnifies at p99', () => {
    // Median 39.4 ms, σ 0.4, a million requests; the candidate is 2 %
    // slower throughout. p99 sits just above 0.1 s in the sparse
    // (0.1, 0.25] bucket, where PromQL's even spreading turns 2 % into
    // 0.09999 → 0.11765 s (×1.1766).
    const baseline = histogram(
      [0, 304, 127418, 596571, 265765, 9940, 2, 0, 0, 0, 0, 0],
      defaultBounds,
    );
    const candidate = histogram(
      [0, 253, 117414, 589847, 281153, 11331, 2, 0, 0, 0, 0, 0],
      defaultBounds,
    );
    const verdict = compareLatencyHistograms(baseline, candidate);
    const p99 = verdict.quantiles.find(q => q.quantile === 0.99)!;
    expect(p99.ratio).toBeCloseTo(1.1765911896, 8);
    expect(p99.interpolatedBeyondTolerance).toBe(true);
    expect(p99.confirmedBeyondTolerance).toBe(false);
    // The whole distribution says what happened.
    expect(verdict.effect!.estimate).toBeGreaterThan(1.01);
    expect(verdict.effect!.estimate).toBeLessThan(1.03);
    expect(verdict.state).toBe('inconclusive');
  });

  it('fails a slow-down that keeps each quantile in its bucket, by the whole distribution', () => {
    // Median 55 ms, σ 0.5, 20000 requests a side, the candidate 30 %
    // slower: p50, p90 and p99 each stay in the bucket they were in.
    const baseline = histogram(
      [0, 7, 1141, 7340, 9194, 2293, 25, 0, 0, 0, 0, 0],
      defaultBounds,
    );
    const candidate = histogram(
      [0, 1, 355, 4388, 10233, 4900, 122, 1, 0, 0, 0, 0],
      defaultBounds,
    );
    const verdict = compareLatencyHistograms(baseline, candidate);
    expect(verdict.effect!.estimate).toBeGreaterThan(1.25);
    expect(verdict.effect!.estimate).toBeLessThan(1.35);
    expect(verdict.effect!.interval!.lower).toBeGreaterThan(1.1);
    expect(verdict.state).toBe('fail');
    // Faster by the same factor is a regression only when that is asked.
    expect(compareLatencyHistograms(candidate, baseline).state).toBe('pass');
    expect(
      compareLatencyHistograms(candidate, baseline, { direction: 'decrease' })
        .state,
    ).toBe('fail');
  });

  it('passes identical histograms and a faster candidate', () => {
    expect(
      compareLatencyHistograms(
        histogram([300, 400, 200, 80, 20]),
        histogram([300, 400, 200, 80, 20]),
      ).state,
    ).toBe('pass');
    expect(
      compareLatencyHistograms(
        histogram([500, 2000, 5000, 2000, 500]),
        histogram([5000, 4000, 800, 150, 50]),
      ).state,
    ).toBe('pass');
  });

  it('is inconclusive below the minimum, even when clearly slower', () => {
    const verdict = compareLatencyHistograms(
      histogram([50, 40, 8, 1, 1]),
      histogram([1, 5, 40, 40, 14]),
      { observedSeconds: 100 },
    );
    expect(verdict.state).toBe('inconclusive');
    expect(verdict.missing).toEqual([
      { side: 'baseline', missing: 400, secondsToWait: 400 },
      { side: 'candidate', missing: 400, secondsToWait: 400 },
    ]);
  });

  it('is inconclusive with only the +Inf bucket and handles empty buckets', () => {
    const single = { buckets: [{ le: Infinity, count: 1000 }] };
    expect(compareLatencyHistograms(single, single).state).toBe('inconclusive');
    expect(
      compareLatencyHistograms(
        histogram([0, 1000, 0, 0, 0]),
        histogram([0, 1000, 0, 0, 0]),
      ).state,
    ).toBe('pass');
  });
});
