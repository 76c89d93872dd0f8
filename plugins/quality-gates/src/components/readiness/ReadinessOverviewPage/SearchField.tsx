import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';

/** How long typing may pause before the search runs. */
const SEARCH_DELAY_MS = 300;

/** Text search over entity refs and titles, sent once typing pauses. */
export function SearchField(props: {
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
    SEARCH_DELAY_MS,
    [text],
  );

  return (
    <TextField
      id="readiness-search"
      label="Search"
      placeholder="Name or title"
      value={text}
      onChange={event => setText(event.target.value)}
      variant="outlined"
      size="small"
      type="search"
      InputLabelProps={{ shrink: true }}
    />
  );
}
