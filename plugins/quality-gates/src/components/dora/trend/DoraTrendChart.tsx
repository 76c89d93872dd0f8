import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, Line, LineChart } from 'recharts';
import { ValueAxis } from '../../shared/charts/valueAxis';
import { weekAxes, WeeklyChartCard } from '../../shared/WeeklyChartCard';
import { TrendChartPoint, TrendSeriesKey, weeksWithData } from './trendSeries';

const HEIGHT = 200;

/** One series of the weekly trend, drawn as bars (counts) or a line. */
export interface TrendSeries {
  key: TrendSeriesKey;
  title: string;
  shape: 'bar' | 'line';
  /** Axis ticks, e.g. `12 h`, `25%`. */
  tick: (value: number) => string;
  /** Tooltip value, e.g. `2 d 4 h`. */
  format: (value: number) => string;
  /** The value axis for the series' values; recharts picks without it. */
  axis?: (values: Array<number | null>) => ValueAxis;
}

function coverage(points: TrendChartPoint[], series: TrendSeries): string {
  const weeks = points.length;
  const withData = weeksWithData(points, series.key);
  if (series.shape === 'bar' || withData === weeks) return `${weeks} weeks`;
  return `${weeks} weeks, ${weeks - withData} without data (gaps)`;
}

/**
 * A weekly chart. Lines break at weeks without data instead of dropping to
 * zero, which would read as a perfect or terrible week.
 */
export function DoraTrendChart(props: {
  points: TrendChartPoint[];
  series: TrendSeries;
}) {
  const theme = useTheme();
  const { points, series } = props;
  const axis = series.axis?.(points.map(point => point[series.key]));
  const axes = weekAxes({
    valueAxisWidth: 56,
    allowDecimals: series.shape === 'line',
    tick: series.tick,
    format: series.format,
    axis,
  });
  return (
    <WeeklyChartCard
      title={series.title}
      subheader={coverage(points, series)}
      label={`${series.title} per week`}
      data={{
        'data-series': series.key,
        // The ticks in words: recharts measures text the page must lay out.
        'data-value-ticks': axis?.ticks.map(series.tick).join(', ') ?? '',
      }}
      height={HEIGHT}
    >
      {series.shape === 'bar' ? (
        <BarChart data={points}>
          {axes}
          <Bar
            dataKey={series.key}
            name={series.title}
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      ) : (
        <LineChart data={points}>
          {axes}
          <Line
            dataKey={series.key}
            name={series.title}
            type="linear"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </WeeklyChartCard>
  );
}
