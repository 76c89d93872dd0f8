import {
  CriterionEvidence,
  formatNumber as formatEvidenceNumber,
  formatSentence,
} from '@can-i-deploy/plugin-quality-gates-common';

/** A measured number as the evidence formatter says it; `-` for none. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return formatEvidenceNumber(value);
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
  // Which evaluation, not its id: the reason says when and who pinned it.
  if (baseline.pinned) {
    return `${formatNumber(baseline.value)} (pinned ${
      baseline.pinned.version
    })`;
  }
  return `${formatNumber(baseline.value)} (${baseline.aggregate} of ${
    baseline.from
  })`;
}

/**
 * One paragraph, at most `max` characters: the table wraps it, and a
 * runaway message still cannot flood a log.
 */
export function shorten(text: string, max = 400): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

/**
 * Why a criterion is in its state: its sentence ("CI run #4185 succeeded",
 * "no data: no CI run built abc123 yet"), as the evidence formatter says
 * it. Evaluations stored before sentences give the evaluator's line with
 * the source's own reason when it has one.
 */
export function reasonOf(criterion: CriterionEvidence): string {
  if (criterion.summary?.length) {
    return shorten(formatSentence(criterion.summary));
  }
  const sourceReason = criterion.details?.reason ?? criterion.details?.noData;
  if (
    typeof sourceReason === 'string' &&
    sourceReason &&
    !criterion.message.includes(sourceReason)
  ) {
    return shorten(`${criterion.message}: ${sourceReason}`);
  }
  return shorten(criterion.message);
}
