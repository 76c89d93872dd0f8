import { InfoCard } from '@backstage/core-components';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

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
}) {
  const theme = useTheme();
  const colors = [theme.palette.primary.main, theme.palette.secondary.main];
  return (
    <InfoCard
      title={props.title}
      subheader={props.subheader}
      titleTypographyProps={{ variant: 'h6' }}
    >
      <figure aria-label={props.title} style={{ margin: 0 }}>
        <ResponsiveContainer
          width="100%"
          height={HEIGHT}
          initialDimension={{ width: 500, height: HEIGHT }}
        >
          <LineChart data={props.points}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="week" />
            <YAxis
              width={64}
              tickFormatter={value => props.tick(Number(value))}
            />
            <Tooltip
              formatter={(value, name) => [props.format(Number(value)), name]}
              labelFormatter={week => `Week of ${week}`}
            />
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
        </ResponsiveContainer>
      </figure>
    </InfoCard>
  );
}
