import { ReadinessGroupBy } from '@can-i-deploy/plugin-quality-gates-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** One row per entity, or per owner or system. */
export function GroupBySelect(props: {
  value: ReadinessGroupBy | undefined;
  onChange: (value: ReadinessGroupBy | undefined) => void;
}) {
  return (
    <TextField
      id="readiness-group-by"
      select
      label="Group by"
      value={props.value ?? ''}
      onChange={event =>
        props.onChange(
          (event.target.value || undefined) as ReadinessGroupBy | undefined,
        )
      }
      variant="outlined"
      size="small"
      style={{ minWidth: 160 }}
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
    >
      <MenuItem value="">No grouping</MenuItem>
      <MenuItem value="owner">Owner</MenuItem>
      <MenuItem value="system">System</MenuItem>
    </TextField>
  );
}
