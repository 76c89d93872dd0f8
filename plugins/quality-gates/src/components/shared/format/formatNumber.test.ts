import { countOf, formatDecimal, formatPercent } from './formatNumber';

describe('formatDecimal', () => {
  it.each([
    [0, '0'],
    [3.46, '3.5'],
    [1204, '1,204'],
    [-2.25, '-2.3'],
    [NaN, '—'],
  ])('shows %p as %p', (value, text) => {
    expect(formatDecimal(value)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [0.0864, '8.6%'],
    [1, '100%'],
    [0.99996, '100%'],
    [NaN, '—'],
  ])('shows the share %p as %p', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});

describe('countOf', () => {
  it('agrees the noun with the count', () => {
    expect(countOf(0, 'deployment')).toBe('0 deployments');
    expect(countOf(1, 'deployment')).toBe('1 deployment');
    expect(countOf(1500, 'entry', 'entries')).toBe('1,500 entries');
  });
});
