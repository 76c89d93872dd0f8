import { DateTime } from 'luxon';
import {
  parseTimelineRange,
  resolveTimelineRange,
  withTimelineRange,
} from './timelineRange';

describe('timeline range in the URL', () => {
  it('reads presets and chosen days, and falls back to 30 days', () => {
    const parse = (search: string) =>
      parseTimelineRange(new URLSearchParams(search));

    expect(parse('')).toEqual({ kind: 'preset', days: 30 });
    expect(parse('range=7d')).toEqual({ kind: 'preset', days: 7 });
    expect(parse('range=8d')).toEqual({ kind: 'preset', days: 30 });
    expect(parse('from=2026-11-01&to=2026-11-07')).toEqual({
      kind: 'custom',
      from: '2026-11-01',
      to: '2026-11-07',
    });
    // Backwards or half a range: the default.
    expect(parse('from=2026-11-07&to=2026-11-01')).toEqual({
      kind: 'preset',
      days: 30,
    });
    expect(parse('from=2026-11-07')).toEqual({ kind: 'preset', days: 30 });
  });

  it('writes the range and keeps what else the URL holds', () => {
    const params = new URLSearchParams('deployment=d1&range=7d');

    expect(
      withTimelineRange(params, { kind: 'preset', days: 90 }).toString(),
    ).toBe('deployment=d1&range=90d');
    expect(
      withTimelineRange(params, { kind: 'preset', days: 30 }).toString(),
    ).toBe('deployment=d1');
    expect(
      withTimelineRange(params, {
        kind: 'custom',
        from: '2026-11-01',
        to: '2026-11-02',
      }).toString(),
    ).toBe('deployment=d1&from=2026-11-01&to=2026-11-02');
  });

  it('resolves a preset back from now and chosen days to the end of the last', () => {
    const now = DateTime.fromISO('2026-11-20T10:00:00Z', { zone: 'utc' });
    expect(resolveTimelineRange({ kind: 'preset', days: 7 }, now)).toEqual({
      from: '2026-11-13T10:00:00.000Z',
      to: '2026-11-20T10:00:00.000Z',
    });

    const custom = resolveTimelineRange({
      kind: 'custom',
      from: '2026-11-01',
      to: '2026-11-01',
    });
    expect(DateTime.fromISO(custom.from).toISODate()).toBe('2026-11-01');
    expect(
      DateTime.fromISO(custom.to).diff(DateTime.fromISO(custom.from), 'hours')
        .hours,
    ).toBe(24);
  });
});
