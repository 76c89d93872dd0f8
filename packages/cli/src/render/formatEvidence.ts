import type { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';

/** A measured number, short: integers as they are, others to 4 digits. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

export function formatThreshold(
  threshold: CriterionEvidence['threshold'],
): string {
  if (!threshold) return '-';
  const parts = [
    threshold.pass ? `pass ${threshold.pass}` : '',
    threshold.warning ? `warn ${threshold.warning}` : '',
  ].filter(Boolean);
  return parts.join('\n') || '-';
}

export function formatBaseline(
  baseline: CriterionEvidence['baseline'],
): string {
  if (!baseline) return '-';
  if (baseline.value === null) return 'none yet';
  return `${formatNumber(baseline.value)} (${baseline.aggregate} of ${
    baseline.from
  })`;
}

/** One line, at most `max` characters: the table stays readable in a log. */
export function shorten(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

/**
 * Why a criterion is in its state: the evaluator's line, with the source's
 * own reason when it has one (e.g. "no data: no pipeline run built abc").
 */
export function reasonOf(criterion: CriterionEvidence): string {
  const sourceReason = criterion.details?.reason;
  if (
    typeof sourceReason === 'string' &&
    sourceReason &&
    !criterion.message.includes(sourceReason)
  ) {
    return shorten(`${criterion.message}: ${sourceReason}`);
  }
  return shorten(criterion.message);
}
