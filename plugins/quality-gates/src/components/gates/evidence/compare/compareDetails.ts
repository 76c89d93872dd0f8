import {
  formatNumber,
  formatRatio,
  formatTimeWindow,
} from '@can-i-deploy/plugin-quality-gates-common';
import { formatValue } from '../formatValue';

/** A version over a window, as the compare source reports each side. */
export interface CompareSideWindow {
  version: string;
  start: string;
  end: string;
  /** The window as a Prometheus duration, e.g. `30m`. */
  window: string;
}

/** Which baseline was used (or why none was), and where it came from. */
export interface CompareBaseline extends Partial<CompareSideWindow> {
  requested: string;
  strategy?: string;
  offset?: string;
  reason: string;
}

export interface CompareInterval {
  lower: number;
  upper: number;
  confidenceLevel: number;
  method: string;
}

export interface CompareQuantile {
  quantile: number;
  baseline: number;
  candidate: number;
  baselineInterval: { lower: number; upper: number };
  candidateInterval: { lower: number; upper: number };
  ratio: number;
}

/** The `details` of a criterion measured by the compare source. */
export interface CompareDetails {
  metric: { type: string } & Record<string, unknown>;
  state: string;
  baseline: CompareBaseline;
  candidate: CompareSideWindow;
  figures?: {
    baseline: Record<string, unknown>;
    candidate: Record<string, unknown>;
  };
  test?: string;
  pValue?: number;
  interval?: CompareInterval;
  effect?: { measure: string; estimate: number; interval?: CompareInterval };
  sampleSizes?: {
    baseline: number;
    candidate: number;
    minimum: number;
    unit: string;
  };
  missing?: {
    side: string;
    missing: number;
    secondsToWait?: number;
    description: string;
  }[];
  reasons?: string[];
  quantiles?: CompareQuantile[];
  links?: { baseline: string; candidate: string };
  noData?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The compare evidence of a criterion, or undefined when the criterion is
 * not a compare one or its details lack the parts every comparison has
 * (evaluations stored by older versions are then shown generically).
 */
export function readCompareDetails(
  source: string,
  details: Record<string, unknown> | undefined,
): CompareDetails | undefined {
  if (source !== 'compare' || !details) return undefined;
  const { metric, baseline, candidate, state } = details;
  if (
    !isObject(metric) ||
    typeof metric.type !== 'string' ||
    !isObject(baseline) ||
    !isObject(candidate) ||
    typeof state !== 'string'
  ) {
    return undefined;
  }
  return details as unknown as CompareDetails;
}

/** `2026-11-24 01:56–02:26 UTC`; the end's date too when the day changes. */
export function formatWindow(side: { start?: string; end?: string }): string {
  if (!side.start || !side.end) return 'no window';
  return formatTimeWindow(side.start, side.end);
}

/** The baseline in one line: version, how it was chosen, over when. */
export function describeCompareBaseline(baseline: CompareBaseline): string {
  if (!baseline.strategy || !baseline.version) {
    return `none found (asked for ${baseline.requested})`;
  }
  const chosen =
    baseline.requested === baseline.strategy
      ? baseline.strategy
      : `${baseline.strategy}, chosen by ${baseline.requested}`;
  const offset = baseline.offset ? `, ${baseline.offset} earlier` : '';
  return `${baseline.version} (${chosen}${offset}) over ${
    baseline.window
  }: ${formatWindow(baseline)}`;
}

const TEST_NAMES: Record<string, string> = {
  'two-proportion-z': 'Two-proportion z test',
  'fisher-exact': "Fisher's exact test",
  'mann-whitney-bucketed': 'Mann-Whitney rank test over the histogram buckets',
  'mann-whitney-normal': 'Mann-Whitney U test (normal approximation)',
  none: 'None (too little data to test)',
};

export function describeTest(test: string): string {
  if (test.startsWith('mann-whitney-exact'))
    return 'Mann-Whitney U test (exact)';
  return TEST_NAMES[test] ?? test;
}

/** Small p-values in exponent form, like the backend's reasons. */
export function formatPValue(p: number): string {
  return p < 0.0001 ? p.toExponential(2) : String(Number(p.toPrecision(3)));
}

/** A ratio as a percentage to three significant digits, e.g. `1.5 %`. */
export function formatRatioPercent(ratio: number): string {
  return formatRatio(ratio);
}

const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);

