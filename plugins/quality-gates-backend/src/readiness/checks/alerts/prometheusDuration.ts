const UNIT_SECONDS: Record<string, number> = {
  y: 365 * 24 * 3600,
  w: 7 * 24 * 3600,
  d: 24 * 3600,
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
};

// Units largest first, each at most once, as Prometheus' own parser wants.
const DURATION =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/**
 * Seconds in a Prometheus duration such as `5m` or `1h30m`; `0` is zero.
 * Undefined when the text is not a duration.
 */
export function parsePrometheusDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const match = trimmed ? DURATION.exec(trimmed) : null;
  if (!match) return undefined;
  return UNITS.reduce(
    (total, unit, index) =>
      total + Number(match[index + 1] ?? 0) * UNIT_SECONDS[unit],
    0,
  );
}
