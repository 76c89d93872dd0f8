import { ReadinessExemption } from '@can-i-deploy/plugin-quality-gates-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { READINESS_STATE_STYLES } from '../states/readinessStateStyle';
import { formatDate } from '../../shared/format/formatTime';
import { RelativeTime } from '../../shared/format/RelativeTime';

const useStyles = makeStyles(theme => ({
  notice: {
    borderLeft: `4px solid ${READINESS_STATE_STYLES.exempt.color}`,
    padding: theme.spacing(1, 2),
    backgroundColor: theme.palette.background.default,
  },
}));

/** Who exempted the check, why and until when. */
export function ExemptionNotice(props: {
  exemption: ReadinessExemption;
  action?: ReactNode;
}) {
  const classes = useStyles();
  const { exemption } = props;
  return (
    <Box className={classes.notice} role="note" aria-label="Exemption">
      <Typography variant="subtitle2">
        Exempt until {formatDate(exemption.expiresAt)}, granted by{' '}
        {exemption.createdBy} <RelativeTime iso={exemption.createdAt} />
      </Typography>
      <Typography variant="body2">Reason: {exemption.reason}</Typography>
      {props.action}
    </Box>
  );
}
