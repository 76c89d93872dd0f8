import { SingleValue } from '../prometheus/singleValue';
import { ResolvedWindowPair } from './burnRateDefinition';

/** One window pair's burn, as kept in the evidence. */
export interface PairBurn extends ResolvedWindowPair {
  /** `1h/5m`. */
  name: string;
  longErrorRatio: number | null;
  shortErrorRatio: number | null;
  /** Error ratio over the error budget: 1 spends it exactly in the SLO period. */
  longBurn: number | null;
  shortBurn: number | null;
  /** min(long burn, short burn) / factor; null without both burns. */
  burnOverFactor: number | null;
  /** Both windows burn at the factor or faster. */
  alerting: boolean;
  /** Why the pair has no burn. */
  noData?: string;
}

/**
 * A pair alerts when both windows burn at least `factor` times the
 * sustainable rate: the long window says the burn is real, the short one
 * that it is still going on.
 */
export function pairBurn(
  pair: ResolvedWindowPair,
  observed: {
    long: SingleValue;
    short: SingleValue;
    /** False when the data does not reach back to the long window's start. */
    longCovered: boolean;
    errorBudget: number;
  },
): PairBurn {
  const reasons: string[] = [];
  if (observed.long.value === null) {
    reasons.push(`no data over ${pair.long}: ${observed.long.noData}`);
  } else if (!observed.longCovered) {
    reasons.push(
      `the data does not reach back ${pair.long}: nothing in the oldest ${pair.short} of that window`,
    );
  }
  if (observed.short.value === null) {
    reasons.push(`no data over ${pair.short}: ${observed.short.noData}`);
  }
  const longRatio = observed.longCovered ? observed.long.value : null;
  const shortRatio = observed.short.value;
  const longBurn = burn(longRatio, observed.errorBudget);
  const shortBurn = burn(shortRatio, observed.errorBudget);
  const burnOverFactor =
    longBurn === null || shortBurn === null
      ? null
      : Math.min(longBurn, shortBurn) / pair.factor;
  return {
    ...pair,
    name: `${pair.long}/${pair.short}`,
    longErrorRatio: longRatio,
    shortErrorRatio: shortRatio,
    longBurn,
    shortBurn,
    burnOverFactor,
    alerting: burnOverFactor !== null && burnOverFactor >= 1,
    ...(reasons.length ? { noData: reasons.join('; ') } : {}),
  };
}

function burn(ratio: number | null, errorBudget: number): number | null {
  return ratio === null ? null : ratio / errorBudget;
}
