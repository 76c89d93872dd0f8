import { ReadinessLevel } from '@can-i-deploy/plugin-quality-gates-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import { levelColor } from './levelStyle';

const useStyles = makeStyles(theme => ({
  ladder: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  rung: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.5, 1.5),
    borderRadius: theme.shape.borderRadius,
    border: `2px solid ${theme.palette.divider}`,
  },
  later: {
    opacity: 0.6,
  },
}));

type RungState = 'reached' | 'next' | 'later';

const RUNG_WORDS: Record<RungState, string> = {
  reached: 'reached',
  next: 'next',
  later: 'not yet',
};

/**
 * Every level in order, each marked reached, next or not yet, so a team sees
 * where it stands and what comes after.
 */
export function ReadinessLevelLadder(props: {
  levels: ReadinessLevel[];
  level: string | null;
  nextLevel: string | null;
}) {
  const classes = useStyles();
  const reachedIndex = props.levels.findIndex(
    level => level.id === props.level,
  );
  const rungState = (index: number, id: string): RungState => {
    if (index <= reachedIndex) return 'reached';
    if (id === props.nextLevel) return 'next';
    return 'later';
  };
  return (
    <ol className={classes.ladder} aria-label="Readiness levels">
      {props.levels.map((level, index) => {
        const state = rungState(index, level.id);
        const color = levelColor(props.levels, level.id);
        const iconByState: Record<RungState, JSX.Element> = {
          reached: <CheckCircleIcon style={{ color }} fontSize="small" />,
          next: <TrendingUpIcon style={{ color }} fontSize="small" />,
          later: <RadioButtonUncheckedIcon fontSize="small" />,
        };
        return (
          <li
            key={level.id}
            title={level.description}
            className={`${classes.rung} ${
              state === 'later' ? classes.later : ''
            }`}
            style={state === 'later' ? undefined : { borderColor: color }}
            data-rung={state}
          >
            {iconByState[state]}
            <Box>
              <Typography variant="subtitle2" component="span">
                {level.title}
              </Typography>{' '}
              <Typography variant="caption" component="span">
                {RUNG_WORDS[state]}
              </Typography>
            </Box>
          </li>
        );
      })}
    </ol>
  );
}
