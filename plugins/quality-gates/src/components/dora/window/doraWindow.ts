import { DateTime } from 'luxon';

/** The windows a user can pick, in days. */
export const WINDOW_DAYS = [30, 90, 180] as const;

export type WindowDays = (typeof WINDOW_DAYS)[number];

/** The last `days` days up to now, as ISO times. */
export function windowEndingNow(days: number): { from: string; to: string } {
  const to = DateTime.utc();
  return { from: to.minus({ days }).toISO()!, to: to.toISO()! };
}
