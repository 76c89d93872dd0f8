import {
  EvidenceFact,
  EvidenceSentence,
} from '@can-i-deploy/plugin-quality-gates-common';
import { CriterionMeasurement } from '@can-i-deploy/plugin-quality-gates-node';
import { QuantileShift } from './statistics/histogram';
import { StatisticalVerdict } from './statistics/verdict';

/** A quantile of both sides (the sequential judge's carry no ratio). */
type QuantileFigures = Pick<
  QuantileShift,
  'quantile' | 'baseline' | 'candidate'
> & { ratio?: number };

const ratioOfShift = (shift: QuantileFigures) =>
  shift.ratio ?? shift.candidate / shift.baseline;

/** What the summary of a comparison is made from. */
export interface ComparedFigures {
  metricType: string;
  baselineVersion: string;
  verdict: Pick<
    StatisticalVerdict,
    'state' | 'effect' | 'reasons' | 'sampleSizes'
  > & { quantiles?: QuantileFigures[] };
  figures: {
    baseline: Record<string, unknown>;
    candidate: Record<string, unknown>;
  };
  /** Words for the traffic still missing, per side. */
  missing: string[];
}

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const change = (ratio: number): EvidenceFact => ({
  kind: 'ratio',
  value: ratio - 1,
  signed: true,
});

/** "error ratio 0.95 % → 1.28 % (+35 %, 99 % interval +12 … +61 %)". */
function errorRatioWords(compared: ComparedFigures): EvidenceSentence {
  const b = numberOf(compared.figures.baseline.errorRatio);
  const c = numberOf(compared.figures.candidate.errorRatio);
  if (b === undefined || c === undefined) return ['error ratio'];
  const words: EvidenceSentence = [
    'error ratio ',
    { kind: 'ratio', value: b },
    ' → ',
    { kind: 'ratio', value: c },
  ];
  const effect = compared.verdict.effect;
  if (effect && Number.isFinite(effect.estimate) && b > 0) {
    words.push(' (', change(effect.estimate));
    const interval = effect.interval;
    if (
      interval &&
      Number.isFinite(interval.lower) &&
      Number.isFinite(interval.upper)
    ) {
      words.push(', ', {
        kind: 'interval',
        lower: interval.lower - 1,
        upper: interval.upper - 1,
        of: 'ratio',
        level: interval.confidenceLevel,
        signed: true,
      });
    }
    words.push(')');
  }
  return words;
}

/** The quantile that moved most, e.g. "p99 0.12 → 0.18 (+50 %)". */
function latencyWords(compared: ComparedFigures): EvidenceSentence {
  const shifts = compared.verdict.quantiles ?? [];
  const worst = shifts.reduce<QuantileFigures | undefined>(
    (most, shift) =>
      !most ||
      Math.abs(ratioOfShift(shift) - 1) > Math.abs(ratioOfShift(most) - 1)
        ? shift
        : most,
    undefined,
  );
  if (!worst) return ['latency'];
  return [
    `p${Number((worst.quantile * 100).toPrecision(4))} `,
    { kind: 'number', value: worst.baseline },
    ' → ',
    { kind: 'number', value: worst.candidate },
    ...(Number.isFinite(ratioOfShift(worst))
      ? [' (', change(ratioOfShift(worst)), ')']
      : []),
  ];
}

/** "median 12 → 15 (+25 %)". */
function gaugeWords(compared: ComparedFigures): EvidenceSentence {
  const b = numberOf(compared.figures.baseline.median);
  const c = numberOf(compared.figures.candidate.median);
  if (b === undefined || c === undefined) return ['median'];
  return [
    'median ',
    { kind: 'number', value: b },
    ' → ',
    { kind: 'number', value: c },
    ...(b !== 0 ? [' (', change(c / b), ')'] : []),
  ];
}

function metricWords(compared: ComparedFigures): EvidenceSentence {
  switch (compared.metricType) {
    case 'errorRatio':
      return errorRatioWords(compared);
    case 'histogram':
      return latencyWords(compared);
    case 'gauge':
      return gaugeWords(compared);
    default:
      return [compared.metricType];
  }
}

/** The verdict's last reason says why: tolerance, significance, … */
function verdictWords(compared: ComparedFigures): string {
  const { state, reasons } = compared.verdict;
  const last = reasons[reasons.length - 1];
  if (state === 'inconclusive') {
    // A sequential judge's last reason is what a decision still needs,
    // floors included; a fixed judge's is below its minimum first.
    const sequential = 'evidence' in compared.verdict;
    return `inconclusive: ${
      compared.missing.length && !sequential
        ? compared.missing.join('; ')
        : last ?? 'no data'
    }`;
  }
  if (state === 'fail') return last ?? 'a regression beyond the tolerance';
  return last && /tolerance|significant/.test(last)
    ? last
    : 'no significant regression';
}

/**
 * A comparison in one sentence: the metric, both sides, the change with
 * its interval and why it passes, fails or cannot tell yet. Every reason
 * is kept as a fact.
 */
export function compareEvidence(
  compared: ComparedFigures,
): Pick<CriterionMeasurement, 'summary' | 'facts'> {
  const { verdict } = compared;
  const sizes = verdict.sampleSizes;
  return {
    summary: [
      ...metricWords(compared),
      ' against ',
      { kind: 'version', version: compared.baselineVersion },
      `; ${verdictWords(compared)}`,
    ],
    facts: [
      {
        kind: 'version',
        version: compared.baselineVersion,
        label: 'Baseline',
      },
      {
        kind: 'count',
        value: Math.floor(sizes.baseline),
        unit: singular(sizes.unit),
        label: 'Baseline sample',
      },
      {
        kind: 'count',
        value: Math.floor(sizes.candidate),
        unit: singular(sizes.unit),
        label: 'Candidate sample',
      },
      ...compared.missing.map(text => ({
        kind: 'text' as const,
        text,
        label: 'Missing traffic',
      })),
      ...verdict.reasons.map(text => ({
        kind: 'text' as const,
        text,
        label: 'Reason',
      })),
    ],
  };
}

/** Sample units come plural ("requests"); counts pluralise themselves. */
function singular(unit: string): string {
  return unit.endsWith('s') ? unit.slice(0, -1) : unit;
}

/** No baseline was found: what the criterion waits for. */
export function noBaselineEvidence(
  reason: string,
): Pick<CriterionMeasurement, 'summary' | 'facts'> {
  return {
    summary: [`no baseline to compare with: ${reason}`],
    facts: [{ kind: 'text', text: reason, label: 'Baseline' }],
  };
}
