import { DateTime } from 'luxon';

/** e.g. `Nov 20, 2026, 10:06 AM`, in the viewer's zone and locale. */
export function formatAbsoluteTime(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

/** e.g. `3 hours ago`. */
export function formatRelativeTime(iso: string): string {
  return DateTime.fromISO(iso).toRelative() ?? iso;
}

/** e.g. `Nov 20, 2026`. */
export function formatDate(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATE_MED);
}
