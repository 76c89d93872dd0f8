import {
  formatDuration,
  formatFact,
  formatInterval,
  formatLabelledFact,
  formatRatio,
  formatSentence,
  formatTime,
  formatTimeWindow,
} from './formatEvidence';

describe('evidence formatting', () => {
  it('says durations with their two largest units', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(7_020_000)).toBe('1 h 57 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(273_600_000)).toBe('3 d 4 h');
    expect(formatDuration(422_446_000)).toBe('4 d 21 h');
  });

  it('says ratios as percentages', () => {
    expect(formatRatio(0.0095)).toBe('0.95 %');
    expect(formatRatio(0.0128)).toBe('1.28 %');
    expect(formatRatio(0.35)).toBe('35 %');
  });

  it('says times absolute, or relative to now', () => {
    const at = '2026-12-06T14:05:30Z';
    expect(formatTime(at)).toBe('2026-12-06 14:05 UTC');
    expect(formatTime(at, { now: new Date('2026-12-06T17:05:30Z') })).toBe(
      '3 h ago',
    );
    expect(formatTime(at, { now: new Date('2026-12-06T13:45:30Z') })).toBe(
      'in 20 min',
    );
  });

  it('pluralises counts and reads a sentence', () => {
    expect(formatFact({ kind: 'count', value: 1, unit: 'request' })).toBe(
      '1 request',
    );
    expect(
      formatSentence([
        'CI run ',
        { kind: 'link', text: '#4185', url: 'https://ci.example.com/4185' },
        ' succeeded after ',
        { kind: 'duration', ms: 754_000 },
      ]),
    ).toBe('CI run #4185 succeeded after 12 min 34 s');
  });

  it('signs changes and reads intervals', () => {
    expect(formatRatio(0.35, { signed: true })).toBe('+35 %');
    expect(formatRatio(-0.052, { signed: true })).toBe('-5.2 %');
    expect(formatRatio(0, { signed: true })).toBe('0 %');
    expect(
      formatInterval({
        lower: 0.12,
        upper: 0.61,
        of: 'ratio',
        level: 0.99,
        signed: true,
      }),
    ).toBe('99 % interval +12 … +61 %');
    expect(formatInterval({ lower: 1.234, upper: 1.9, of: 'number' })).toBe(
      '1.234 … 1.9',
    );
    expect(
      formatSentence([
        'error ratio ',
        { kind: 'ratio', value: 0.0095 },
        ' → ',
        { kind: 'ratio', value: 0.0128 },
        ' (',
        { kind: 'ratio', value: 0.347, signed: true },
        ', ',
        {
          kind: 'interval',
          lower: 0.12,
          upper: 0.61,
          of: 'ratio',
          level: 0.99,
          signed: true,
        },
        ')',
      ]),
    ).toBe('error ratio 0.95 % → 1.28 % (+34.7 %, 99 % interval +12 … +61 %)');
  });

  it('says times within a week of the reference as weekdays', () => {
    // Saturday 2026-12-05 12:00 UTC.
    const reference = new Date('2026-12-05T12:00:00Z');
    expect(formatTime('2026-12-07T09:00:00Z', { reference })).toBe(
      'Monday 09:00 UTC',
    );
    expect(formatTime('2026-12-05T18:30:00Z', { reference })).toBe(
      'today 18:30 UTC',
    );
    expect(formatTime('2026-12-04T17:00:00Z', { reference })).toBe(
      'Friday 17:00 UTC',
    );
    // A week away would name the same weekday: the date says it.
    expect(formatTime('2026-12-12T09:00:00Z', { reference })).toBe(
      '2026-12-12 09:00 UTC',
    );
    expect(
      formatFact(
        { kind: 'time', at: '2026-12-07T08:00:00Z', timeZone: 'Europe/Berlin' },
        { reference },
      ),
    ).toBe('Monday 09:00 Europe/Berlin');
    expect(
      formatFact({
        kind: 'time',
        at: '2026-12-07T08:00:00Z',
        timeZone: 'Not/AZone',
      }),
    ).toBe('2026-12-07 08:00 UTC');
  });

  it('reads a labelled fact as one line', () => {
    expect(
      formatLabelledFact({ kind: 'duration', ms: 7_020_000, label: 'Soaked' }),
    ).toBe('Soaked: 1 h 57 min');
    expect(formatLabelledFact({ kind: 'version', version: '1.2.3' })).toBe(
      '1.2.3',
    );
  });

  it('says a time window in UTC', () => {
    expect(
      formatTimeWindow('2026-11-24T01:56:00Z', '2026-11-24T02:26:00Z'),
    ).toBe('2026-11-24 01:56–02:26 UTC');
    expect(
      formatTimeWindow('2026-11-23T23:50:00Z', '2026-11-24T00:20:00Z'),
    ).toBe('2026-11-23 23:50–2026-11-24 00:20 UTC');
  });
});
