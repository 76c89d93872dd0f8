import {
  DoraBand,
  DoraFigures,
  DoraMetricName,
  DoraMetricsResponse,
} from '@can-i-deploy/plugin-quality-gates-common';
import { MetricChange, metricChange } from '../change/metricChange';
import { formatDuration } from '../../shared/format/formatDuration';
import {
  countOf,
  formatDecimal,
  formatPercent,
} from '../../shared/format/formatNumber';
import { BUCKET_TITLES, METRIC_TITLES } from './metricTitles';

/** What one tile shows. */
export interface DoraTile {
  metric: DoraMetricName;
  title: string;
  /** The figure, e.g. `3.5 per week`, `2 d 4 h`, `8.6%`; `—` without data. */
  value: string;
  /** A second figure or the bucket, e.g. `p90 5 d 2 h`. */
  detail?: string;
  band: DoraBand | null;
  change: MetricChange;
  /** What the figure rests on, e.g. `12 of 140 deployments failed`. */
  basis: string[];
}

const NO_VALUE = '—';
// Changes that vanish in the shown rounding are no change.
const DURATION_TOLERANCE_SECONDS = 60;
const RATE_TOLERANCE = 0.0005;
const FREQUENCY_TOLERANCE = 0.05;

const durationText = (seconds: number | null) =>
  seconds === null ? NO_VALUE : formatDuration(seconds);
const rateText = (rate: number | null) =>
  rate === null ? NO_VALUE : formatPercent(rate);
const percentagePoints = (size: number) => `${formatDecimal(size * 100)} pts`;

function frequencyTile(
  current: DoraFigures,
  previous: DoraFigures,
  days: number,
): DoraTile {
  const figure = current.deploymentFrequency;
  // Daily rates read better per day, rarer ones per week.
  const unit = figure.perDay >= 1 ? 'day' : 'week';
  const rate = (figures: DoraFigures) =>
    unit === 'day'
      ? figures.deploymentFrequency.perDay
      : figures.deploymentFrequency.perWeek;
  return {
    metric: 'deploymentFrequency',
    title: METRIC_TITLES.deploymentFrequency,
    value: `${formatDecimal(rate(current))} per ${unit}`,
    detail: figure.bucket ? BUCKET_TITLES[figure.bucket] : undefined,
    band: figure.band,
    change: metricChange({
      current: rate(current),
      previous: rate(previous),
      higherIsBetter: true,
      tolerance: FREQUENCY_TOLERANCE,
      formatSize: size => `${formatDecimal(size)} per ${unit}`,
    }),
    basis: [
      `${countOf(figure.deployments, 'production deployment')} in ${days} days`,
    ],
  };
}

function leadTimeTile(current: DoraFigures, previous: DoraFigures): DoraTile {
  const figure = current.leadTime;
  const basis = [`Median of ${countOf(figure.changes, 'change')}`];
  if (figure.excludedNonPositive > 0) {
    basis.push(
      `${countOf(
        figure.excludedNonPositive,
        'change',
      )} with non-positive lead time left out`,
    );
  }
  return {
    metric: 'leadTime',
    title: METRIC_TITLES.leadTime,
    value: durationText(figure.medianSeconds),
    detail:
      figure.p90Seconds === null
        ? undefined
        : `p90 ${formatDuration(figure.p90Seconds)}`,
    band: figure.band,
    change: metricChange({
      current: figure.medianSeconds,
      previous: previous.leadTime.medianSeconds,
      higherIsBetter: false,
      tolerance: DURATION_TOLERANCE_SECONDS,
      formatSize: formatDuration,
    }),
    basis,
  };
}

function changeFailureRateTile(
  current: DoraFigures,
  previous: DoraFigures,
): DoraTile {
  const figure = current.changeFailureRate;
  return {
    metric: 'changeFailureRate',
    title: METRIC_TITLES.changeFailureRate,
    value: rateText(figure.rate),
    band: figure.band,
    change: metricChange({
      current: figure.rate,
      previous: previous.changeFailureRate.rate,
      higherIsBetter: false,
      tolerance: RATE_TOLERANCE,
      formatSize: percentagePoints,
    }),
    basis: [
      `${figure.failed} of ${countOf(figure.deployments, 'deployment')} failed`,
    ],
  };
}

function recoveryTimeTile(
  current: DoraFigures,
  previous: DoraFigures,
): DoraTile {
  const figure = current.recoveryTime;
  const basis = [
    `${figure.recovered} of ${countOf(figure.failures, 'failure')} recovered`,
  ];
  if (figure.unrecovered > 0) {
    basis.push(`${figure.unrecovered} not recovered by the end of the window`);
  }
  return {
    metric: 'recoveryTime',
    title: METRIC_TITLES.recoveryTime,
    value: durationText(figure.medianSeconds),
    detail: figure.medianSeconds === null ? undefined : 'median',
    band: figure.band,
    change: metricChange({
      current: figure.medianSeconds,
      previous: previous.recoveryTime.medianSeconds,
      higherIsBetter: false,
      tolerance: DURATION_TOLERANCE_SECONDS,
      formatSize: formatDuration,
    }),
    basis,
  };
}

function reworkRateTile(current: DoraFigures, previous: DoraFigures): DoraTile {
  const figure = current.reworkRate;
  return {
    metric: 'reworkRate',
    title: METRIC_TITLES.reworkRate,
    value: rateText(figure.rate),
    band: figure.band,
    change: metricChange({
      current: figure.rate,
      previous: previous.reworkRate.rate,
      higherIsBetter: false,
      tolerance: RATE_TOLERANCE,
      formatSize: percentagePoints,
    }),
    basis: [
      `${figure.unplanned} of ${countOf(
        figure.deployments,
        'deployment',
      )} unplanned, made while an incident was open`,
    ],
  };
}

/** The five tiles of a response, in the page's order. */
export function doraTiles(response: DoraMetricsResponse): DoraTile[] {
  const { current, previous } = response;
  const days = Math.round(response.window.days);
  return [
    frequencyTile(current, previous, days),
    leadTimeTile(current, previous),
    changeFailureRateTile(current, previous),
    recoveryTimeTile(current, previous),
    reworkRateTile(current, previous),
  ];
}
