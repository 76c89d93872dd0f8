import { GateOverride } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatAbsoluteTime } from '../../shared/format/formatTime';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { personName } from '../decision/decisionWords';
import { verdictStyle } from '../../shared/verdicts/verdictStyle';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
  item: {
    borderLeft: `4px solid ${theme.palette.info.main}`,
    background: theme.palette.background.default,
    padding: theme.spacing(1, 1.5),
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  text: {
    flex: '1 1 240px',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
}));

/**
 * The overrides in force for a version in an environment, with a Revoke
 * action for those allowed to (`onRevoke` absent otherwise).
 */
export function ActiveOverrides(props: {
  overrides: GateOverride[];
  /** Gate titles by id, to name what is overridden. */
  gateTitles: Record<string, string>;
  onRevoke?: (override: GateOverride) => void;
}) {
  const classes = useStyles();
  if (props.overrides.length === 0) return null;
  return (
    <section aria-label="Active overrides">
      <Typography variant="subtitle2" component="h4" gutterBottom>
        Active overrides
      </Typography>
      <ul className={classes.list}>
        {props.overrides.map(override => {
          const gate = override.gateId
            ? props.gateTitles[override.gateId] ?? override.gateId
            : 'Every gate';
          return (
            <li
              key={override.id}
              className={classes.item}
              data-override={override.id}
            >
              <Typography variant="body2" className={classes.text}>
                <strong>
                  {gate} acts as{' '}
                  {verdictStyle(override.verdict).label.toLowerCase()}
                </strong>{' '}
                — by {personName(override.createdBy)} because “{override.reason}
                ”, until {formatAbsoluteTime(override.expiresAt)} (
                <RelativeTime iso={override.expiresAt} />)
              </Typography>
              {props.onRevoke && (
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => props.onRevoke?.(override)}
                  aria-label={`Revoke the override of ${gate}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
