import { formatDuration } from '../format/formatDuration';
import { formatPercent } from '../format/formatNumber';
import { durationAxis, percentAxis } from './valueAxis';

describe('percentAxis', () => {
  it('reads all-zero shares on 0–10 %, not 0–400 %', () => {
    const axis = percentAxis([0, 0, 0, null], 1);
    expect(axis.domain).toEqual([0, 0.1]);
    expect(axis.ticks.map(formatPercent)).toEqual([
      '0%',
      '2%',
      '4%',
      '6%',
      '8%',
      '10%',
    ]);
  });

  it('reads all-zero percentages on 0–10 %, not 0–4 %', () => {
    expect(percentAxis([0, 0], 100)).toEqual({
      domain: [0, 10],
      ticks: [0, 2, 4, 6, 8, 10],
    });
  });

  it('ends at the first round top that holds the data', () => {
    expect(percentAxis([0.05, 0.18], 1).domain).toEqual([0, 0.2]);
    expect(percentAxis([22], 100).ticks).toEqual([0, 5, 10, 15, 20, 25]);
    expect(percentAxis([0.3, NaN], 1).domain).toEqual([0, 0.5]);
  });

  it('never runs past 100 %', () => {
    expect(percentAxis([1], 1).domain).toEqual([0, 1]);
    expect(percentAxis([140], 100).domain).toEqual([0, 100]);
  });
});

describe('durationAxis', () => {
  it('ticks recovery hours on whole hours', () => {
    const axis = durationAxis([3.8, 2.9, 1.9, null], 3600);
    expect(axis.ticks.map(hours => formatDuration(hours * 3600))).toEqual([
      '0 s',
      '1 h',
      '2 h',
      '3 h',
      '4 h',
    ]);
    expect(axis.domain).toEqual([0, 4]);
  });

  it('ticks seconds on round minutes', () => {
    expect(
      durationAxis([4 * 60 + 12, 9 * 60]).ticks.map(formatDuration),
    ).toEqual(['0 s', '2 min', '4 min', '6 min', '8 min', '10 min']);
  });

  it('ticks days on days', () => {
    const axis = durationAxis([50, 20], 3600);
    expect(axis.ticks.map(hours => formatDuration(hours * 3600))).toEqual([
      '0 s',
      '12 h',
      '1 d',
      '1 d 12 h',
      '2 d',
      '2 d 12 h',
    ]);
  });

  it('gives a short axis to all-zero or no data', () => {
    expect(durationAxis([0, 0]).ticks).toEqual([0, 15, 30, 45, 60]);
    expect(durationAxis([]).domain).toEqual([0, 60]);
  });
});
