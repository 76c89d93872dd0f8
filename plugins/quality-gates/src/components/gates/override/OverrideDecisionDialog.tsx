import { useState } from 'react';
import { GateDecision } from '@can-i-deploy/plugin-quality-gates-common';
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
import { OverrideGateDecisionRequest } from '../../../api/QualityGatesApi';
import { ReasonField } from '../../shared/ReasonField';
import { useReasonedDecision } from '../../shared/useReasonedDecision';
import { byModeAndTitle } from '../decision/gateOrder';
import { verdictStyle } from '../../shared/verdicts/verdictStyle';
import { defaultOverrideScope, WHOLE_DECISION } from './defaultOverrideScope';
import { MIN_OVERRIDE_REASON_LENGTH } from './overrideReason';
import {
  dateTimeInputHoursAhead,
  dateTimeInputToIso,
  DEFAULT_OVERRIDE_HOURS,
  overrideExpiryProblem,
} from './overrideExpiry';

/**
 * Overrides one gate of a decision, or all of them, for its entity,
 * environment and version: every later evaluation in that scope still
 * measures, but acts as the override until it expires or is revoked.
 */
export function OverrideDecisionDialog(props: {
  decision: GateDecision;
  /** The gate to start with; else the one that blocks, or all. */
  gateId?: string;
  onClose: () => void;
  onOverride: (request: OverrideGateDecisionRequest) => Promise<void>;
}) {
  const { decision } = props;
  const [scope, setScope] = useState(
    props.gateId ?? defaultOverrideScope(decision),
  );
  const [verdict, setVerdict] = useState<'pass' | 'fail'>('pass');
  const [expiry, setExpiry] = useState(
    dateTimeInputHoursAhead(DEFAULT_OVERRIDE_HOURS),
  );
  const expiryProblem = overrideExpiryProblem(expiry);
  const form = useReasonedDecision({
    minReasonLength: MIN_OVERRIDE_REASON_LENGTH,
    expiryProblem,
    expiresAt: () => dateTimeInputToIso(expiry),
    submit: decided =>
      props.onOverride({
        ...(scope === WHOLE_DECISION ? {} : { gateId: scope }),
        verdict,
        ...decided,
      }),
  });
  const { reason, setReason, reasonProblem, touched, submitting, failure } =
    form;

  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="override-decision"
      maxWidth="sm"
      fullWidth
    >
      <form onSubmit={form.onSubmit} noValidate>
        <DialogTitle id="override-decision">
          Override {decision.version} in {decision.environment}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            Until it ends, every evaluation of {decision.version} in{' '}
            {decision.environment} still measures and records its own verdict,
            but acts as the override. Every override is kept for review.
          </DialogContentText>
          <TextField
            id="override-scope"
            select
            label="Override"
            value={scope}
            onChange={event => setScope(event.target.value)}
            SelectProps={{ native: true }}
            fullWidth
            margin="normal"
            InputLabelProps={{ shrink: true }}
          >
            <option value={WHOLE_DECISION}>Every gate of the decision</option>
            {byModeAndTitle(decision.evaluations).map(evaluation => (
              <option key={evaluation.gateId} value={evaluation.gateId}>
                {evaluation.gateTitle} (
                {verdictStyle(evaluation.verdict).label.toLowerCase()})
              </option>
            ))}
          </TextField>
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
            hint={`Why the gates are wrong this time (at least ${MIN_OVERRIDE_REASON_LENGTH} characters).`}
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
            Override
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
