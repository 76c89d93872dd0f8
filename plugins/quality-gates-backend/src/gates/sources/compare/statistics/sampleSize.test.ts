import { describeMissing, missingSample, missingSamples } from './sampleSize';

describe('missing sample', () => {
  it('computes the missing count and the wait at the current rate', () => {
    // 120 requests in 60 s = 2/s; 380 missing → 190 s.
    expect(missingSample('candidate', 120, 500, 60)).toEqual({
      side: 'candidate',
      missing: 380,
      secondsToWait: 190,
    });
  });

  it('has no wait estimate without traffic', () => {
    expect(missingSample('baseline', 0, 500, 60)).toEqual({
      side: 'baseline',
      missing: 500,
    });
  });

  it('is undefined once the minimum is reached', () => {
    expect(missingSample('baseline', 500, 500, 60)).toBeUndefined();
  });

  it('lists only the sides that are short', () => {
    expect(
      missingSamples(
        { baseline: 1000, candidate: 250, minimum: 500, unit: 'requests' },
        100,
      ),
    ).toEqual([{ side: 'candidate', missing: 250, secondsToWait: 100 }]);
  });

  it('describes the wait for people', () => {
    expect(
      describeMissing(
        { side: 'candidate', missing: 380, secondsToWait: 190 },
        'requests',
      ),
    ).toBe(
      'candidate needs 380 more requests (about 3 min 10 s at the current rate)',
    );
  });
});
