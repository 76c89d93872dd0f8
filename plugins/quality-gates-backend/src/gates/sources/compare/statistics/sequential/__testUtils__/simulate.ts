/**
 * Seeded traffic for the simulations of the sequential statistics (tests
 * and the bench): binomial and multinomial counts, log-normal latencies in
 * Prometheus' default buckets.
 */
import { BucketCounts } from '../../histogram';
import { normalLowerTail } from '../../normal';

// Bound once: each global lookup of Math is slow inside the test runner's
// sandboxed module context, and these run millions of times.
const { cos, exp, imul, log, max, min, pow, round, sqrt, PI } = Math;

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function standardNormal(random: () => number): number {
  // Box-Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return sqrt(-2 * log(u)) * cos(2 * PI * v);
}

/**
 * Binomial(n, p): inversion of the CDF while the mean is small (exact), the
 * rounded normal approximation once n·p and n·(1 − p) both exceed 30.
 */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n * p > 30 && n * (1 - p) > 30) {
    const x = round(n * p + sqrt(n * p * (1 - p)) * standardNormal(random));
    return min(n, max(0, x));
  }
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  const u = random();
  const odds = p / (1 - p);
  let k = 0;
  let probability = pow(1 - p, n);
  let cdf = probability;
  while (cdf < u && k < n) {
    probability *= (odds * (n - k)) / (k + 1);
    k++;
    cdf += probability;
  }
  return k;
}

/** Multinomial counts by successive conditional binomials. */
export function multinomial(
  n: number,
  probabilities: number[],
  random: () => number,
): number[] {
  let left = n;
  let mass = 1;
  return probabilities.map(p => {
    const k =
      left > 0 && mass > 0 ? binomial(left, min(1, p / mass), random) : 0;
    left -= k;
    mass -= p;
    return k;
  });
}

/** Prometheus' default histogram buckets, in seconds, ending in +Inf. */
export const DEFAULT_BUCKETS = [
  0.005,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
  Infinity,
];

/**
 * Share of each bucket of a log-normal latency (median, σ of the log),
 * optionally with a slow tail: `tail.share` of requests `tail.factor`
 * times slower.
 */
export function logNormalBucketShares(
  medianSeconds: number,
  sigma: number,
  upperBounds: number[] = DEFAULT_BUCKETS,
  tail?: { share: number; factor: number },
): number[] {
  const cdf = (x: number, m: number) =>
    x === Infinity ? 1 : normalLowerTail(log(x / m) / sigma);
  const mixed = (x: number) =>
    tail
      ? (1 - tail.share) * cdf(x, medianSeconds) +
        tail.share * cdf(x, medianSeconds * tail.factor)
      : cdf(x, medianSeconds);
  return upperBounds.map(
    (le, i) => mixed(le) - (i ? mixed(upperBounds[i - 1]) : 0),
  );
}

/** Per-bucket counts as the statistics take them. */
export function bucketCounts(
  counts: number[],
  upperBounds: number[] = DEFAULT_BUCKETS,
): BucketCounts {
  const cumulative: number[] = [];
  let running = 0;
  for (const c of counts) cumulative.push((running += c));
  return { upperBounds, counts: [...counts], cumulative, total: running };
}

/** Adds `more` to `counts` in place. */
export function accumulate(counts: number[], more: number[]): void {
  for (let i = 0; i < counts.length; i++) counts[i] += more[i];
}

type State = 'pass' | 'fail' | 'inconclusive';

/** What repeated looks at one simulated version saw. */
export interface LookOutcome {
  /** The first decision, and the look (1-based) it came at; 0 if none. */
  first: State;
  firstLook: number;
  /** Whether any look failed or passed (looking on after a decision). */
  everFail: boolean;
  everPass: boolean;
  /** Candidate traffic at the first decision. */
  firstCandidate: number;
}

/** Looks at a version whose traffic arrives in `step`s, one per look. */
export function repeatLooks(
  looks: number,
  step: (look: number) => void,
  judge: () => State,
  candidateSoFar: () => number,
): LookOutcome {
  const outcome: LookOutcome = {
    first: 'inconclusive',
    firstLook: 0,
    everFail: false,
    everPass: false,
    firstCandidate: 0,
  };
  for (let look = 1; look <= looks; look++) {
    step(look);
    const state = judge();
    if (state === 'inconclusive') continue;
    if (state === 'fail') outcome.everFail = true;
    else outcome.everPass = true;
    if (outcome.firstLook === 0) {
      outcome.first = state;
      outcome.firstLook = look;
      outcome.firstCandidate = candidateSoFar();
    }
  }
  return outcome;
}

