import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';

const HEADER = [
  'id',
  'finishedAt',
  'entityRef',
  'environment',
  'version',
  'gateId',
  'gateTitle',
  'mode',
  'trigger',
  'verdict',
  'effectiveVerdict',
  'score',
  'failingCriteria',
  'overriddenBy',
  'overrideReason',
  'overrideExpiresAt',
];

/** A cell a spreadsheet would run as a formula is prefixed with a quote. */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function rowOf(evaluation: GateEvaluation): string[] {
  const failing = evaluation.criteria
    .filter(c => c.state !== 'pass' && c.state !== 'warning')
    .map(c => `${c.key}:${c.state}`)
    .join(' ');
  return [
    evaluation.id,
    evaluation.finishedAt,
    evaluation.entityRef,
    evaluation.environment,
    evaluation.version,
    evaluation.gateId,
    evaluation.gateTitle,
    evaluation.mode,
    evaluation.trigger,
    evaluation.verdict,
    evaluation.effectiveVerdict,
    evaluation.score === null ? '' : String(evaluation.score),
    failing,
    evaluation.override?.createdBy ?? '',
    evaluation.override?.reason ?? '',
    evaluation.override?.expiresAt ?? '',
  ].map(inert);
}

/** Writes the history as CSV, a page at a time. */
export async function writeGateEvaluationsCsv(
  out: Writable,
  pages: AsyncIterable<GateEvaluation[]>,
): Promise<void> {
  out.write(stringify([HEADER]));
  for await (const page of pages) {
    if (page.length > 0) out.write(stringify(page.map(rowOf)));
  }
}
