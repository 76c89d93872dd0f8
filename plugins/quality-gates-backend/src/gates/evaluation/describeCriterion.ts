import {
  CriterionState,
  EvidenceSentence,
  formatSentence,
  parseComparison,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  MeasuredValueKind,
  measuredValueFact,
} from '@can-i-deploy/plugin-quality-gates-node';
import { CriterionConfig } from '../definitions/gateSchema';

/** The thresholds of a criterion, as the sentence needs them. */
type Judging = Partial<
  Pick<CriterionConfig, 'pass' | 'degraded' | 'critical' | 'better' | 'noData'>
>;

/** What the evaluation knows when it words one criterion's result. */
export interface CriterionOutcome {
  criterion: Judging;
  /** The state after the no-data rule and flaky tolerance. */
  state: CriterionState;
  /** The state as judged, before those rules. */
  rawState: CriterionState;
  measurement?: CriterionMeasurement;
  /** The baseline value of relative thresholds, if read. */
  baseline?: number | null;
  /** Where the baseline came from, when that needs saying (a pin). */
  baselineSource?: EvidenceSentence;
  /**
   * What the evaluation itself found wrong or missing, already in words:
   * why it could not measure (`error`), or why the value has no data (too
   * few samples, no baseline yet).
   */
  problem?: EvidenceSentence;
  /** Set when a failure was tolerated as flaky: the failures in a row needed. */
  toleratedUntil?: number;
  /** When the evidence was taken: nearby times read as weekdays. */
  reference: Date;
  /** Set when the criterion cannot decide yet: when it may. */
  askAgainAt?: string;
}

const OPERATOR_WORDS: Record<string, string> = {
  '>=': 'at least',
  '>': 'more than',
  '<=': 'at most',
  '<': 'less than',
  '=': 'exactly',
};

/** Binary sources report 1 or 0 and are judged by `>= 1` unless told. */
function implicit(criterion: Judging): boolean {
  return criterion.degraded === undefined && !criterion.pass;
}

/** One comparison in the words of the value's kind, e.g. `at most 1 %`. */
function comparisonWords(
  text: string,
  kind: MeasuredValueKind | undefined,
  baseline: number | null | undefined,
): EvidenceSentence {
  const comparison = parseComparison(text);
  const words = OPERATOR_WORDS[comparison.operator];
  if (!comparison.relative) {
    return [`${words} `, measuredValueFact(comparison.amount, kind)];
  }
  const change: EvidenceSentence =
    comparison.relative.unit === 'percent'
      ? [{ kind: 'ratio', value: comparison.amount / 100, signed: true }]
      : [`${comparison.amount > 0 ? '+' : ''}${comparison.amount}`];
  const against: EvidenceSentence =
    baseline === null || baseline === undefined
      ? [' against a baseline (none yet)']
      : [' against the baseline ', measuredValueFact(baseline, kind)];
  return [`${words} `, ...change, ...against];
}

/**
 * The clause that says what the value was judged by, in the value's own
 * words: "of the required 1 h" after a duration that needs at least 1 h,
 * else "; needs at most 1 %". Binary sources need none: their summary
 * says pass or fail itself.
 */
export function thresholdClause(
  criterion: Judging,
  kind: MeasuredValueKind | undefined,
  baseline?: number | null,
): EvidenceSentence {
  if (criterion.degraded !== undefined) {
    const past = criterion.better === 'higher' ? 'below' : 'above';
    return [
      `; degraded ${past} `,
      measuredValueFact(criterion.degraded, kind),
      `, critical ${past} `,
      measuredValueFact(criterion.critical!, kind),
    ];
  }
  if (implicit(criterion)) return [];
  const texts = criterion.pass!;
  if (
    texts.length === 1 &&
    kind?.kind === 'duration' &&
    parseComparison(texts[0]).operator === '>=' &&
    !parseComparison(texts[0]).relative
  ) {
    return [
      ' of the required ',
      measuredValueFact(parseComparison(texts[0]).amount, kind),
    ];
  }
  const clause: EvidenceSentence = ['; needs '];
  texts.forEach((text, index) => {
    if (index > 0) clause.push(' and ');
    clause.push(...comparisonWords(text, kind, baseline));
  });
  return clause;
}

/** A string a source without a summary left in its details, if any. */
function legacyReason(measurement: CriterionMeasurement): string | undefined {
  const details = measurement.details ?? {};
  for (const field of ['reason', 'noData']) {
    const value = details[field];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/**
 * Whether the threshold is worth saying: not for a yes/no source whose
 * summary says the result (a summary without a value kind).
 */
function judgedByThreshold(measurement: CriterionMeasurement): boolean {
  return !measurement.summary?.length || measurement.valueKind !== undefined;
}

/** What was observed: the source's sentence, or the value for older sources. */
function observation(measurement: CriterionMeasurement): EvidenceSentence {
  if (measurement.summary?.length) return measurement.summary;
  const reason = legacyReason(measurement);
  if (measurement.value === null) {
    return [reason ?? 'the source returned no value'];
  }
  return [
    'observed ',
    measuredValueFact(measurement.value, measurement.valueKind),
    ...(reason ? [` (${reason})`] : []),
  ];
}

function noDataRule(outcome: CriterionOutcome): EvidenceSentence {
  if (outcome.rawState !== 'no_data') return [];
  if (outcome.criterion.noData === 'ignore') return [' (ignored)'];
  if (outcome.state === 'no_data') return [];
  return [` (counts as ${outcome.state} by its no-data rule)`];
}

/**
 * The one place a criterion's result becomes words: the source's summary,
 * the threshold it was judged by, and what the state adds ("no data: …",
 * tolerated, the no-data rule). `message` is the same sentence in text,
 * with absolute times, for the API and logs.
 */
export function describeCriterion(outcome: CriterionOutcome): {
  summary: EvidenceSentence;
  message: string;
} {
  const { measurement, problem, rawState } = outcome;
  let summary: EvidenceSentence;
  if (rawState === 'error') {
    summary = problem ?? ['the criterion could not be measured'];
  } else if (rawState === 'no_data') {
    const seen = measurement ? observation(measurement) : [];
    // With a value, the problem is the evaluator's (too few samples, no
    // baseline): say it first, then what was seen.
    summary = problem
      ? ['no data: ', ...problem, ...(seen.length ? ['; ', ...seen] : [])]
      : ['no data: ', ...seen];
    summary.push(...noDataRule(outcome));
  } else {
    const measured = measurement!;
    summary = [
      ...observation(measured),
      ...(judgedByThreshold(measured)
        ? thresholdClause(
            outcome.criterion,
            measured.valueKind,
            outcome.baseline,
          )
        : []),
      ...(outcome.baselineSource ? ['; ', ...outcome.baselineSource] : []),
    ];
    if (outcome.toleratedUntil !== undefined) {
      summary.push(
        ` (tolerated: fewer than ${outcome.toleratedUntil} failures in a row)`,
      );
    }
  }
  if (outcome.askAgainAt) {
    // What it waits for, unless the summary says it already: a value
    // short of its threshold does (a soak), no data may not.
    const reason = measurement?.notYet?.reason;
    const said =
      !reason ||
      rawState !== 'no_data' ||
      formatSentence(summary).includes(reason);
    summary.push(`${said ? '' : ` (${reason})`}; not yet, ask again at `, {
      kind: 'time',
      at: outcome.askAgainAt,
    });
  }
  return {
    summary,
    message: formatSentence(summary, { reference: outcome.reference }),
  };
}
