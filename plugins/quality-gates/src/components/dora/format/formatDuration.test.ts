import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [42.4, '42 s'],
    [45 * 60, '45 min'],
    [3 * 3600 + 12 * 60 + 20, '3 h 12 min'],
    [3 * 3600, '3 h'],
    [2 * 86400 + 4 * 3600 + 10 * 60, '2 d 4 h'],
    // Rounded to the hour first, so 23 h 40 min of the second day is 3 d.
    [2 * 86400 + 23 * 3600 + 40 * 60, '3 d'],
    [40 * 86400, '40 d'],
    [-(5 * 3600 + 30 * 60), '−5 h 30 min'],
  ])('shows %p seconds as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
