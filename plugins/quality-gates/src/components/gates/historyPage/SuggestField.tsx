import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/**
 * A text filter with suggestions; any text may be typed (Enter or leaving
 * the field applies it), clearing it removes the filter.
 */
export function SuggestField(props: {
  id: string;
  label: string;
  placeholder?: string;
  value: string | undefined;
  suggestions: string[];
  /** How a suggestion reads, e.g. a short entity name. */
  labelOf?: (value: string) => string;
  onInputChange?: (text: string) => void;
  onChange: (value: string | undefined) => void;
  width?: number;
}) {
  const options = [...new Set(props.suggestions)];
  return (
    <Autocomplete<string, false, false, true>
      id={props.id}
      freeSolo
      autoSelect
      value={props.value ?? null}
      options={options}
      getOptionLabel={option => option}
      renderOption={option => props.labelOf?.(option) ?? option}
      onInputChange={(_event, text) => props.onInputChange?.(text)}
      onChange={(_event, next) => {
        const value = next?.trim() || undefined;
        if (value !== props.value) props.onChange(value);
      }}
      style={{ width: props.width ?? 200 }}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          placeholder={props.placeholder}
          variant="outlined"
          size="small"
          InputLabelProps={{ ...params.InputLabelProps, shrink: true }}
        />
      )}
    />
  );
}
