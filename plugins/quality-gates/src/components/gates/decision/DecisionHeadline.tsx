import { ReactNode } from 'react';
import { GateDecision } from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { DecisionAnswerChip } from './DecisionAnswerChip';
import { askedBy } from './decisionWords';

const useStyles = makeStyles(theme => ({
  headline: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
  },
  text: {
    flex: '1 1 280px',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  sentence: {
    fontWeight: 500,
    overflowWrap: 'anywhere',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(0.5),
  },
}));

/**
 * The answer first, as a big chip, then the one sentence that says why,
 * then when, what asked and who: what an on-call engineer reads first.
 * Without a decision it says plainly that nobody asked about this version.
 */
export function DecisionHeadline(props: {
  decision?: GateDecision;
  /** What was asked about, for the "not evaluated yet" words. */
  version: string;
  environment: string;
  actions?: ReactNode;
}) {
  const classes = useStyles();
  const { decision } = props;
  if (!decision) {
    return (
      <div className={classes.headline} data-role="decision-headline">
        <DecisionAnswerChip answer="none" />
        <div className={classes.text}>
          <Typography variant="body1" className={classes.sentence}>
            Nobody has asked yet whether {props.version || 'this version'} can
            go to {props.environment}.
          </Typography>
          {props.actions && (
            <div className={classes.actions}>{props.actions}</div>
          )}
        </div>
      </div>
    );
  }
  return (
    <div
      className={classes.headline}
      data-role="decision-headline"
      data-decision={decision.id}
    >
      <DecisionAnswerChip answer={decision.answer} />
      <div className={classes.text}>
        <Typography
          variant="body1"
          className={classes.sentence}
          data-role="sentence"
        >
          {decision.sentence}
        </Typography>
        {decision.answer === 'not_yet' && decision.askAgainAt && (
          <Typography variant="body2" data-role="ask-again">
            <strong>Ask again</strong>{' '}
            <RelativeTime iso={decision.askAgainAt} withAbsolute />
          </Typography>
        )}
        <Typography variant="body2" color="textSecondary">
          Decided <RelativeTime iso={decision.decidedAt} /> · asked by{' '}
          {askedBy(decision.trigger, decision.requestedBy)} · version{' '}
          <span style={{ fontFamily: 'monospace' }}>{decision.version}</span>
        </Typography>
        {props.actions && (
          <div className={classes.actions}>{props.actions}</div>
        )}
      </div>
    </div>
  );
}
