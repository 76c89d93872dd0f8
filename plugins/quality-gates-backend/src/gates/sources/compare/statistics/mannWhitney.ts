import { normalLowerTail, normalUpperTail } from './normal';
import { RegressionDirection } from './verdict';

/**
 * Observations sharing one value (or one histogram bucket), per side.
 * Groups are ordered from the smallest value up; counts may be fractional
 * (rates), the normal approximation only needs them as weights.
 */
export interface RankGroup {
  baseline: number;
  candidate: number;
}

export interface MannWhitneyResult {
  /** U of the candidate: pairs where it is larger, ties counting half. */
  u: number;
  /** P(candidate > baseline) + ½ P(equal): 0.5 means no shift. */
  probabilityOfSuperiority: number;
  pValue: number;
  method: 'exact' | 'normal-approximation';
  z?: number;
}

/**
 * Normal approximation with mid-ranks for ties, the tie-corrected variance
 * and a continuity correction of ½, the common textbook default.
 */
export function mannWhitneyNormal(
  groups: RankGroup[],
  direction: RegressionDirection,
): MannWhitneyResult {
  let baselineBelow = 0;
  let u = 0;
  let n1 = 0;
  let n2 = 0;
  let tieSum = 0;
  for (const group of groups) {
    u += group.candidate * (baselineBelow + group.baseline / 2);
    baselineBelow += group.baseline;
    n1 += group.baseline;
    n2 += group.candidate;
    const tied = group.baseline + group.candidate;
    tieSum += tied * tied * tied - tied;
  }
  const total = n1 + n2;
  const pairs = n1 * n2;
  const mean = pairs / 2;
  const variance =
    total > 1 ? (pairs / 12) * (total + 1 - tieSum / (total * (total - 1))) : 0;
  const probabilityOfSuperiority = pairs > 0 ? u / pairs : 0.5;
  if (!(variance > 0)) {
    return {
      u,
      probabilityOfSuperiority,
      pValue: 1,
      method: 'normal-approximation',
    };
  }
  const sd = Math.sqrt(variance);
  const shifted = u - mean;
  let z: number;
  let pValue: number;
  if (direction === 'increase') {
    z = (shifted - 0.5) / sd;
    pValue = normalUpperTail(z);
  } else if (direction === 'decrease') {
    z = (shifted + 0.5) / sd;
    pValue = normalLowerTail(z);
  } else {
    z = (shifted - Math.sign(shifted) * 0.5) / sd;
    pValue = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  }
  return {
    u,
    probabilityOfSuperiority,
    pValue,
    method: 'normal-approximation',
    z,
  };
}

/**
 * Counts of the arrangements of m baseline and n candidate values giving
 * each U of the candidate (no ties): the last, largest value is either a
 * candidate, beating all m baseline values, or a baseline value.
 */
function exactUCounts(m: number, n: number): number[] {
  // row[j] holds the distribution for (i baseline, j candidate) values.
  let previous: number[][] = [];
  for (let i = 0; i <= m; i++) {
    const current: number[][] = [];
    for (let j = 0; j <= n; j++) {
      const counts = new Array(i * j + 1).fill(0);
      if (i === 0 || j === 0) counts[0] = 1;
      else {
        const candidateLast = current[j - 1];
        candidateLast.forEach((c, u) => (counts[u + i] += c));
        previous[j].forEach((c, u) => (counts[u] += c));
      }
      current.push(counts);
    }
    previous = current;
  }
  return previous[n];
}

/** Exact distribution of U; only valid without ties. */
export function mannWhitneyExact(
  baseline: number[],
  candidate: number[],
  direction: RegressionDirection,
): MannWhitneyResult {
  const u = candidate.reduce(
    (sum, c) => sum + baseline.filter(b => b < c).length,
    0,
  );
  const counts = exactUCounts(baseline.length, candidate.length);
  const all = counts.reduce((a, b) => a + b, 0);
  const atLeast = counts.slice(u).reduce((a, b) => a + b, 0) / all;
  const atMost = counts.slice(0, u + 1).reduce((a, b) => a + b, 0) / all;
  let pValue = Math.min(1, 2 * Math.min(atLeast, atMost));
  if (direction === 'increase') pValue = atLeast;
  if (direction === 'decrease') pValue = atMost;
  const pairs = baseline.length * candidate.length;
  return {
    u,
    probabilityOfSuperiority: pairs > 0 ? u / pairs : 0.5,
    pValue,
    method: 'exact',
  };
}

/** Ties grouped by value, ascending: the input of the normal approximation. */
export function groupSamples(
  baseline: number[],
  candidate: number[],
): RankGroup[] {
  const groups = new Map<number, RankGroup>();
  const add = (value: number, side: keyof RankGroup) => {
    const group = groups.get(value) ?? { baseline: 0, candidate: 0 };
    group[side] += 1;
    groups.set(value, group);
  };
  baseline.forEach(v => add(v, 'baseline'));
  candidate.forEach(v => add(v, 'candidate'));
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

/** Up to this many values per side, untied samples use the exact distribution. */
export const EXACT_MANN_WHITNEY_LIMIT = 20;

export function mannWhitneySamples(
  baseline: number[],
  candidate: number[],
  direction: RegressionDirection,
): MannWhitneyResult {
  const groups = groupSamples(baseline, candidate);
  const tied = groups.length < baseline.length + candidate.length;
  const small =
    baseline.length <= EXACT_MANN_WHITNEY_LIMIT &&
    candidate.length <= EXACT_MANN_WHITNEY_LIMIT;
  return small && !tied && baseline.length > 0 && candidate.length > 0
    ? mannWhitneyExact(baseline, candidate, direction)
    : mannWhitneyNormal(groups, direction);
}
