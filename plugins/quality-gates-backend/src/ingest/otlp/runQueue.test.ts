import { timeAttribute } from './runQueue';

describe('timeAttribute', () => {
  it('reads ISO 8601 and numbers since the epoch in any unit', () => {
    const expected = '2025-11-23T11:58:30.000Z';
    expect(timeAttribute('2025-11-23T12:58:30+01:00')).toBe(expected);
    expect(timeAttribute(1763899110)).toBe(expected);
    expect(timeAttribute(1763899110000)).toBe(expected);
    expect(timeAttribute('1763899110000000')).toBe(expected);
    expect(timeAttribute('1763899110000000000')).toBe(expected);
  });

  it('ignores what is no time', () => {
    expect(timeAttribute('yesterday')).toBeUndefined();
    expect(timeAttribute(true)).toBeUndefined();
    expect(timeAttribute(0)).toBeUndefined();
    expect(timeAttribute(undefined)).toBeUndefined();
  });
});
