import { InfoCard } from '@backstage/core-components';
import {
  ReadinessHistoryPoint,
  ReadinessLevel,
} from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
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
import { levelTitle } from '../levels/levelStyle';
import { formatAbsoluteTime, formatDate } from '../../shared/format/formatTime';
import { historySeries } from './historySeries';

const scoreText = (score: number | null) =>
  score === null ? 'no score' : `score ${score}%`;

function describeTrend(
  levels: ReadinessLevel[],
  items: ReadinessHistoryPoint[],
): string {
  const first = items[0];
  const last = items[items.length - 1];
  if (items.length === 1) {
    return `Since ${formatDate(first.evaluatedAt)}: ${scoreText(
      first.score,
    )}, ${levelTitle(levels, first.level)}, unchanged`;
  }
  return `Since ${formatDate(first.evaluatedAt)}: ${scoreText(
    first.score,
  )} → ${scoreText(last.score)}, ${levelTitle(
    levels,
    first.level,
  )} → ${levelTitle(levels, last.level)} (${items.length} changes)`;
}

/**
 * Score over time, with the level as a step line on its own axis: a point
 * is stored each time the level or a check's state changed.
 */
export function ReadinessHistoryChart(props: {
  levels: ReadinessLevel[];
  items: ReadinessHistoryPoint[];
  lastEvaluatedAt?: string;
}) {
  const theme = useTheme();
  const { levels, items } = props;
  if (items.length === 0) {
    return (
      <InfoCard title="History">
        <Typography variant="body2">
          No history yet: it starts with the first evaluation.
        </Typography>
      </InfoCard>
    );
  }
  const data = historySeries(levels, items, props.lastEvaluatedAt);
  const levelTicks = [0, ...levels.map((_, index) => index + 1)];

  return (
    <InfoCard title="History" subheader={describeTrend(levels, items)}>
      <ResponsiveContainer
        width="100%"
        height={260}
        initialDimension={{ width: 600, height: 260 }}
      >
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={time => formatDate(new Date(time).toISOString())}
          />
          <YAxis
            yAxisId="score"
            domain={[0, 100]}
            unit="%"
            width={48}
            label={{ value: 'Score', angle: -90, position: 'insideLeft' }}
          />
          <YAxis
            yAxisId="level"
            orientation="right"
            domain={[0, levels.length]}
            ticks={levelTicks}
            allowDecimals={false}
            width={72}
            tickFormatter={rank =>
              levelTitle(levels, levels[Number(rank) - 1]?.id ?? null)
            }
          />
          <Tooltip
            labelFormatter={time =>
              formatAbsoluteTime(new Date(Number(time)).toISOString())
            }
            formatter={(value, name) =>
              name === 'Level'
                ? levelTitle(levels, levels[Number(value) - 1]?.id ?? null)
                : `${value}%`
            }
          />
          <Legend />
          <Line
            yAxisId="score"
            name="Score"
            dataKey="score"
            type="stepAfter"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            yAxisId="level"
            name="Level"
            dataKey="levelRank"
            type="stepAfter"
            stroke={theme.palette.secondary.main}
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </InfoCard>
  );
}
