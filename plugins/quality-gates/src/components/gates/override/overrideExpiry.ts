import { DateTime } from 'luxon';

/** Default length of an override: long enough to ship, short enough to lapse. */
export const DEFAULT_OVERRIDE_HOURS = 24;

const INPUT_FORMAT = "yyyy-LL-dd'T'HH:mm";

/** A `datetime-local` value some hours from now, in the viewer's zone. */
export function dateTimeInputHoursAhead(
  hours: number,
  now = DateTime.local(),
): string {
  return now.plus({ hours }).startOf('minute').toFormat(INPUT_FORMAT);
}

/** The chosen local time as ISO in UTC; null when it is not a valid time. */
export function dateTimeInputToIso(input: string): string | null {
  const time = DateTime.fromFormat(input, INPUT_FORMAT);
  if (!time.isValid) return null;
  return time.toUTC().toISO();
}

/** What is wrong with the chosen end, if anything. */
export function overrideExpiryProblem(
  input: string,
  now = DateTime.utc(),
): string | undefined {
  const iso = dateTimeInputToIso(input);
  if (!iso) return 'Choose when the override ends.';
  if (DateTime.fromISO(iso) <= now)
    return 'The override must end in the future.';
  return undefined;
}
