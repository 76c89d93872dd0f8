import { DateTime } from 'luxon';

/** Default length of a new exemption. */
export const DEFAULT_EXEMPTION_DAYS = 30;

/** `yyyy-MM-dd` some days from today, for a date input. */
export function dateInputDaysAhead(days: number, now = DateTime.local()) {
  return now.plus({ days }).toISODate() ?? '';
}

/**
 * The end of the chosen day in the viewer's zone, as ISO: an exemption "until
 * 31 December" lasts through that day. Null for a date that is not valid.
 */
export function endOfDayIso(dateInput: string): string | null {
  const day = DateTime.fromISO(dateInput);
  if (!day.isValid) return null;
  return day.endOf('day').toUTC().toISO();
}
