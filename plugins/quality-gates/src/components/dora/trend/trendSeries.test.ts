import { trendSeries, weeksWithData } from './trendSeries';

describe('trendSeries', () => {
  const items = [
    {
      weekStart: '2026-11-02T00:00:00.000Z',
      deployments: 4,
      leadTimeMedianSeconds: 5400,
      changeFailureRate: 0.25,
      recoveryMedianSeconds: 1800,
      reworkRate: 0,
    },
    {
      weekStart: '2026-11-09T00:00:00.000Z',
      deployments: 0,
      leadTimeMedianSeconds: null,
      changeFailureRate: null,
      recoveryMedianSeconds: null,
      reworkRate: null,
    },
  ];

  it('converts to hours and percent and keeps empty weeks empty, not zero', () => {
    expect(trendSeries(items)).toEqual([
      {
        week: 'Nov 2',
        weekStart: '2026-11-02T00:00:00.000Z',
        deployments: 4,
        leadTimeHours: 1.5,
        changeFailurePercent: 25,
        recoveryHours: 0.5,
        reworkPercent: 0,
      },
      {
        week: 'Nov 9',
        weekStart: '2026-11-09T00:00:00.000Z',
        deployments: 0,
        leadTimeHours: null,
        changeFailurePercent: null,
        recoveryHours: null,
        reworkPercent: null,
      },
    ]);
  });

  it('counts a zero rework rate as data and a null as none', () => {
    const points = trendSeries(items);
    expect(weeksWithData(points, 'reworkPercent')).toBe(1);
    expect(weeksWithData(points, 'deployments')).toBe(2);
  });
});
