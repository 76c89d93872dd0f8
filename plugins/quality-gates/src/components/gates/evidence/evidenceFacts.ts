import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import { formatValue } from './formatValue';

/** One labelled fact of a criterion's evidence. */
export interface EvidenceFact {
  label: string;
  value: string;
}

function describeBaseline(
  baseline: NonNullable<CriterionEvidence['baseline']>,
): string {
  const value =
    baseline.value === null ? 'none yet' : formatValue(baseline.value);
  if (baseline.aggregate.startsWith('pinned')) {
    return `${value} (${baseline.aggregate})`;
  }
  const evaluations = baseline.from === 1 ? 'evaluation' : 'evaluations';
  return `${value} (${baseline.aggregate} of ${baseline.from} passing ${evaluations})`;
}

/**
 * What was observed against what it was judged by, in reading order; facts
 * the criterion does not have are left out.
 */
export function evidenceFacts(criterion: CriterionEvidence): EvidenceFact[] {
  const facts: EvidenceFact[] = [
    { label: 'Observed', value: formatValue(criterion.observed) },
  ];
  if (criterion.threshold?.pass) {
    facts.push({ label: 'Pass when', value: criterion.threshold.pass });
  }
  if (criterion.threshold?.warning) {
    facts.push({ label: 'Warning when', value: criterion.threshold.warning });
  }
  if (criterion.baseline) {
    facts.push({
      label: 'Baseline',
      value: describeBaseline(criterion.baseline),
    });
  }
  if (criterion.sampleSize !== undefined) {
    facts.push({ label: 'Sample size', value: String(criterion.sampleSize) });
  }
  facts.push({
    label: 'Points',
    value: `${formatValue(criterion.score)} of ${formatValue(
      criterion.weight,
    )}`,
  });
  return facts;
}

/** Details a source reported, as short text; the query is shown apart. */
export function sourceDetails(
  details: Record<string, unknown> | undefined,
): EvidenceFact[] {
  if (!details) return [];
  return Object.entries(details)
    .filter(([key, value]) => key !== 'query' && value !== undefined)
    .map(([key, value]) => ({
      label: key,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    }));
}

/** Words for the link to the evidence, by where it leads. */
export function evidenceLinkText(source: string): string {
  if (source === 'prometheus' || source === 'burn-rate') {
    return 'Open in Prometheus';
  }
  if (source === 'pipeline') return 'Open the CI run';
  return 'Open the evidence';
}
