import { DateTime } from 'luxon';
import { timeTicks } from './timeTicks';

function ms(iso: string): number {
  return DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
}

function isoTicks(from: string, to: string, width: number, zone = 'utc') {
  return timeTicks(ms(from), ms(to), width, { zone }).map(tick => ({
    at: DateTime.fromMillis(tick.ms, { zone }).toISO({
      suppressMilliseconds: true,
      includeOffset: false,
    }),
    label: tick.label,
    major: tick.major,
  }));
}

describe('timeTicks', () => {
  it('steps by days over a week, months starting on the 1st marked major', () => {
    const ticks = isoTicks('2026-10-28T09:30:00Z', '2026-11-04T00:00:00Z', 900);

    expect(ticks.map(tick => tick.at)).toEqual([
      '2026-10-29T00:00:00',
      '2026-10-30T00:00:00',
      '2026-10-31T00:00:00',
      '2026-11-01T00:00:00',
      '2026-11-02T00:00:00',
      '2026-11-03T00:00:00',
      '2026-11-04T00:00:00',
    ]);
    expect(ticks[0]).toMatchObject({ label: 'Oct 29', major: false });
    expect(ticks[3]).toMatchObject({ label: 'Nov 1', major: true });
  });

  it('steps by whole multiples of hours within a day, midnight labelled with the date', () => {
    const ticks = isoTicks('2026-11-01T10:00:00Z', '2026-11-02T08:00:00Z', 800);

    expect(ticks.map(tick => tick.at)).toEqual([
      '2026-11-01T12:00:00',
      '2026-11-01T15:00:00',
      '2026-11-01T18:00:00',
      '2026-11-01T21:00:00',
      '2026-11-02T00:00:00',
      '2026-11-02T03:00:00',
      '2026-11-02T06:00:00',
    ]);
    expect(ticks[0].label).toBe('12:00');
    expect(ticks[4]).toMatchObject({ label: 'Nov 2', major: true });
  });

  it('steps by months over a year, years marked major', () => {
    const ticks = isoTicks(
      '2026-01-15T00:00:00Z',
      '2027-01-20T00:00:00Z',
      1200,
    );

    expect(ticks[0]).toMatchObject({ at: '2026-02-01T00:00:00', label: 'Feb' });
    expect(ticks[ticks.length - 1]).toMatchObject({
      at: '2027-01-01T00:00:00',
      label: '2027',
      major: true,
    });
  });

  it('keeps ticks at least the spacing apart', () => {
    const width = 600;
    const ticks = timeTicks(
      ms('2026-08-01T00:00:00Z'),
      ms('2026-11-01T00:00:00Z'),
      width,
      { zone: 'utc' },
    );
    expect(ticks.length).toBeLessThanOrEqual(width / 90);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });

  it('follows the calendar across a daylight saving change', () => {
    // Berlin leaves summer time on 2026-10-25: that day has 25 hours.
    const ticks = timeTicks(
      DateTime.fromISO('2026-10-23T12:00', {
        zone: 'Europe/Berlin',
      }).toMillis(),
      DateTime.fromISO('2026-10-28T12:00', {
        zone: 'Europe/Berlin',
      }).toMillis(),
      900,
      { zone: 'Europe/Berlin' },
    );
    const hours = ticks.map(
      tick => DateTime.fromMillis(tick.ms, { zone: 'Europe/Berlin' }).hour,
    );
    expect(new Set(hours)).toEqual(new Set([0]));
  });

  it('has no ticks for an empty span or plot', () => {
    expect(timeTicks(10, 10, 500)).toEqual([]);
    expect(timeTicks(0, 1000, 0)).toEqual([]);
  });
});
