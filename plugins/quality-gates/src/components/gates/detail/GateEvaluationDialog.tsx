import { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { GateEvaluationDetail } from '../evidence/GateEvaluationDetail';
import { ProblemPanel } from '../../shared/errors/ProblemPanel';

/**
 * One evaluation in full. Given the evaluation it shows it as it is; given
 * only its id it reads it from the backend first.
 */
export function GateEvaluationDialog(props: {
  evaluationId: string;
  evaluation?: GateEvaluation;
  /** E.g. a link to the entity's tab. */
  links?: (evaluation: GateEvaluation) => ReactNode;
  onClose: () => void;
}) {
  const api = useApi(qualityGatesApiRef);
  const { evaluationId, evaluation: given } = props;
  const loaded = useAsync(
    async () => given ?? api.getGateEvaluation(evaluationId),
    [api, evaluationId, given],
  );
  const evaluation = loaded.value;

  const body = () => {
    if (loaded.error) {
      return (
        <ProblemPanel
          error={loaded.error}
          notFound="This gate evaluation no longer exists"
        />
      );
    }
    if (!evaluation) return <Progress />;
    return (
      <>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {evaluation.entityRef} {props.links?.(evaluation)}
        </Typography>
        <GateEvaluationDetail evaluation={evaluation} />
      </>
    );
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="gate-evaluation-title"
    >
      <DialogTitle id="gate-evaluation-title">
        {evaluation
          ? `${evaluation.gateTitle} in ${evaluation.environment}`
          : 'Gate evaluation'}
      </DialogTitle>
      <DialogContent>{body()}</DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
