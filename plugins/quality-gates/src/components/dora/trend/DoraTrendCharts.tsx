import { DoraTrendPoint } from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import { formatDuration } from '../../shared/format/formatDuration';
import { formatDecimal } from '../../shared/format/formatNumber';
import { durationAxis, percentAxis } from '../../shared/charts/valueAxis';
import { DoraTrendChart, TrendSeries } from './DoraTrendChart';
import { trendSeries } from './trendSeries';

const hoursText = (hours: number) => formatDuration(hours * 3600);
const percentText = (percent: number) => `${formatDecimal(percent)}%`;
const hoursAxis = (hours: Array<number | null>) => durationAxis(hours, 3600);
const percentsAxis = (percents: Array<number | null>) =>
  percentAxis(percents, 100);

const DEPLOYMENTS: TrendSeries = {
  key: 'deployments',
  title: 'Production deployments',
  shape: 'bar',
  tick: formatDecimal,
  format: count => `${count} deployments`,
};

const LINES: TrendSeries[] = [
  {
    key: 'leadTimeHours',
    title: 'Lead time (median)',
    shape: 'line',
    tick: hoursText,
    format: hoursText,
    axis: hoursAxis,
  },
  {
    key: 'changeFailurePercent',
    title: 'Change failure rate',
    shape: 'line',
    tick: percentText,
    format: percentText,
    axis: percentsAxis,
  },
  {
    key: 'recoveryHours',
    title: 'Recovery time (median)',
    shape: 'line',
    tick: hoursText,
    format: hoursText,
    axis: hoursAxis,
  },
  {
    key: 'reworkPercent',
    title: 'Rework rate',
    shape: 'line',
    tick: percentText,
    format: percentText,
    axis: percentsAxis,
  },
];

/** The weekly trend: deployments as bars, the other four as lines. */
export function DoraTrendCharts(props: { items: DoraTrendPoint[] }) {
  const points = trendSeries(props.items);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <DoraTrendChart points={points} series={DEPLOYMENTS} />
      </Grid>
      {LINES.map(series => (
        <Grid item xs={12} md={6} key={series.key}>
          <DoraTrendChart points={points} series={series} />
        </Grid>
      ))}
    </Grid>
  );
}
