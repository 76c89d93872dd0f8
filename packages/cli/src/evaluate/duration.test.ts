import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['500ms', 500],
    ['1m5s', 65_000],
    ['1.5s', 1_500],
    ['45', 45_000],
    [' 30m ', 1_800_000],
  ])('reads %p as %p ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'soon', '5x', '10 m', 'm10', '1h 30m', '-5s', '30s!'])(
    'rejects %p with an example of what works',
    text => {
      expect(() => parseDuration(text)).toThrow(/e\.g\. 30s, 10m or 1h30m/);
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [250, '250ms'],
    [45_000, '45s'],
    [125_000, '2m 5s'],
    [5_400_000, '1h 30m'],
  ])('writes %p ms as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
