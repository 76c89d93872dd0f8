import { ReactNode, useState } from 'react';
import {
  GateBaselinePin,
  GateEvaluation,
} from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { PinBaselineAction } from '../baseline/PinBaselineAction';
import { PinnedBaselineBadge } from '../baseline/PinnedBaselineBadge';
import { OverrideNotice } from '../override/OverrideNotice';
import { VerdictSummary } from '../verdicts/VerdictSummary';
import { CriterionEvidenceList } from './CriterionEvidenceList';
import { formatPercent } from './formatValue';
import { GateProblems } from './GateProblems';

const useStyles = makeStyles(theme => ({
  detail: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
  },
  version: {
    fontFamily: 'monospace',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

function describeScore(evaluation: GateEvaluation): string {
  const bounds = `passes at ${formatPercent(
    evaluation.passPercent,
  )}, warns at ${formatPercent(evaluation.warningPercent)}`;
  if (evaluation.score === null) return `No score (${bounds})`;
  return `Score ${formatPercent(evaluation.score)} (${bounds})`;
}

/**
 * One evaluation, explained: the verdict (and the effective one), what was
 * evaluated and when, the score against the gate's bounds, why it could not
 * decide, the override, its pin as baseline (with the action to pin or
 * unpin it, for those allowed), and every criterion's evidence.
 */
export function GateEvaluationDetail(props: {
  evaluation: GateEvaluation;
  /** Shown beside the verdict, e.g. an override button. */
  actions?: ReactNode;
}) {
  const classes = useStyles();
  // A pin changed here shows at once, without reloading the evaluation.
  const [changedPin, setChangedPin] = useState<{
    evaluationId: string;
    pin?: GateBaselinePin;
  }>();
  const evaluation: GateEvaluation =
    changedPin?.evaluationId === props.evaluation.id
      ? { ...props.evaluation, pin: changedPin.pin }
      : props.evaluation;
  return (
    <div className={classes.detail} data-evaluation={evaluation.id}>
      <div className={classes.header}>
        <VerdictSummary evaluation={evaluation} />
        <div className={classes.actions}>
          {evaluation.pin && <PinnedBaselineBadge pin={evaluation.pin} />}
          {props.actions}
          <PinBaselineAction
            evaluation={evaluation}
            onChanged={stored =>
              setChangedPin({ evaluationId: stored.id, pin: stored.pin })
            }
          />
        </div>
      </div>
      <div>
        <Typography variant="body2">
          Version{' '}
          <span className={classes.version} data-role="version">
            {evaluation.version}
          </span>
          , evaluated <RelativeTime iso={evaluation.finishedAt} withAbsolute />{' '}
          ({evaluation.trigger}, {evaluation.mode})
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {describeScore(evaluation)}
        </Typography>
      </div>
      <GateProblems problems={evaluation.problems ?? []} />
      {evaluation.override && <OverrideNotice override={evaluation.override} />}
      <CriterionEvidenceList criteria={evaluation.criteria} />
    </div>
  );
}
