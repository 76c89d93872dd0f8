import { useState } from 'react';
import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { OverrideGateEvaluationRequest } from '../../../api/QualityGatesApi';
import { verdictStyle } from '../verdicts/verdictStyle';
import {
  dateTimeInputHoursAhead,
  dateTimeInputToIso,
  DEFAULT_OVERRIDE_HOURS,
  overrideExpiryProblem,
} from './overrideExpiry';
import { ReasonField } from '../../shared/ReasonField';
import { useReasonedDecision } from '../../shared/useReasonedDecision';

/** The backend refuses shorter reasons; say so before it has to. */
export const MIN_OVERRIDE_REASON_LENGTH = 10;

/**
 * Asks what the verdict should act as, why and until when. The backend
 * decides the rest (permission, longest override) and its message is shown
 * here.
 */
export function OverrideGateDialog(props: {
  evaluation: GateEvaluation;
  onClose: () => void;
  onOverride: (request: OverrideGateEvaluationRequest) => Promise<void>;
}) {
  const { evaluation } = props;
  // The usual override lets a blocked deploy through.
  const [verdict, setVerdict] = useState<'pass' | 'fail'>(
    evaluation.effectiveVerdict === 'pass' ? 'fail' : 'pass',
  );
  const [expiry, setExpiry] = useState(
    dateTimeInputHoursAhead(DEFAULT_OVERRIDE_HOURS),
  );
  const expiryProblem = overrideExpiryProblem(expiry);
  const form = useReasonedDecision({
    minReasonLength: MIN_OVERRIDE_REASON_LENGTH,
    expiryProblem,
    expiresAt: () => dateTimeInputToIso(expiry),
    submit: decision => props.onOverride({ verdict, ...decision }),
  });
  const { reason, setReason, reasonProblem, touched, submitting, failure } =
    form;

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="override-gate">
      <form onSubmit={form.onSubmit} noValidate>
        <DialogTitle id="override-gate">
          Override: {evaluation.gateTitle} in {evaluation.environment}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Version {evaluation.version} was recorded as{' '}
            {verdictStyle(evaluation.verdict).label.toLowerCase()}. The recorded
            verdict stays; callers act on the override until it ends. Every
            override is kept for review.
          </DialogContentText>
          <FormControl component="fieldset" margin="normal">
            <FormLabel component="legend">Act as</FormLabel>
            <RadioGroup
              row
              name="override-verdict"
              value={verdict}
              onChange={event =>
                setVerdict(event.target.value === 'fail' ? 'fail' : 'pass')
              }
            >
              <FormControlLabel value="pass" control={<Radio />} label="Pass" />
              <FormControlLabel value="fail" control={<Radio />} label="Fail" />
            </RadioGroup>
          </FormControl>
          <ReasonField
            id="override-reason"
            value={reason}
            onChange={setReason}
            onBlur={form.touch}
            problem={reasonProblem}
            touched={touched}
            hint={`Why the verdict is wrong this time (at least ${MIN_OVERRIDE_REASON_LENGTH} characters).`}
          />
          <TextField
            id="override-expiry"
            label="Override until"
            type="datetime-local"
            value={expiry}
            onChange={event => setExpiry(event.target.value)}
            error={touched && !!expiryProblem}
            helperText={touched && expiryProblem ? expiryProblem : undefined}
            InputLabelProps={{ shrink: true }}
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
            Override verdict
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
