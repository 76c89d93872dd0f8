import { FormEvent, useState } from 'react';
import { GateOverride } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { ReasonField } from '../../shared/ReasonField';
import { MIN_OVERRIDE_REASON_LENGTH } from './overrideReason';

/** Ends an override now; why is kept with it. */
export function RevokeOverrideDialog(props: {
  override: GateOverride;
  /** The gate's title, or undefined for every gate. */
  gateTitle?: string;
  onClose: () => void;
  onRevoke: (reason: string) => Promise<void>;
}) {
  const { override } = props;
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const problem =
    reason.trim().length < MIN_OVERRIDE_REASON_LENGTH
      ? `Say why, in at least ${MIN_OVERRIDE_REASON_LENGTH} characters.`
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      await props.onRevoke(reason.trim());
    } catch (error) {
      setFailure((error as Error).message);
      setSubmitting(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="revoke-override">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="revoke-override">Revoke the override</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {props.gateTitle ?? 'Every gate'} of {override.version} in{' '}
            {override.environment} goes back to its own verdict from the next
            evaluation on.
          </DialogContentText>
          <ReasonField
            id="revoke-reason"
            value={reason}
            onChange={setReason}
            onBlur={() => setTouched(true)}
            problem={problem}
            touched={touched}
            hint="Why the override ends early; kept for review."
          />
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
            type="submit"
            color="secondary"
            variant="contained"
            disabled={submitting}
          >
            Revoke
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
