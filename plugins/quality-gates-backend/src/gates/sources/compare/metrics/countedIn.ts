/**
 * PromQL for what counters counted over a window, summed (optionally by
 * labels such as `le`).
 *
 * increase() extrapolates each series on its own, and for a series that
 * starts inside the window (a version deployed minutes ago) by up to a
 * scrape interval more for one series than for the next, depending on how
 * near zero its first sample was. A histogram's buckets then stop agreeing
 * with each other — a minute after a deploy, 15 % of a canary's requests
 * read as slower than they were — and requests and errors stop agreeing
 * with each other. So a series already there at the window's start is
 * counted by increase() (which also handles counter resets), and a series
 * that started inside it by its last value: everything it counted, with no
 * extrapolation. A new series whose counter resets inside the window is
 * undercounted.
 */
export function countedIn(
  series: string,
  duration: string,
  by?: string,
): string {
  const grouping = by ? ` by (${by})` : '';
  return `sum${grouping} ((increase(${series}[${duration}]) and ${series} offset ${duration}) or (last_over_time(${series}[${duration}]) unless ${series} offset ${duration}))`;
}
