import { formatDuration, secondsBetween } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [0.4, '0 s'],
    [42.4, '42 s'],
    // The carry moves up: never `60 s` or `60 min`.
    [59.6, '1 min'],
    [7 * 60 + 48, '7 min 48 s'],
    [8 * 60 + 59.6, '9 min'],
    [45 * 60, '45 min'],
    [3599.5, '1 h'],
    [3 * 3600 + 12 * 60 + 20, '3 h 12 min'],
    [2 * 3600 + 57 * 60, '2 h 57 min'],
    [3 * 3600 + 59 * 60 + 40, '4 h'],
    [3 * 3600, '3 h'],
    [86399, '1 d'],
    [2 * 86400 + 4 * 3600 + 10 * 60, '2 d 4 h'],
    // Rounded to the hour first, so 23 h 40 min of the second day is 3 d.
    [2 * 86400 + 23 * 3600 + 40 * 60, '3 d'],
    [40 * 86400, '40 d'],
    [-(5 * 3600 + 30 * 60), '−5 h 30 min'],
    [-59.6, '−1 min'],
    [-0.2, '0 s'],
    [NaN, '—'],
    [Infinity, '—'],
  ])('shows %p seconds as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('measures between two ISO times, and is NaN when one is missing', () => {
    expect(
      secondsBetween('2026-11-20T10:00:00Z', '2026-11-20T10:08:59.600Z'),
    ).toBe(539.6);
    expect(formatDuration(secondsBetween('2026-11-20T10:00:00Z'))).toBe('—');
  });
});
