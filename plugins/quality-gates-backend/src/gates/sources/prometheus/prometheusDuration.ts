import { parsePrometheusDuration } from '../../../readiness/checks/alerts/prometheusDuration';

export { parsePrometheusDuration };

const UNITS: Array<[unit: string, seconds: number]> = [
  ['d', 24 * 3600],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
];
const WEEK = 7 * 24 * 3600;
const YEAR = 365 * 24 * 3600;

/**
 * Whole seconds as a Prometheus duration, largest units first: `900` is
 * `15m`, `5400` is `1h30m`. Weeks and years only when exact, as Prometheus'
 * own UI writes them (`90d` reads better than `12w6d`).
 */
export function formatPrometheusDuration(seconds: number): string {
  let rest = Math.round(seconds);
  if (rest <= 0) return '0s';
  if (rest % YEAR === 0) return `${rest / YEAR}y`;
  if (rest % WEEK === 0) return `${rest / WEEK}w`;
  let text = '';
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return text;
}
