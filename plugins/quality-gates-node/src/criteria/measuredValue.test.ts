import { formatFact } from '@can-i-deploy/plugin-quality-gates-common';
import { measuredValueFact } from './measuredValue';

describe('measuredValueFact', () => {
  it('reads a value, or a threshold on it, in the words of its kind', () => {
    const say = (...args: Parameters<typeof measuredValueFact>) =>
      formatFact(measuredValueFact(...args));
    expect(say(3600, { kind: 'duration', unitMs: 1000 })).toBe('1 h');
    expect(say(312, { kind: 'duration', unitMs: 1 })).toBe('312 ms');
    expect(say(0.0128, { kind: 'ratio' })).toBe('1.28 %');
    expect(say(0, { kind: 'count', unit: 'error span' })).toBe('0 error spans');
    expect(say(0.0128, undefined)).toBe('0.0128');
    expect(
      measuredValueFact(2, { kind: 'number', unit: 'MB' }, 'Size'),
    ).toEqual({ kind: 'number', value: 2, unit: 'MB', label: 'Size' });
  });
});
