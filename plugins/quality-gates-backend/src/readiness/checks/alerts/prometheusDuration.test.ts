import { parsePrometheusDuration } from './prometheusDuration';

describe('parsePrometheusDuration', () => {
  it('reads durations as Prometheus writes them', () => {
    expect(parsePrometheusDuration('5m')).toBe(300);
    expect(parsePrometheusDuration('1h30m')).toBe(5400);
    expect(parsePrometheusDuration('1d12h')).toBe(129_600);
    expect(parsePrometheusDuration('1w')).toBe(604_800);
    expect(parsePrometheusDuration('1500ms')).toBe(1.5);
    expect(parsePrometheusDuration('0s')).toBe(0);
    expect(parsePrometheusDuration('0')).toBe(0);
  });

  it('refuses what Prometheus refuses', () => {
    for (const text of ['', '5', '5 minutes', '30m1h', '1.5h', 'm']) {
      expect(parsePrometheusDuration(text)).toBeUndefined();
    }
  });
});
