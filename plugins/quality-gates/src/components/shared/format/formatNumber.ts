/** Shown for a figure that is not a number. */
const NO_VALUE = '—';

/** e.g. `3.5`, `12`, `1,204`: at most one decimal. */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A share from 0 to 1 as a percentage, e.g. `8.6%`. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return NO_VALUE;
  return `${formatDecimal(share * 100)}%`;
}

/** `1 deployment`, `12 deployments`. */
export function countOf(count: number, noun: string, pluralNoun?: string) {
  const word = count === 1 ? noun : pluralNoun ?? `${noun}s`;
  return `${count.toLocaleString('en-US')} ${word}`;
}
