import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import RefreshIcon from '@material-ui/icons/Refresh';

/** Asks the gates now, for one environment. */
export function EvaluateButton(props: {
  environment: string;
  evaluating: boolean;
  disabled?: boolean;
  onEvaluate: () => void;
}) {
  return (
    <Button
      variant="contained"
      color="primary"
      size="small"
      onClick={props.onEvaluate}
      disabled={props.evaluating || props.disabled}
      aria-label={`Evaluate now in ${props.environment}`}
      startIcon={
        props.evaluating ? <CircularProgress size={16} /> : <RefreshIcon />
      }
    >
      {props.evaluating ? 'Evaluating…' : 'Evaluate now'}
    </Button>
  );
}
