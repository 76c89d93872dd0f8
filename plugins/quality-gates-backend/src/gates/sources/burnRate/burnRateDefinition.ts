import { InputError } from '@backstage/errors';
import {
  formatPrometheusDuration,
  parsePrometheusDuration,
} from '../prometheus/prometheusDuration';
import { templateUses } from '../prometheus/queryTemplate';

/** A long and a short window and the burn rate both must reach to alert. */
export interface BurnRateWindowPair {
  long: string;
  short: string;
  factor: number;
}

/**
 * The Google SRE workbook's multi-window, multi-burn-rate pairs for a
 * 30-day SLO: 2 % of the budget in an hour, 5 % in six hours, 10 % in a
 * day, 10 % in three days.
 */
export const DEFAULT_BURN_RATE_WINDOWS: BurnRateWindowPair[] = [
  { long: '1h', short: '5m', factor: 14.4 },
  { long: '6h', short: '30m', factor: 6 },
  { long: '1d', short: '2h', factor: 3 },
  { long: '3d', short: '6h', factor: 1 },
];

/** A pair with its windows in seconds and written the same way. */
export interface ResolvedWindowPair extends BurnRateWindowPair {
  longSeconds: number;
  shortSeconds: number;
}

/** The `burn-rate` part of a criterion definition, checked. */
export interface BurnRateDefinition {
  sloTarget: number;
  errorRatioQuery: string;
  windows: ResolvedWindowPair[];
  /** Whether a long window needs data at its start to count. */
  checkCoverage: boolean;
}

/** Reads and checks a definition; throws saying what is wrong. */
export function readBurnRateDefinition(
  definition: Record<string, unknown>,
): BurnRateDefinition {
  const { sloTarget, errorRatioQuery, windows, checkCoverage } = definition;
  if (typeof sloTarget !== 'number' || !(sloTarget > 0 && sloTarget < 1)) {
    throw new InputError(
      `A burn-rate criterion's 'sloTarget' must be a number between 0 and 1, e.g. 0.999 for 99.9 %; got ${JSON.stringify(
        sloTarget,
      )}`,
    );
  }
  if (typeof errorRatioQuery !== 'string' || !errorRatioQuery.trim()) {
    throw new InputError(
      "A burn-rate criterion needs an 'errorRatioQuery': PromQL text returning the share of failed requests over {{window}}",
    );
  }
  if (!templateUses(errorRatioQuery, 'window')) {
    throw new InputError(
      "A burn-rate criterion's 'errorRatioQuery' must use {{window}} (e.g. rate(...[{{window}}])) so each window reads its own range",
    );
  }
  if (checkCoverage !== undefined && typeof checkCoverage !== 'boolean') {
    throw new InputError(
      "A burn-rate criterion's 'checkCoverage' must be true or false",
    );
  }
  return {
    sloTarget,
    errorRatioQuery,
    windows: readWindows(windows ?? DEFAULT_BURN_RATE_WINDOWS),
    checkCoverage: checkCoverage ?? true,
  };
}

function readWindows(windows: unknown): ResolvedWindowPair[] {
  if (!Array.isArray(windows) || windows.length === 0) {
    throw new InputError(
      "A burn-rate criterion's 'windows' must list pairs such as { long: '1h', short: '5m', factor: 14.4 }",
    );
  }
  return windows.map((pair, index) => {
    const at = `windows[${index}]`;
    if (typeof pair !== 'object' || pair === null) {
      throw new InputError(
        `${at} must be a pair such as { long: '1h', short: '5m', factor: 14.4 }`,
      );
    }
    const { long, short, factor } = pair as Record<string, unknown>;
    const longSeconds = durationSeconds(long, `${at}.long`);
    const shortSeconds = durationSeconds(short, `${at}.short`);
    if (shortSeconds >= longSeconds) {
      throw new InputError(
        `${at}: the short window (${short}) must be shorter than the long one (${long})`,
      );
    }
    if (typeof factor !== 'number' || !(factor > 0)) {
      throw new InputError(
        `${at}.factor must be a positive number (the burn rate that alerts), got ${JSON.stringify(
          factor,
        )}`,
      );
    }
    return {
      long: formatPrometheusDuration(longSeconds),
      short: formatPrometheusDuration(shortSeconds),
      factor,
      longSeconds,
      shortSeconds,
    };
  });
}

function durationSeconds(text: unknown, field: string): number {
  const seconds =
    typeof text === 'string' ? parsePrometheusDuration(text) : undefined;
  if (seconds === undefined || seconds < 1 || !Number.isInteger(seconds)) {
    throw new InputError(
      `${field} must be a Prometheus duration of whole seconds such as 5m, 1h or 3d; got ${JSON.stringify(
        text,
      )}`,
    );
  }
  return seconds;
}
