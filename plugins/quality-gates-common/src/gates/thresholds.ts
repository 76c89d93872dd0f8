import { CriterionState } from './GateEvaluation';

/**
 * One comparison of a criterion, as written in a gate: absolute
 * (`<= 0.01`, `> 100`) or relative to a baseline (`<=+10%`, `>=-5%`,
 * `<=+50`, which is an absolute change).
 *
 * @public
 */
export interface Comparison {
  operator: '<' | '<=' | '>' | '>=' | '=';
  /** The number as written: the bound, or the allowed change. */
  amount: number;
  /** Relative comparisons allow a change against the baseline. */
  relative?: { unit: 'percent' | 'absolute' };
  text: string;
}

const COMPARISON =
  /^\s*(<=|>=|<|>|=)\s*([+-])?\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(%)?\s*$/i;

/**
 * Parses a comparison; a signed amount (`+10%`, `-5`) makes it relative to
 * the baseline. Throws with the text when it is not one.
 *
 * @public
 */
export function parseComparison(text: string): Comparison {
  const match = COMPARISON.exec(text);
  if (!match) {
    throw new Error(
      `'${text}' is not a comparison: use e.g. '<= 0.01', '>= 0.99', '<=+10%' or '>=-5%'`,
    );
  }
  const [, operator, sign, digits, percent] = match;
  if (percent && !sign) {
    throw new Error(
      `'${text}': a percentage compares with the baseline, so it needs a sign, e.g. '<=+10%'`,
    );
  }
  const amount = Number(digits) * (sign === '-' ? -1 : 1);
  return {
    operator: operator as Comparison['operator'],
    amount,
    ...(sign ? { relative: { unit: percent ? 'percent' : 'absolute' } } : {}),
    text: text.trim(),
  } as Comparison;
}

function holds(value: number, operator: Comparison['operator'], bound: number) {
  switch (operator) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    default:
      return value === bound;
  }
}

/**
 * Whether an observed value satisfies a comparison. A relative comparison
 * without a baseline cannot hold: the first evaluation says so rather than
 * passing silently.
 *
 * @public
 */
export function comparisonHolds(
  comparison: Comparison,
  observed: number,
  baseline: number | null,
): boolean | 'no_baseline' {
  if (!comparison.relative) {
    return holds(observed, comparison.operator, comparison.amount);
  }
  if (baseline === null) return 'no_baseline';
  const bound =
    comparison.relative.unit === 'percent'
      ? baseline * (1 + comparison.amount / 100)
      : baseline + comparison.amount;
  return holds(observed, comparison.operator, bound);
}

/**
 * Thresholds of a criterion: Keptn-style lists (every `pass` comparison
 * must hold to pass, else every `warning` one to warn), or a
 * degraded/critical pair with the direction that is better.
 *
 * @public
 */
export type CriterionThresholds =
  | { pass: Comparison[]; warning?: Comparison[] }
  | {
      degraded: number;
      critical: number;
      /** Which way is good: `higher` for success ratios, `lower` for latency. */
      better: 'higher' | 'lower';
    };

/**
 * Judges an observed value. `null` is no data; a relative threshold with no
 * baseline is no data too (and says why).
 *
 * @public
 */
export function judgeValue(
  observed: number | null,
  thresholds: CriterionThresholds,
  baseline: number | null,
): { state: CriterionState; reason: string } {
  if (observed === null || Number.isNaN(observed)) {
    return { state: 'no_data', reason: 'no data' };
  }
  if ('degraded' in thresholds) {
    const { degraded, critical, better } = thresholds;
    const worseThan = (bound: number) =>
      better === 'higher' ? observed < bound : observed > bound;
    if (worseThan(critical)) {
      return {
        state: 'fail',
        reason: `${observed} is past critical ${critical}`,
      };
    }
    if (worseThan(degraded)) {
      return {
        state: 'warning',
        reason: `${observed} is past degraded ${degraded}`,
      };
    }
    return {
      state: 'pass',
      reason: `${observed} is within degraded ${degraded}`,
    };
  }
  const all = (comparisons: Comparison[]) => {
    for (const comparison of comparisons) {
      const result = comparisonHolds(comparison, observed, baseline);
      if (result !== true) return { result, comparison };
    }
    return { result: true as const };
  };
  const pass = all(thresholds.pass);
  if (pass.result === true) {
    return {
      state: 'pass',
      reason: `${observed} meets ${thresholds.pass
        .map(c => c.text)
        .join(' and ')}`,
    };
  }
  if (pass.result === 'no_baseline') {
    return {
      state: 'no_data',
      reason: `no baseline yet for '${pass.comparison!.text}'`,
    };
  }
  if (thresholds.warning && thresholds.warning.length > 0) {
    const warning = all(thresholds.warning);
    if (warning.result === true) {
      return {
        state: 'warning',
        reason: `${observed} misses ${
          pass.comparison!.text
        } but meets ${thresholds.warning.map(c => c.text).join(' and ')}`,
      };
    }
  }
  return {
    state: 'fail',
    reason: `${observed} misses ${pass.comparison!.text}`,
  };
}

/**
 * An aggregate of earlier observed values, the baseline of relative
 * criteria.
 *
 * @public
 */
export function aggregateBaseline(
  values: number[],
  aggregate: 'avg' | 'p50' | 'p90' | 'p95',
): number | null {
  if (values.length === 0) return null;
  if (aggregate === 'avg') {
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const percent = { p50: 50, p90: 90, p95: 95 }[aggregate];
  // Nearest rank, as the DORA figures use.
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1];
}
