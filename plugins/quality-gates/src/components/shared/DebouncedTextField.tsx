import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';

/** How long typing may pause before the filter applies. */
const TYPING_DELAY_MS = 300;

/** A text filter that applies once typing pauses. */
export function DebouncedTextField(props: {
  id: string;
  label: string;
  placeholder?: string;
  type?: 'search';
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const [text, setText] = useState(props.value ?? '');

  // Follow the URL when it changes from elsewhere (a reset, a shared link).
  useEffect(() => {
    setText(props.value ?? '');
  }, [props.value]);

  useDebounce(
    () => {
      const next = text.trim() || undefined;
      if (next !== props.value) props.onChange(next);
    },
    TYPING_DELAY_MS,
    [text],
  );

  return (
    <TextField
      id={props.id}
      label={props.label}
      placeholder={props.placeholder}
      type={props.type}
      value={text}
      onChange={event => setText(event.target.value)}
      variant="outlined"
      size="small"
      InputLabelProps={{ shrink: true }}
    />
  );
}
