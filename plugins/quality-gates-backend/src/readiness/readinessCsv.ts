import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { ReadinessSummary } from '@can-i-deploy/plugin-quality-gates-common';

const SUMMARY_COLUMNS = [
  'entityRef',
  'title',
  'kind',
  'type',
  'lifecycle',
  'owner',
  'system',
  'level',
  'score',
  'isNew',
  'failingChecks',
  'evaluatedAt',
  'firstSeenAt',
] as const;

/** Booleans as true/false rather than the library's 1 and empty. */
const CSV_OPTIONS = { cast: { boolean: (value: boolean) => String(value) } };

/**
 * A cell a spreadsheet would run as a formula (titles come from catalog
 * files anyone may edit) is prefixed with a quote, as OWASP advises.
 */
function inert(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value)
    ? `'${value}`
    : value;
}

/**
 * Writes the overview as CSV (RFC 4180), one column per check state after
 * the summary columns, a page of rows at a time.
 */
export async function writeReadinessCsv(
  out: Writable,
  checkIds: string[],
  rows: AsyncIterable<{
    summary: ReadinessSummary;
    states: Record<string, string>;
  }>,
): Promise<void> {
  // Check columns are prefixed: a check may be called like a summary column.
  out.write(
    stringify([[...SUMMARY_COLUMNS, ...checkIds.map(id => `check:${id}`)]]),
  );
  let batch: unknown[][] = [];
  const flush = () => {
    if (batch.length > 0) out.write(stringify(batch, CSV_OPTIONS));
    batch = [];
  };
  for await (const { summary, states } of rows) {
    batch.push([
      ...SUMMARY_COLUMNS.map(column => {
        const value = summary[column];
        if (Array.isArray(value)) return value.join(' ');
        return inert(value ?? '');
      }),
      ...checkIds.map(id => states[id] ?? ''),
    ]);
    if (batch.length >= 500) flush();
  }
  flush();
}
