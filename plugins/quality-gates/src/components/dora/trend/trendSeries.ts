import { DoraTrendPoint } from '@can-i-deploy/plugin-quality-gates-common';
import { DateTime } from 'luxon';

/** One week of the trend charts, in the units the charts draw. */
export interface TrendChartPoint {
  /** e.g. `Nov 3`, the Monday the week starts. */
  week: string;
  weekStart: string;
  deployments: number;
  leadTimeHours: number | null;
  changeFailurePercent: number | null;
  recoveryHours: number | null;
  reworkPercent: number | null;
}

export type TrendSeriesKey = Exclude<
  keyof TrendChartPoint,
  'week' | 'weekStart'
>;

const hours = (seconds: number | null) =>
  seconds === null ? null : seconds / 3600;
const percent = (share: number | null) => (share === null ? null : share * 100);

/**
 * Chart points from the trend. A week without data keeps null, never zero:
 * the line has a gap there instead of claiming an instant lead time or a
 * perfect failure rate.
 */
export function trendSeries(items: DoraTrendPoint[]): TrendChartPoint[] {
  return items.map(item => ({
    week: DateTime.fromISO(item.weekStart, { zone: 'utc' }).toFormat('LLL d'),
    weekStart: item.weekStart,
    deployments: item.deployments,
    leadTimeHours: hours(item.leadTimeMedianSeconds),
    changeFailurePercent: percent(item.changeFailureRate),
    recoveryHours: hours(item.recoveryMedianSeconds),
    reworkPercent: percent(item.reworkRate),
  }));
}

/** How many weeks have a value in this series. */
export function weeksWithData(
  points: TrendChartPoint[],
  key: TrendSeriesKey,
): number {
  return points.filter(point => point[key] !== null).length;
}
