import { ReactElement } from 'react';
import { InfoCard } from '@backstage/core-components';
import {
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ValueAxis } from './charts/valueAxis';

/**
 * The card around one chart of weekly points: a figure named for assistive
 * technology, as wide as the card.
 */
export function WeeklyChartCard(props: {
  title: string;
  subheader?: string;
  /** The figure's accessible name. */
  label: string;
  height: number;
  /** Data attributes of the figure, e.g. the series it draws. */
  data?: Record<`data-${string}`, string>;
  /** A recharts chart. */
  children: ReactElement;
}) {
  const { height } = props;
  return (
    <InfoCard
      title={props.title}
      subheader={props.subheader}
      titleTypographyProps={{ variant: 'h6' }}
    >
      <figure aria-label={props.label} {...props.data} style={{ margin: 0 }}>
        <ResponsiveContainer
          width="100%"
          height={height}
          initialDimension={{ width: 500, height }}
        >
          {props.children}
        </ResponsiveContainer>
      </figure>
    </InfoCard>
  );
}

/**
 * The grid, week and value axes and tooltip of a weekly chart. Elements,
 * not a component: the chart reads its axes from its direct children.
 */
export function weekAxes(options: {
  /** Room for the longest tick. */
  valueAxisWidth: number;
  allowDecimals?: boolean;
  /** Axis ticks, e.g. `12 h`, `25%`. */
  tick: (value: number) => string;
  /** Tooltip values, e.g. `2 d 4 h`. */
  format: (value: number) => string;
  /** Where the value axis ends and ticks; recharts picks without it. */
  axis?: ValueAxis;
}) {
  return (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="week" />
      <YAxis
        width={options.valueAxisWidth}
        allowDecimals={options.allowDecimals ?? true}
        domain={options.axis?.domain}
        ticks={options.axis?.ticks}
        tickFormatter={value => options.tick(Number(value))}
      />
      <Tooltip
        formatter={(value, name) => [options.format(Number(value)), name]}
        labelFormatter={week => `Week of ${week}`}
      />
    </>
  );
}
