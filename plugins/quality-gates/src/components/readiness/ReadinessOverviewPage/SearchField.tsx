import { DebouncedTextField } from '../../shared/DebouncedTextField';

/** Text search over entity refs and titles, sent once typing pauses. */
export function SearchField(props: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <DebouncedTextField
      id="readiness-search"
      label="Search"
      placeholder="Name or title"
      type="search"
      value={props.value}
      onChange={props.onChange}
    />
  );
}
