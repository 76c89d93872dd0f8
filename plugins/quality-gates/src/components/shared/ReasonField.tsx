import TextField from '@material-ui/core/TextField';

/**
 * The "why" of a decision someone takes for others (an exemption, an
 * override): required, several lines, its problem shown once touched.
 */
export function ReasonField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** What is wrong with the value, shown once `touched`. */
  problem?: string;
  touched: boolean;
  hint: string;
}) {
  const showProblem = props.touched && !!props.problem;
  return (
    <TextField
      id={props.id}
      label="Reason"
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      onBlur={props.onBlur}
      error={showProblem}
      helperText={showProblem ? props.problem : props.hint}
      multiline
      minRows={3}
      fullWidth
      required
      margin="normal"
    />
  );
}
