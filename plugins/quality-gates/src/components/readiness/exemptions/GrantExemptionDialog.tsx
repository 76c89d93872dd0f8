import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import {
  dateInputDaysAhead,
  DEFAULT_EXEMPTION_DAYS,
  endOfDayIso,
} from './expiryDate';
import { ReasonField } from '../../shared/ReasonField';
import { useReasonedDecision } from '../../shared/useReasonedDecision';

/** The backend refuses shorter reasons; say so before it has to. */
export const MIN_REASON_LENGTH = 10;

export interface GrantExemptionInput {
  reason: string;
  expiresAt: string;
}

function expiryProblem(expiryDate: string): string | undefined {
  const expiresAt = endOfDayIso(expiryDate);
  if (!expiresAt) return 'Choose the day the exemption ends.';
  if (DateTime.fromISO(expiresAt) <= DateTime.now()) {
    return 'The exemption must end in the future.';
  }
  return undefined;
}

/**
 * Asks why a check is exempt and until when. The backend decides the rest
 * (permission, longest allowed exemption) and its message is shown here.
 */
export function GrantExemptionDialog(props: {
  checkTitle: string;
  onClose: () => void;
  onGrant: (input: GrantExemptionInput) => Promise<void>;
}) {
  const [expiryDate, setExpiryDate] = useState(
    dateInputDaysAhead(DEFAULT_EXEMPTION_DAYS),
  );
  const dateProblem = expiryProblem(expiryDate);
  const form = useReasonedDecision({
    minReasonLength: MIN_REASON_LENGTH,
    expiryProblem: dateProblem,
    expiresAt: () => endOfDayIso(expiryDate),
    submit: props.onGrant,
  });
  const { reason, setReason, reasonProblem, touched, submitting, failure } =
    form;

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="grant-exemption">
      <form onSubmit={form.onSubmit} noValidate>
        <DialogTitle id="grant-exemption">
          Grant exemption: {props.checkTitle}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            The check counts as met until the exemption ends or is revoked.
            Every exemption is kept for audit.
          </DialogContentText>
          <ReasonField
            id="exemption-reason"
            value={reason}
            onChange={setReason}
            onBlur={form.touch}
            problem={reasonProblem}
            touched={touched}
            hint={`Why the check does not apply yet (at least ${MIN_REASON_LENGTH} characters).`}
          />
          <TextField
            id="exemption-expiry"
            label="Exempt until"
            type="date"
            value={expiryDate}
            onChange={event => setExpiryDate(event.target.value)}
            error={touched && !!dateProblem}
            helperText={touched && dateProblem ? dateProblem : undefined}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: dateInputDaysAhead(1) }}
            required
            margin="normal"
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
            color="primary"
            variant="contained"
            disabled={submitting}
          >
            Grant exemption
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
