import { DateTime } from 'luxon';

/** A time that does not parse is shown as given, never "Invalid DateTime". */
function parsed(iso: string): DateTime | undefined {
  const time = DateTime.fromISO(iso);
  return time.isValid ? time : undefined;
}

/** e.g. `Nov 20, 2026, 10:06 AM`, in the viewer's zone and locale. */
export function formatAbsoluteTime(iso: string): string {
  return parsed(iso)?.toLocaleString(DateTime.DATETIME_MED) ?? iso;
}

/** e.g. `3 hours ago`; `just now` within a minute ("0 seconds ago" reads odd). */
export function formatRelativeTime(iso: string): string {
  const time = parsed(iso);
  if (!time) return iso;
  if (Math.abs(time.diffNow().as('seconds')) < 60) return 'just now';
  return time.toRelative() ?? iso;
}

/** e.g. `Nov 20, 2026`. */
export function formatDate(iso: string): string {
  return parsed(iso)?.toLocaleString(DateTime.DATE_MED) ?? iso;
}
