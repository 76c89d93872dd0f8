import ButtonBase from '@material-ui/core/ButtonBase';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { GateVerdictPoint } from '../../../api/QualityGatesApi';
import { formatAbsoluteTime } from '../../readiness/time/formatTime';
import { verdictStyle } from '../verdicts/verdictStyle';

const useStyles = makeStyles(theme => ({
  strip: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: 3,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  square: {
    width: 18,
    height: 18,
    borderRadius: 2,
    color: '#fff',
    fontSize: 10,
    fontWeight: 700,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.text.primary}`,
      outlineOffset: 1,
    },
  },
  current: {
    outline: `2px solid ${theme.palette.text.primary}`,
    outlineOffset: 1,
  },
}));

function describe(point: GateVerdictPoint): string {
  return `${point.version}: ${
    verdictStyle(point.verdict).label
  } at ${formatAbsoluteTime(point.finishedAt)}`;
}

/**
 * Recent recorded verdicts, oldest left, as small squares: colour and a
 * letter, the version and time on hover. A click opens that evaluation.
 */
export function VerdictStrip(props: {
  /** Oldest first. */
  points: GateVerdictPoint[];
  /** The evaluation shown in full next to the strip. */
  currentId?: string;
  label: string;
  onOpen: (evaluationId: string) => void;
}) {
  const classes = useStyles();
  if (props.points.length === 0) return null;
  return (
    <ol className={classes.strip} aria-label={props.label}>
      {props.points.map(point => {
        const style = verdictStyle(point.verdict);
        const current = point.id === props.currentId;
        return (
          <li key={point.id} data-verdict={point.verdict}>
            <Tooltip title={describe(point)}>
              <ButtonBase
                className={`${classes.square} ${
                  current ? classes.current : ''
                }`}
                style={{ backgroundColor: style.color }}
                aria-label={describe(point)}
                aria-current={current ? 'true' : undefined}
                onClick={() => props.onOpen(point.id)}
              >
                {style.label.charAt(0)}
              </ButtonBase>
            </Tooltip>
          </li>
        );
      })}
    </ol>
  );
}
