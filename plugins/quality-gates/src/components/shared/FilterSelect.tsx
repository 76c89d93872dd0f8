import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled single-choice filter whose first choice is "Any". */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: FilterOption[];
  onChange: (value: string | undefined) => void;
}) {
  const { value, options } = props;
  // A value from a shared link stays selectable even when no row has it now.
  const withCurrent =
    value && !options.some(option => option.value === value)
      ? [...options, { value, label: value }]
      : options;
  return (
    <TextField
      id={props.id}
      select
      label={props.label}
      value={value ?? ''}
      onChange={event => props.onChange(event.target.value || undefined)}
      variant="outlined"
      size="small"
      style={{ minWidth: 160 }}
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
    >
      <MenuItem value="">Any</MenuItem>
      {withCurrent.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
