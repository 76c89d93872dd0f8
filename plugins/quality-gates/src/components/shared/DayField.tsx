import TextField from '@material-ui/core/TextField';

/** A day picked in the browser's date field, as `yyyy-mm-dd` or `''`. */
export function DayField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (day: string) => void;
  /** What is wrong with the value, if anything. */
  problem?: string;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      type="date"
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      variant="outlined"
      size="small"
      InputLabelProps={{ shrink: true }}
      error={!!props.problem}
      helperText={props.problem}
    />
  );
}
