import {
  ReadinessLevel,
  ReadinessLevelDistribution,
} from '@can-i-deploy/plugin-quality-gates-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { levelColor, levelTitle } from './levelStyle';

const NO_LEVEL_COLOR = '#e57373';
const NOT_EVALUATED_COLOR = '#bdbdbd';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: theme.spacing(1.5),
    borderRadius: theme.spacing(0.75),
    overflow: 'hidden',
    backgroundColor: theme.palette.action.hover,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 0),
    padding: 0,
  },
  swatch: {
    display: 'inline-block',
    width: theme.spacing(1),
    height: theme.spacing(1),
    borderRadius: '50%',
    marginRight: theme.spacing(0.5),
  },
}));

interface Segment {
  key: string;
  label: string;
  count: number;
  color: string;
}

/** The segments, highest level first, then no level, then not evaluated. */
export function distributionSegments(
  levels: ReadinessLevel[],
  distribution: ReadinessLevelDistribution,
): Segment[] {
  const reached = distribution.levels
    .filter(entry => entry.level !== null)
    .reverse()
    .map(entry => ({
      key: entry.level!,
      label: levelTitle(levels, entry.level),
      count: entry.count,
      color: levelColor(levels, entry.level!),
    }));
  const none =
    distribution.levels.find(entry => entry.level === null)?.count ?? 0;
  return [
    ...reached,
    { key: 'none', label: 'No level', count: none, color: NO_LEVEL_COLOR },
    {
      key: 'not-evaluated',
      label: 'Not evaluated',
      count: distribution.notEvaluated,
      color: NOT_EVALUATED_COLOR,
    },
  ];
}

/**
 * How many components are at each level, as one compact stacked bar with a
 * legend of the counts (empty segments are left out of both).
 */
export function LevelDistributionBar(props: {
  levels: ReadinessLevel[];
  distribution: ReadinessLevelDistribution;
  /** Legend under the bar; off where a table row shows it compactly. */
  legend?: boolean;
}) {
  const classes = useStyles();
  const { distribution } = props;
  const segments = distributionSegments(props.levels, distribution).filter(
    segment => segment.count > 0,
  );
  const summary = segments
    .map(segment => `${segment.count} ${segment.label}`)
    .join(', ');
  return (
    <Box>
      <div
        className={classes.bar}
        role="img"
        aria-label={`Readiness levels of ${distribution.total} components: ${
          summary || 'none'
        }`}
      >
        {segments.map(segment => (
          <div
            key={segment.key}
            title={`${segment.label}: ${segment.count}`}
            data-segment={segment.key}
            style={{ flexGrow: segment.count, backgroundColor: segment.color }}
          />
        ))}
      </div>
      {props.legend !== false && (
        <ul className={classes.legend} aria-label="Components by level">
          {segments.map(segment => (
            <li key={segment.key}>
              <Typography variant="caption">
                <span
                  className={classes.swatch}
                  style={{ backgroundColor: segment.color }}
                />
                {segment.label} {segment.count}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}
