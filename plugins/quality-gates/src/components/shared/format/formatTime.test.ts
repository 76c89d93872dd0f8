import { DateTime } from 'luxon';
import {
  formatAbsoluteTime,
  formatDate,
  formatRelativeTime,
} from './formatTime';

describe('formatTime', () => {
  it('says "just now" within a minute, either side', () => {
    expect(
      formatRelativeTime(DateTime.now().minus({ seconds: 20 }).toISO()!),
    ).toBe('just now');
    expect(
      formatRelativeTime(DateTime.now().plus({ seconds: 20 }).toISO()!),
    ).toBe('just now');
  });

  it('says how long ago beyond a minute', () => {
    expect(
      formatRelativeTime(DateTime.now().minus({ hours: 3 }).toISO()!),
    ).toBe('3 hours ago');
  });

  it('shows the day and the time of day', () => {
    const iso = DateTime.local(2026, 11, 20, 10, 6).toISO()!;
    expect(formatDate(iso)).toBe('Nov 20, 2026');
    expect(formatAbsoluteTime(iso)).toMatch(/^Nov 20, 2026, 10:06\sAM$/);
  });

  it('shows a time that does not parse as given', () => {
    expect(formatAbsoluteTime('not a time')).toBe('not a time');
    expect(formatRelativeTime('')).toBe('');
    expect(formatDate('2026-13-45')).toBe('2026-13-45');
  });
});
