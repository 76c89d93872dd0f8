import { useTheme } from '@material-ui/core/styles';
import { Legend, Line, LineChart } from 'recharts';
import { ValueAxis } from '../../shared/charts/valueAxis';
import { weekAxes, WeeklyChartCard } from '../../shared/WeeklyChartCard';

const HEIGHT = 220;

/** One line of a weekly chart. */
export interface WeeklyLine {
  key: string;
  name: string;
  /** Dashed lines tell series apart without colour. */
  dashed?: boolean;
}

/**
 * A weekly line chart. Lines break at weeks without data instead of
 * dropping to zero, which would read as an instant or perfect week.
 */
export function WeeklyChart<T extends { week: string }>(props: {
  title: string;
  subheader?: string;
  points: T[];
  lines: WeeklyLine[];
  tick: (value: number) => string;
  format: (value: number) => string;
  /** The value axis for the values drawn, e.g. `percentAxis`. */
  axis?: (values: Array<number | null>) => ValueAxis;
}) {
  const theme = useTheme();
  const colors = [theme.palette.primary.main, theme.palette.secondary.main];
  const values = props.points.flatMap(point =>
    props.lines.map(line => {
      const value = (point as Record<string, unknown>)[line.key];
      return typeof value === 'number' ? value : null;
    }),
  );
  return (
    <WeeklyChartCard
      title={props.title}
      subheader={props.subheader}
      label={props.title}
      height={HEIGHT}
    >
      <LineChart data={props.points}>
        {weekAxes({
          valueAxisWidth: 64,
          tick: props.tick,
          format: props.format,
          axis: props.axis?.(values),
        })}
        <Legend />
        {props.lines.map((line, index) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            type="linear"
            stroke={colors[index % colors.length]}
            strokeWidth={2}
            strokeDasharray={line.dashed ? '6 3' : undefined}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </WeeklyChartCard>
  );
}
