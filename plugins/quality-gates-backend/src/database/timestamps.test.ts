import { DateTime } from 'luxon';
import { timestampFromDatabase } from './timestamps';

describe('timestampFromDatabase', () => {
  const iso = '2026-12-07T17:30:05.123Z';
  const millis = Date.parse(iso);

  it('reads what each database returns as the same ISO 8601 UTC string', () => {
    expect(timestampFromDatabase(new Date(millis))).toBe(iso);
    expect(timestampFromDatabase(millis)).toBe(iso);
    expect(timestampFromDatabase(String(millis))).toBe(iso);
    expect(timestampFromDatabase('2026-12-07 17:30:05.123')).toBe(iso);
    expect(timestampFromDatabase('2026-12-07T18:30:05.123+01:00')).toBe(iso);
  });

  it('writes the form luxon writes for UTC, which answers compare as text', () => {
    for (const at of [0, 1, millis, Date.UTC(9999, 11, 31, 23, 59, 59, 999)]) {
      expect(timestampFromDatabase(new Date(at))).toBe(
        DateTime.fromMillis(at, { zone: 'utc' }).toISO(),
      );
    }
  });

  it('refuses what is not a time', () => {
    expect(() => timestampFromDatabase(new Date(Number.NaN))).toThrow(
      'Unreadable timestamp in database',
    );
    expect(() => timestampFromDatabase(Number.POSITIVE_INFINITY)).toThrow(
      'Unreadable timestamp in database',
    );
    expect(() => timestampFromDatabase('yesterday')).toThrow(
      'Unreadable timestamp in database: yesterday',
    );
  });
});
