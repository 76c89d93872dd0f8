import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  GATE_VERDICTS,
  verdictStyle,
} from '../../shared/verdicts/verdictStyle';
import { diamondPath, flagPath, rollbackPath } from './markerShapes';
import {
  DEPLOYMENT_STATUS_STYLES,
  INCIDENT_BAND_FILL,
  INCIDENT_COLOR,
} from './markerStyle';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  entry: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
}));

function Swatch(props: { children: ReactNode }) {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" aria-hidden>
      {props.children}
    </svg>
  );
}

/** What each marker shape and colour means. */
export function TimelineLegend() {
  const classes = useStyles();
  const entry = (key: string, swatch: ReactNode, label: string) => (
    <li key={key} className={classes.entry}>
      <Swatch>{swatch}</Swatch>
      <Typography variant="caption">{label}</Typography>
    </li>
  );
  const statuses = (['succeeded', 'failed', 'in_progress'] as const).map(
    status =>
      entry(
        status,
        <circle
          cx={8}
          cy={8}
          r={6}
          fill={DEPLOYMENT_STATUS_STYLES[status].color}
        />,
        `Deployment: ${DEPLOYMENT_STATUS_STYLES[status].label.toLowerCase()}`,
      ),
  );
  return (
    <ul className={classes.legend} aria-label="Legend">
      {statuses}
      {entry(
        'rolled_back',
        <path
          d={rollbackPath(8, 8, 7)}
          fill={DEPLOYMENT_STATUS_STYLES.rolled_back.color}
        />,
        'Rolled back',
      )}
      {GATE_VERDICTS.map(verdict =>
        entry(
          `gate-${verdict}`,
          <path d={diamondPath(8, 8, 6)} fill={verdictStyle(verdict).color} />,
          `Gate: ${verdictStyle(verdict).label.toLowerCase()}`,
        ),
      )}
      {entry(
        'incident',
        <>
          <rect x={0} y={0} width={16} height={16} fill={INCIDENT_BAND_FILL} />
          <path
            d={flagPath(3, 2, 15)}
            fill={INCIDENT_COLOR}
            stroke={INCIDENT_COLOR}
            strokeWidth={2}
          />
        </>,
        'Incident, open to resolved',
      )}
    </ul>
  );
}
