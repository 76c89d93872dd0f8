import Table from 'cli-table3';
import type {
  GateEvaluation,
  GateOverride,
} from '@can-i-deploy/plugin-quality-gates-common';
import { EvaluateAnswer } from '../evaluate/EvaluateAnswer';
import { Palette } from './colors';
import {
  formatBaseline,
  formatNumber,
  formatThreshold,
  reasonOf,
} from './formatEvidence';

const CRITERIA_COLUMNS = [
  'criterion',
  'state',
  'observed',
  'threshold',
  'baseline',
  'samples',
  'reason',
  'link',
];

function activeOverride(evaluation: GateEvaluation): GateOverride | undefined {
  return evaluation.override?.active ? evaluation.override : undefined;
}

/** The override that gave the gate its effective verdict, then or now. */
function appliedOverride(evaluation: GateEvaluation): GateOverride | undefined {
  const override = evaluation.override;
  if (!override) return undefined;
  return override.active || evaluation.verdict !== evaluation.effectiveVerdict
    ? override
    : undefined;
}

function utcMinutes(at: string): string {
  const time = new Date(at);
  return Number.isNaN(time.getTime())
    ? at
    : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const ANSWER_STATE: Record<string, string> = {
  yes: 'pass',
  no: 'fail',
  not_yet: 'warn',
  error: 'error',
};

/** The decision's sentence, coloured by its answer. */
function sentenceLine(answer: EvaluateAnswer, colors: Palette): string[] {
  if (!answer.sentence) return [];
  return [
    colors.bold(
      colors.state(answer.sentence, ANSWER_STATE[answer.answer] ?? 'error'),
    ),
  ];
}

function headerLine(answer: EvaluateAnswer, colors: Palette): string {
  const overridden = answer.evaluations.some(
    evaluation =>
      activeOverride(evaluation) &&
      evaluation.effectiveVerdict === answer.verdict,
  );
  return [
    colors.bold(
      `Can I deploy? ${colors.state(
        answer.verdict.toUpperCase(),
        answer.verdict,
      )}`,
    ),
    overridden ? '(from an override)' : '',
    '-',
    `${answer.entityRef} to ${answer.environment} at ${answer.version}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function gateLine(evaluation: GateEvaluation, colors: Palette): string {
  const verdict =
    evaluation.effectiveVerdict === evaluation.verdict
      ? colors.state(evaluation.verdict, evaluation.verdict)
      : `${colors.state(
          evaluation.verdict,
          evaluation.verdict,
        )} -> ${colors.state(
          evaluation.effectiveVerdict,
          evaluation.effectiveVerdict,
        )}`;
  const score =
    evaluation.score === null
      ? 'no score'
      : `score ${formatNumber(evaluation.score)} (pass >= ${
          evaluation.passPercent
        }, warn >= ${evaluation.warningPercent})`;
  return `Gate ${colors.bold(evaluation.gateId)} "${
    evaluation.gateTitle
  }": mode ${evaluation.mode}, verdict ${verdict}, ${score}`;
}

function overrideLine(
  evaluation: GateEvaluation,
  override: GateOverride,
): string {
  const ended = override.active
    ? ''
    : ` (${override.revokedAt ? 'since revoked' : 'since expired'})`;
  return `  ${evaluation.verdict}, overridden to ${override.verdict} by ${
    override.createdBy
  } because ${override.reason.trim()}, until ${utcMinutes(
    override.expiresAt,
  )}${ended}`;
}

function criteriaTable(evaluation: GateEvaluation, colors: Palette): string {
  const table = new Table({
    head: CRITERIA_COLUMNS.map(column => colors.bold(column)),
    // cli-table3 colours its frame by default; the palette decides instead.
    style: { head: [], border: [] },
    // A criterion's sentence wraps in its cell rather than being cut.
    colWidths: CRITERIA_COLUMNS.map(column =>
      column === 'reason' ? 62 : null,
    ),
    wordWrap: true,
  });
  for (const criterion of evaluation.criteria) {
    const name = [
      `${criterion.key}${criterion.keyCriterion ? ' (key)' : ''}`,
      criterion.title ?? '',
    ]
      .filter(Boolean)
      .join('\n');
    table.push([
      name,
      colors.state(criterion.state, criterion.state),
      formatNumber(criterion.observed),
      formatThreshold(criterion.threshold),
      formatBaseline(criterion.baseline),
      criterion.sampleSize === undefined ? '-' : String(criterion.sampleSize),
      reasonOf(criterion),
      criterion.link ?? '-',
    ]);
  }
  return table.toString();
}

/**
 * The answer for a person: the decision's sentence, the overall verdict,
 * then each gate with its
 * mode, verdict and score and a table of its criteria's evidence.
 */
export function renderAnswer(answer: EvaluateAnswer, colors: Palette): string {
  const lines = [...sentenceLine(answer, colors), headerLine(answer, colors)];
  for (const problem of answer.problems) lines.push(`  problem: ${problem}`);
  for (const evaluation of answer.evaluations) {
    lines.push('', gateLine(evaluation, colors));
    const override = appliedOverride(evaluation);
    if (override) lines.push(overrideLine(evaluation, override));
    for (const problem of evaluation.problems ?? []) {
      lines.push(`  problem: ${problem}`);
    }
    if (evaluation.criteria.length > 0) {
      lines.push(criteriaTable(evaluation, colors));
    }
  }
  return `${lines.join('\n')}\n`;
}
