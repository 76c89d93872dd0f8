import {
  actorName,
  CriterionEvidence,
  formatNumber,
} from '@can-i-deploy/plugin-quality-gates-common';
import { formatValue } from './formatValue';

/** One labelled fact of a criterion's evidence, in words. */
export interface ShownFact {
  label: string;
  value: string;
}

function describeBaseline(
  baseline: NonNullable<CriterionEvidence['baseline']>,
): string {
  const value =
    baseline.value === null ? 'none yet' : formatValue(baseline.value);
  if (baseline.pinned) {
    // The summary says when and links the decision; the fact says which.
    return `${value} (pinned: version ${baseline.pinned.version} by ${actorName(
      baseline.pinned.pinnedBy,
    )})`;
  }
  if (baseline.aggregate === 'pinned') {
    return `${value} (none pinned for this entity here)`;
  }
  if (baseline.aggregate.startsWith('pinned')) {
    return `${value} (${baseline.aggregate})`;
  }
  const evaluations = baseline.from === 1 ? 'evaluation' : 'evaluations';
  return `${value} (${baseline.aggregate} of ${baseline.from} passing ${evaluations})`;
}

/**
 * What was observed against what it was judged by, in reading order; facts
 * the criterion does not have are left out. With the source's own facts
 * (`withSourceFacts`) the raw observed number is left to them.
 */
export function evidenceFacts(
  criterion: CriterionEvidence,
  options: { withSourceFacts?: boolean } = {},
): ShownFact[] {
  const facts: ShownFact[] = options.withSourceFacts
    ? []
    : [{ label: 'Observed', value: formatValue(criterion.observed) }];
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

const MAX_TEXT = 160;
const MAX_ITEMS = 5;

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

function isPlain(value: unknown): value is string | number | boolean | null {
  return (
    value === null || ['string', 'number', 'boolean'].includes(typeof value)
  );
}

function plainText(value: string | number | boolean | null): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

/**
 * Any value a source left in its details as short words, never JSON: a
 * list of plain values is listed (the first few), a small object of plain
 * values reads `name: value`, anything deeper is counted.
 */
export function describeDetail(value: unknown): string {
  if (isPlain(value)) return shorten(plainText(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (!value.every(isPlain)) {
      return `${value.length} ${value.length === 1 ? 'item' : 'items'}`;
    }
    const shown = value.slice(0, MAX_ITEMS).map(plainText).join(', ');
    const more = value.length - MAX_ITEMS;
    return shorten(more > 0 ? `${shown} and ${more} more` : shown);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length <= 4 && entries.every(([, v]) => isPlain(v))) {
      return shorten(
        entries
          .map(([name, v]) => `${name}: ${plainText(v as string)}`)
          .join(', ') || 'none',
      );
    }
    return `${entries.length} ${entries.length === 1 ? 'field' : 'fields'}`;
  }
  return shorten(String(value));
}

/** `lastAgeSeconds` → `Last age seconds`. */
function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Details a source reported without a summary (older evaluations, other
 * sources), as labelled short text; the query is shown apart.
 */
export function sourceDetails(
  details: Record<string, unknown> | undefined,
): ShownFact[] {
  if (!details) return [];
  return Object.entries(details)
    .filter(([key, value]) => key !== 'query' && value !== undefined)
    .map(([key, value]) => ({
      label: labelOf(key),
      value: describeDetail(value),
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
