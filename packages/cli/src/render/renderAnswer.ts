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

function overrideLine(override: GateOverride): string {
  return `  overridden to ${override.verdict} by ${override.createdBy} until ${override.expiresAt}: ${override.reason}`;
}

function criteriaTable(evaluation: GateEvaluation, colors: Palette): string {
  const table = new Table({
    head: CRITERIA_COLUMNS.map(column => colors.bold(column)),
    // cli-table3 colours its frame by default; the palette decides instead.
    style: { head: [], border: [] },
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
 * The answer for a person: the overall verdict, then each gate with its
 * mode, verdict and score and a table of its criteria's evidence.
 */
export function renderAnswer(answer: EvaluateAnswer, colors: Palette): string {
  const lines = [headerLine(answer, colors)];
  for (const problem of answer.problems) lines.push(`  problem: ${problem}`);
  for (const evaluation of answer.evaluations) {
    lines.push('', gateLine(evaluation, colors));
    const override = activeOverride(evaluation);
    if (override) lines.push(overrideLine(override));
    for (const problem of evaluation.problems ?? []) {
      lines.push(`  problem: ${problem}`);
    }
    if (evaluation.criteria.length > 0) {
      lines.push(criteriaTable(evaluation, colors));
    }
  }
  return `${lines.join('\n')}\n`;
}