/** A version of a service: error ratios and traffic per look (a minute). */
export interface ServiceVersion {
  baselineErrorRatio: number;
  candidateErrorRatio: number;
  baselinePerLook: number;
  candidatePerLook: number;
  medianSeconds: number;
  sigma: number;
  /** Candidate latency over the baseline's, and an optional slow tail. */
  latencyFactor: number;
  tail?: { share: number; factor: number };
}

/**
 * Services as a canary sees them: error ratios 0.3–5 % (log-uniform), the
 * candidate 0.5–3 requests/s over one-minute looks, the baseline four
 * times as many, log-normal latencies with medians of 20–200 ms.
 */
export function serviceVersions(
  count: number,
  random: () => number,
  change: {
    errorFactor?: number;
    latencyFactor?: number;
    tail?: { share: number; factor: number };
  } = {},
  traffic: {
    errorRatios?: [number, number];
    candidatePerLook?: [number, number];
  } = {},
): ServiceVersion[] {
  const logUniform = ([low, high]: [number, number]) =>
    exp(log(low) + (log(high) - log(low)) * random());
  return Array.from({ length: count }, () => {
    const errorRatio = logUniform(traffic.errorRatios ?? [0.003, 0.05]);
    const candidatePerLook = round(
      logUniform(traffic.candidatePerLook ?? [30, 180]),
    );
    return {
      baselineErrorRatio: errorRatio,
      candidateErrorRatio: min(1, errorRatio * (change.errorFactor ?? 1)),
      baselinePerLook: 4 * candidatePerLook,
      candidatePerLook,
      medianSeconds: logUniform([0.02, 0.2]),
      sigma: 0.4 + 0.3 * random(),
      latencyFactor: change.latencyFactor ?? 1,
      tail: change.tail,
    };
  });
}

/** Repeated looks at a version's cumulative error counts. */
export function lookAtErrors(
  version: ServiceVersion,
  looks: number,
  random: () => number,
  judge: (
    baseline: { errors: number; requests: number },
    candidate: { errors: number; requests: number },
  ) => State,
): LookOutcome {
  const baseline = { errors: 0, requests: 0 };
  const candidate = { errors: 0, requests: 0 };
  return repeatLooks(
    looks,
    () => {
      baseline.requests += version.baselinePerLook;
      baseline.errors += binomial(
        version.baselinePerLook,
        version.baselineErrorRatio,
        random,
      );
      candidate.requests += version.candidatePerLook;
      candidate.errors += binomial(
        version.candidatePerLook,
        version.candidateErrorRatio,
        random,
      );
    },
    () => judge(baseline, candidate),
    () => candidate.requests,
  );
}

/** Repeated looks at a version's cumulative latency histograms. */
export function lookAtLatency(
  version: ServiceVersion,
  looks: number,
  random: () => number,
  judge: (baseline: BucketCounts, candidate: BucketCounts) => State,
): LookOutcome {
  const baselineShares = logNormalBucketShares(
    version.medianSeconds,
    version.sigma,
  );
  const candidateShares = logNormalBucketShares(
    version.medianSeconds * version.latencyFactor,
    version.sigma,
    DEFAULT_BUCKETS,
    version.tail,
  );
  const baseline = DEFAULT_BUCKETS.map(() => 0);
  const candidate = DEFAULT_BUCKETS.map(() => 0);
  return repeatLooks(
    looks,
    () => {
      accumulate(
        baseline,
        multinomial(version.baselinePerLook, baselineShares, random),
      );
      accumulate(
        candidate,
        multinomial(version.candidatePerLook, candidateShares, random),
      );
    },
    () => judge(bucketCounts(baseline), bucketCounts(candidate)),
    () => candidate.reduce((a, b) => a + b, 0),
  );
}

/** Share of outcomes meeting a condition. */
export function rate(
  outcomes: LookOutcome[],
  condition: (o: LookOutcome) => boolean,
): number {
  return outcomes.filter(condition).length / outcomes.length;
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}
