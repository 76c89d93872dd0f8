import type { EvidenceFact } from '@can-i-deploy/plugin-quality-gates-common';

/**
 * What kind of quantity a measured value is: a duration in `unitMs`
 * milliseconds per unit (1000 for seconds), a fraction, a count of `unit`s
 * or a plain number.
 *
 * @public
 */
export type MeasuredValueKind =
  | { kind: 'duration'; unitMs: number }
  | { kind: 'ratio' }
  | { kind: 'count'; unit?: string }
  | { kind: 'number'; unit?: string };

/**
 * A measured value (or a threshold on it) as a fact of its kind: 3600 of
 * seconds is a duration of 1 h.
 *
 * @public
 */
export function measuredValueFact(
  value: number,
  kind: MeasuredValueKind | undefined,
  label?: string,
): EvidenceFact {
  const labelled = label ? { label } : {};
  switch (kind?.kind) {
    case 'duration':
      return { kind: 'duration', ms: value * kind.unitMs, ...labelled };
    case 'ratio':
      return { kind: 'ratio', value, ...labelled };
    case 'count':
      return {
        kind: 'count',
        value,
        ...(kind.unit ? { unit: kind.unit } : {}),
        ...labelled,
      };
    default:
      return {
        kind: 'number',
        value,
        ...(kind?.unit ? { unit: kind.unit } : {}),
        ...labelled,
      };
  }
}
