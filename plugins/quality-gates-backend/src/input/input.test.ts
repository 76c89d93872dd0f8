import { nestsDeeperThan, parseJson } from './requestBody';
import {
  clipText,
  findTextIssue,
  storableText,
  textProblem,
} from './storableText';
import { parseTimestamp } from './timestamp';

describe('storable text', () => {
  it('finds NUL and lone surrogates, and lets surrogate pairs through', () => {
    expect(textProblem('plain')).toBeUndefined();
    expect(textProblem('\ud83d\ude80')).toBeUndefined();
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    for (const lone of ['\ud800', 'x\udbff', '\udc00y', '\ude80\ud83d']) {
      expect(textProblem(lone)).toMatch(/lone UTF-16 surrogate/);
    }
  });

  it('replaces what cannot be stored with U+FFFD, keeping pairs', () => {
    expect(storableText('a\u0000b\ud800c\ud83d\ude80')).toBe(
      'a\uFFFDb\uFFFDc\ud83d\ude80',
    );
  });

  it('clips without cutting a surrogate pair', () => {
    expect(clipText('ab\ud83d\ude80', 3)).toBe('ab');
    expect(clipText('ab\ud83d\ude80', 4)).toBe('ab\ud83d\ude80');
    expect(clipText('abc', 2)).toBe('ab');
  });

  it('names the first bad string of a JSON value by its path, keys too', () => {
    expect(
      findTextIssue({ items: [{ id: 'ok' }, { id: 'ok' }, { id: 'x\ud800' }] }),
    ).toEqual({
      path: 'items.2.id',
      message: 'contains a lone UTF-16 surrogate, which is not valid Unicode',
    });
    expect(findTextIssue({ labels: { 'a\u0000': 'x' } }, 'query')?.path).toBe(
      'query.labels',
    );
    expect(findTextIssue({ a: [1, true, null, 'ok'] })).toBeUndefined();
  });
});

describe('JSON depth', () => {
  it('counts brackets outside strings only', () => {
    expect(nestsDeeperThan(Buffer.from('[[[1]]]'), 3)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('[[[[1]]]]'), 3)).toBe(true);
    expect(nestsDeeperThan(Buffer.from('["[[[[[", "\\"[[[["]'), 1)).toBe(false);
  });

  it('refuses deep bodies before parsing, as a 400', () => {
    expect(() => parseJson(Buffer.from(`${'['.repeat(50_000)}]`))).toThrow(
      'The body is nested deeper than 64 levels of arrays and objects',
    );
    expect(() => parseJson('{"a":')).toThrow('The body is not valid JSON');
  });
});

describe('timestamps', () => {
  it.each([
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-11-24T24:00:00Z',
    '2026-11-24T23:59:60Z',
    '2026-11-24T10:00:00+99:00',
    '2026-11-24T10:00:00',
    '0001-01-01T00:00:00+14:00',
    '9999-12-31T23:59:59-23:59',
    '2026-11-24',
  ])('refuses %s', value => {
    expect(parseTimestamp(value)).toBeUndefined();
  });

  it.each([
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['2026-11-24T11:15:00.250+01:00', '2026-11-24T10:15:00.250Z'],
    ['2026-11-24T10:15Z', '2026-11-24T10:15:00.000Z'],
    ['2026-11-24T10:15:00+0100', '2026-11-24T09:15:00.000Z'],
  ])('reads %s', (value, utc) => {
    expect(parseTimestamp(value)?.toUTC().toISO()).toBe(utc);
  });
});