/** An interval with its coverage and method, e.g. `+0.749% to +1.3% (90%, newcombe-hybrid-score)`. */
export function describeInterval(
  interval: CompareInterval,
  asPercent: boolean,
): string {
  const show = (value: number) =>
    asPercent
      ? signed(formatRatioPercent(value), value)
      : signed(formatValue(value), value);
  const coverage = formatRatioPercent(interval.confidenceLevel);
  return `${show(interval.lower)} to ${show(interval.upper)} (${coverage}, ${
    interval.method
  })`;
}

export function describeEffect(
  effect: NonNullable<CompareDetails['effect']>,
): string {
  const bounds = effect.interval
    ? `, ${formatValue(effect.interval.lower)} to ${formatValue(
        effect.interval.upper,
      )} at ${formatRatioPercent(effect.interval.confidenceLevel)}`
    : '';
  return `${formatValue(effect.estimate)} (${effect.measure}${bounds})`;
}

/** One row of the side-by-side table. */
export interface ComparisonRow {
  label: string;
  baseline: string;
  candidate: string;
  /** Candidate over baseline, e.g. `×3.02`, when that means something. */
  change?: string;
}

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Counts of an `increase()` are extrapolated: show whole ones. */
const count = (value: unknown): string => {
  const number = numberOf(value);
  return number === undefined ? '–' : formatNumber(Math.round(number));
};

const times = (ratio: number | undefined) =>
  ratio === undefined || !Number.isFinite(ratio)
    ? undefined
    : `×${ratio.toFixed(2)}`;

const ratioOf = (baseline: unknown, candidate: unknown) => {
  const b = numberOf(baseline);
  const c = numberOf(candidate);
  return b !== undefined && c !== undefined && b !== 0 ? c / b : undefined;
};

const withInterval = (
  value: number,
  interval: { lower: number; upper: number },
) =>
  `${formatValue(value)} [${formatValue(interval.lower)}, ${formatValue(
    interval.upper,
  )}]`;

/**
 * Baseline beside candidate, by kind of metric: requests, errors and the
 * error ratio; observations and each quantile with its interval; samples
 * and the median.
 */
export function comparisonRows(details: CompareDetails): ComparisonRow[] {
  const figures = details.figures;
  if (!figures) return [];
  const { baseline: b, candidate: c } = figures;
  switch (details.metric.type) {
    case 'errorRatio':
      return [
        {
          label: 'Requests',
          baseline: count(b.requests),
          candidate: count(c.requests),
        },
        {
          label: 'Errors',
          baseline: count(b.errors),
          candidate: count(c.errors),
        },
        {
          label: 'Error ratio',
          baseline: formatRatioPercent(numberOf(b.errorRatio) ?? 0),
          candidate: formatRatioPercent(numberOf(c.errorRatio) ?? 0),
          change: times(ratioOf(b.errorRatio, c.errorRatio)),
        },
      ];
    case 'histogram':
      return [
        {
          label: 'Observations',
          baseline: count(b.count),
          candidate: count(c.count),
        },
        ...(details.quantiles ?? []).map(q => ({
          label: `p${Number((q.quantile * 100).toPrecision(4))}`,
          baseline: withInterval(q.baseline, q.baselineInterval),
          candidate: withInterval(q.candidate, q.candidateInterval),
          change: times(q.ratio),
        })),
      ];
    case 'gauge':
      return [
        {
          label: 'Samples',
          baseline: count(b.samples),
          candidate: count(c.samples),
        },
        {
          label: 'Series',
          baseline: count(b.series),
          candidate: count(c.series),
        },
        {
          label: 'Median',
          baseline: formatValue(numberOf(b.median) ?? null),
          candidate: formatValue(numberOf(c.median) ?? null),
          change: times(ratioOf(b.median, c.median)),
        },
      ];
    default:
      return [];
  }
}
