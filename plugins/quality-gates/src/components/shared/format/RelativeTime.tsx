import Typography from '@material-ui/core/Typography';
import { formatAbsoluteTime, formatRelativeTime } from './formatTime';

/** "3 hours ago (Nov 20, 2026, 10:06 AM)": when it was, both ways. */
export function RelativeTime(props: { iso: string; withAbsolute?: boolean }) {
  const absolute = formatAbsoluteTime(props.iso);
  return (
    <Typography component="span" variant="inherit" title={absolute}>
      <time dateTime={props.iso}>{formatRelativeTime(props.iso)}</time>
      {props.withAbsolute ? ` (${absolute})` : null}
    </Typography>
  );
}
