import { formatPercent, formatValue } from './formatValue';

describe('formatValue', () => {
  it('groups integers and shortens the rest to four significant digits', () => {
    expect(formatValue(3600)).toBe('3,600');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(0.0123456)).toBe('0.01235');
    expect(formatValue(812.345)).toBe('812.3');
  });

  it('says when there is no data', () => {
    expect(formatValue(null)).toBe('no data');
    expect(formatValue(undefined)).toBe('no data');
    expect(formatValue(Number.NaN)).toBe('no data');
  });

  it('writes percentages without trailing zeros', () => {
    expect(formatPercent(62.5)).toBe('62.5%');
    expect(formatPercent(90)).toBe('90%');
    expect(formatPercent(66.6666)).toBe('66.67%');
  });
});
