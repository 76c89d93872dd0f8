import Typography from '@material-ui/core/Typography';

/** Each thing that is missing, as a line a person can act on. */
export function MissingList(props: { missing: string[]; label?: string }) {
  if (props.missing.length === 0) return null;
  const label = props.label ?? 'What is missing';
  return (
    <div>
      <Typography variant="subtitle2">{label}</Typography>
      <ul aria-label={label}>
        {props.missing.map(line => (
          <li key={line}>
            <Typography variant="body2" component="span">
              {line}
            </Typography>
          </li>
        ))}
      </ul>
    </div>
  );
}
