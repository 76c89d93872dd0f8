import { ReactNode } from 'react';
import {
  GateDecision,
  GateEvaluation,
} from '@can-i-deploy/plugin-quality-gates-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { GateEvaluationDetail } from '../evidence/GateEvaluationDetail';
import { GateProblems } from '../evidence/GateProblems';
import { overrideSentence } from '../override/overrideSentence';
import { GateVerdictChip } from '../verdicts/GateVerdictChip';
import { blocks, byModeAndTitle, shownVerdict } from './gateOrder';
import { GateModeBadge } from './GateModeBadge';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    minWidth: 0,
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  title: {
    fontWeight: 500,
  },
  override: {
    overflowWrap: 'anywhere',
  },
  details: {
    display: 'block',
    minWidth: 0,
  },
}));

/** One gate of a decision: what counts, folded open when it blocks. */
function DecisionGate(props: {
  evaluation: GateEvaluation;
  action?: (evaluation: GateEvaluation) => ReactNode;
}) {
  const classes = useStyles();
  const { evaluation } = props;
  const overridden = overrideSentence(evaluation);
  return (
    <Accordion
      defaultExpanded={blocks(evaluation)}
      variant="outlined"
      data-gate={evaluation.gateId}
      data-environment={evaluation.environment}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-label={`${evaluation.gateTitle}: ${shownVerdict(evaluation)}`}
      >
        <div className={classes.summary}>
          <div className={classes.line}>
            <GateVerdictChip verdict={shownVerdict(evaluation)} size="small" />
            <Typography className={classes.title} component="h4">
              {evaluation.gateTitle}
            </Typography>
            <GateModeBadge mode={evaluation.mode} />
          </div>
          {overridden && (
            <Typography
              variant="body2"
              className={classes.override}
              data-role="overridden"
            >
              {overridden}
            </Typography>
          )}
        </div>
      </AccordionSummary>
      <AccordionDetails className={classes.details}>
        <GateEvaluationDetail
          evaluation={evaluation}
          actions={props.action?.(evaluation)}
        />
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * Every gate of a decision, those that decide first; warn-only and dry-run
 * gates are marked as not counting. `action` adds e.g. an override button.
 */
export function DecisionGates(props: {
  decision: GateDecision;
  action?: (evaluation: GateEvaluation) => ReactNode;
}) {
  const { decision } = props;
  return (
    <div aria-label={`Gates in ${decision.environment}`} role="group">
      <GateProblems problems={decision.problems} />
      {byModeAndTitle(decision.evaluations).map(evaluation => (
        <DecisionGate
          key={evaluation.id}
          evaluation={evaluation}
          action={props.action}
        />
      ))}
    </div>
  );
}
