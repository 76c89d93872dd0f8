import { DoraTrendPoint } from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import { formatDuration } from '../format/formatDuration';
import { formatDecimal } from '../format/formatNumber';
import { DoraTrendChart, TrendSeries } from './DoraTrendChart';
import { trendSeries } from './trendSeries';

const hoursText = (hours: number) => formatDuration(hours * 3600);
const percentText = (percent: number) => `${formatDecimal(percent)}%`;

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
    tick: hours => `${formatDecimal(hours)} h`,
    format: hoursText,
  },
  {
    key: 'changeFailurePercent',
    title: 'Change failure rate',
    shape: 'line',
    tick: percentText,
    format: percentText,
  },
  {
    key: 'recoveryHours',
    title: 'Recovery time (median)',
    shape: 'line',
    tick: hours => `${formatDecimal(hours)} h`,
    format: hoursText,
  },
  {
    key: 'reworkPercent',
    title: 'Rework rate',
    shape: 'line',
    tick: percentText,
    format: percentText,
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
