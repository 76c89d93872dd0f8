import { GateOverride } from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatAbsoluteTime } from '../../shared/format/formatTime';
import { verdictStyle } from '../../shared/verdicts/verdictStyle';

const useStyles = makeStyles(theme => ({
  note: {
    borderLeft: `4px solid ${theme.palette.info.main}`,
    background: theme.palette.background.default,
    padding: theme.spacing(1, 1.5),
  },
  reason: {
    fontStyle: 'italic',
  },
}));

/** Who overrode the verdict, to what, why and until when; kept once expired. */
export function OverrideNotice(props: { override: GateOverride }) {
  const classes = useStyles();
  const { override } = props;
  const verdict = verdictStyle(override.verdict).label.toLowerCase();
  const until = formatAbsoluteTime(override.expiresAt);
  return (
    <div className={classes.note} role="note" aria-label="Override">
      <Typography variant="body2">
        <strong>
          {override.active ? 'Overridden' : 'Was overridden'} to {verdict}
        </strong>{' '}
        by {override.createdBy} on {formatAbsoluteTime(override.createdAt)},{' '}
        {override.active ? `until ${until}` : `expired ${until}`}.
      </Typography>
      <Typography variant="body2" className={classes.reason}>
        “{override.reason}”
      </Typography>
    </div>
  );
}
