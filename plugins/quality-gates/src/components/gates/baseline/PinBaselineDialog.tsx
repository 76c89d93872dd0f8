import { useState } from 'react';
import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';

/** What pinning or unpinning does, said before it is done. */
export function pinConsequence(
  evaluation: Pick<GateEvaluation, 'gateTitle' | 'entityRef' | 'environment'>,
  unpin: boolean,
): string {
  const later = `Later evaluations of ${evaluation.gateTitle} for ${evaluation.entityRef} in ${evaluation.environment}`;
  return unpin
    ? `${later} have no pinned baseline until another evaluation is pinned.`
    : `${later} compare with this one. Other entities and environments keep their own baselines.`;
}

/** Confirms pinning an evaluation as its gate's baseline, or unpinning it. */
export function PinBaselineDialog(props: {
  evaluation: GateEvaluation;
  unpin: boolean;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}) {
  const { evaluation, unpin } = props;
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();

  const confirm = async () => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      await props.onConfirm();
    } catch (error) {
      setFailure((error as Error).message);
      setSubmitting(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="pin-baseline">
      <DialogTitle id="pin-baseline">
        {unpin ? 'Unpin the baseline' : 'Pin as baseline'}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Version {evaluation.version}: {pinConsequence(evaluation, unpin)}
        </DialogContentText>
        {failure && (
          <Typography color="error" role="alert">
            {failure}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={submitting}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={confirm}
          disabled={submitting}
        >
          {unpin ? 'Unpin' : 'Pin'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
