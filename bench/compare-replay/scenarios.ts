/*
 * The replay's synthetic services: what each version serves (traffic,
 * errors, latency), how it was deployed (canary or rolling), and the true
 * change from the old version to the new one by the criteria's defaults.
 */

import { logNormalCdf } from './logNormal';

export const ENVIRONMENT = 'production';
/** The gate's window: every look asks about the last hour. */
export const GATE_WINDOW_SECONDS = 60 * 60;
/** CI asks every minute from the deploy until decided or this long. */
export const LOOK_EVERY_SECONDS = 60;
export const HORIZON_SECONDS = 60 * 60;
/** How long before its window a version's series start (so increase() has samples). */
export const LEAD_SECONDS = 10 * 60;
/** Prometheus' default histogram buckets, in seconds. */
export const BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
export const DAY = 86_400;

// ------------------------------------------------------------- scenarios --

export type Kind = 'clean' | 'errors' | 'latency' | 'tail' | 'low-traffic';
export type Style = 'canary' | 'rolling';
export const KINDS: Kind[] = [
  'clean',
  'errors',
  'latency',
  'tail',
  'low-traffic',
];
/** Most services are clean, as most deploys are. */
const KIND_SHARES: Record<Kind, number> = {
  clean: 0.4,
  errors: 0.15,
  latency: 0.15,
  tail: 0.15,
  'low-traffic': 0.15,
};

/** How one version behaves while it serves. */
export interface VersionBehaviour {
  version: string;
  /** Unix seconds of its first and last scrape. */
  from: number;
  to: number;
  /** Requests per second at the diurnal mean. */
  requestsPerSecond: number;
  errorRatio: number;
  /** Log-normal latency: median (seconds) and shape. */
  medianSeconds: number;
  sigma: number;
  /** A slow tail: this share of requests is `factor` times slower. */
  tail?: { share: number; factor: number };
}

export interface Service {
  name: string;
  kind: Kind;
  style: Style;
  scrapeSeconds: number;
  /** Phase of the daily traffic curve, and the latency drift over the run. */
  diurnalPhase: number;
  latencyDriftPerHour: number;
  versions: VersionBehaviour[];
  /** When v2 was deployed: a canary starts beside v1, a rolling deploy replaces it. */
  deployedAt: number;
  /** v2's mean requests per second (before the daily curve). */
  candidateRate: number;
  /** What the injected change was, for the report. */
  injected: string;
  /** Set once the data's time origin is known. */
  truth?: TrueChange;
}

/**
 * `count` services deployed at `deployedAt`, serving until an hour after it
 * (the looks' horizon).
 */
export function generateServices(
  count: number,
  deployedAt: number,
  rng: () => number,
) {
  const uniform = (low: number, high: number) => low + (high - low) * rng();
  const logUniform = (low: number, high: number) =>
    Math.exp(uniform(Math.log(low), Math.log(high)));
  // Whole numbers of each kind, then a seeded shuffle of the order.
  const kinds: Kind[] = [];
  for (const kind of KINDS) {
    const n = kind === 'clean' ? 0 : Math.round(count * KIND_SHARES[kind]);
    for (let i = 0; i < n; i++) kinds.push(kind);
  }
  while (kinds.length < count) kinds.push('clean');
  kinds.length = count;
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const seen: Record<string, number> = {};
  return kinds.map((kind, index): Service => {
    // Alternate styles within each kind, so both get half.
    seen[kind] = (seen[kind] ?? 0) + 1;
    const style: Style = seen[kind] % 2 ? 'canary' : 'rolling';
    // From quiet internal services to busy ones: canaries at 5–20 % of it get
    // 0.25–24 requests per second.
    const requestsPerSecond = logUniform(5, 120);
    const errorRatio = logUniform(0.003, 0.03);
    const medianSeconds = logUniform(0.02, 0.2);
    const sigma = uniform(0.4, 0.7);
    const old = { errorRatio, medianSeconds, sigma };
    // Clean versions differ a little: noise and small drifts. Small means
    // well inside the criterion's default tolerances (error ratio +20 %,
    // quantiles +10 %): at most a quarter and a fifth of them, so a clean
    // version is clearly clean. A drift as wide as half the tolerance (the
    // bench's first ×0.9–1.1) makes borderline versions: on a few hundred
    // errors, 10 % worse is hard to tell from 20 % worse.
    let next: Omit<VersionBehaviour, 'version' | 'from' | 'to'> = {
      ...old,
      requestsPerSecond,
      errorRatio: errorRatio * uniform(0.95, 1.05),
      medianSeconds: medianSeconds * uniform(0.98, 1.02),
    };
    let injected = 'none';
    if (kind === 'errors') {
      const factor = uniform(2, 5);
      next = { ...next, errorRatio: errorRatio * factor };
      injected = `error ratio ×${factor.toFixed(2)}`;
    } else if (kind === 'latency') {
      const factor = uniform(1.3, 2);
      next = { ...next, medianSeconds: medianSeconds * factor };
      injected = `median latency +${Math.round((factor - 1) * 100)} %`;
    } else if (kind === 'tail') {
      const factor = uniform(5, 10);
      next = { ...next, tail: { share: 0.03, factor } };
      injected = `3 % of requests ×${factor.toFixed(1)} slower`;
    }
    // Low traffic: 30–350 requests of the new version in the hour after
    // the deploy, below the 500 a pass needs even at the daily curve's top.
    const lowRate = logUniform(30, 350) / HORIZON_SECONDS;
    const name = `svc-${String(index + 1).padStart(3, '0')}-${kind}-${style}`;
    const common = {
      name,
      kind,
      style,
      deployedAt,
      scrapeSeconds: rng() < 0.5 ? 15 : 30,
      diurnalPhase: rng(),
      latencyDriftPerHour: uniform(-0.02, 0.02),
    };
    const end = deployedAt + HORIZON_SECONDS;
    // The old version's series start a gate window (and a lead) before the deploy.
    const oldFrom = deployedAt - GATE_WINDOW_SECONDS - LEAD_SECONDS;
    if (style === 'canary') {
      const share = uniform(0.05, 0.2);
      const canaryRate =
        kind === 'low-traffic' ? lowRate : requestsPerSecond * share;
      return {
        ...common,
        candidateRate: canaryRate,
        injected:
          kind === 'low-traffic'
            ? `canary of ${Math.round(
                lowRate * HORIZON_SECONDS,
              )} requests an hour`
            : `${injected}; canary at ${Math.round(
                share * 100,
              )} % (${canaryRate.toFixed(1)} requests/s)`,
        versions: [
          {
            version: 'v1',
            from: oldFrom,
            to: end,
            requestsPerSecond: requestsPerSecond - canaryRate,
            ...old,
          },
          {
            version: 'v2',
            from: deployedAt,
            to: end,
            ...next,
            requestsPerSecond: canaryRate,
          },
        ],
      };
    }
    // Rolling: v1 alone, then v2 alone from the deploy on; a quiet service
    // is quiet before and after.
    const rate = kind === 'low-traffic' ? lowRate : requestsPerSecond;
    return {
      ...common,
      candidateRate: rate,
      injected:
        kind === 'low-traffic'
          ? `${Math.round(lowRate * HORIZON_SECONDS)} requests an hour`
          : `${injected} (${rate.toFixed(1)} requests/s)`,
      versions: [
        {
          version: 'v1',
          from: oldFrom,
          to: deployedAt,
          requestsPerSecond: rate,
          ...old,
        },
        {
          version: 'v2',
          from: deployedAt,
          to: end,
          ...next,
          requestsPerSecond: rate,
        },
      ],
    };
  });
}

// ------------------------------------------------------------ sampling --

/** The quantiles the latency criterion judges, and the criteria's default tolerances. */
const JUDGED_QUANTILES = [0.5, 0.9, 0.99];
const TOLERANCE = { errorRelative: 0.2, errorAbsolute: 0.001, latency: 0.1 };

/** The true change from v1 to v2 over the windows compared, from the generator's parameters. */
export interface TrueChange {
  errorRatio: number;
  quantileRatios: number[];
  /** Beyond the criteria's default tolerances. */
  regression: boolean;
  /** At least 3× the error ratio or +50 % median latency: to fail within 3 minutes. */
  decisive: boolean;
}

/** A version's q-quantile (slow tail mixed in), by bisection on its CDF. */
function trueQuantile(v: VersionBehaviour, median: number, q: number): number {
  const cdf = (x: number) =>
    v.tail
      ? (1 - v.tail.share) * logNormalCdf(x, median, v.sigma) +
        v.tail.share * logNormalCdf(x, median * v.tail.factor, v.sigma)
      : logNormalCdf(x, median, v.sigma);
  let low = Math.log(median / 1e3);
  let high = Math.log(median * 1e4);
  for (let step = 0; step < 100; step++) {
    const middle = (low + high) / 2;
    if (cdf(Math.exp(middle)) < q) low = middle;
    else high = middle;
  }
  return Math.exp((low + high) / 2);
}

/**
 * What the generator made v2, against v1 over the windows the compare
 * source reads (the same for a canary, the 30 minutes before the deploy
 * for a rolling one; the latency drift taken at each window's middle).
 * The bench counts a version as clean or regressed by its kind; this
 * checks the kind against the criteria's own defaults, so that no "clean"
 * version is in truth a regression by them, nor the reverse.
 */
export function trueChange(service: Service, origin: number): TrueChange {
  const [v1, v2] = service.versions;
  const medianAt = (v: VersionBehaviour, t: number) =>
    v.medianSeconds * (1 + service.latencyDriftPerHour * ((t - origin) / 3600));
  // Half an hour after the deploy, against half an hour before (rolling)
  // or beside it (canary).
  const candidateMiddle = service.deployedAt + HORIZON_SECONDS / 2;
  const baselineMiddle =
    service.style === 'rolling'
      ? service.deployedAt - GATE_WINDOW_SECONDS / 2
      : candidateMiddle;
  const quantileRatios = JUDGED_QUANTILES.map(
    q =>
      trueQuantile(v2, medianAt(v2, candidateMiddle), q) /
      trueQuantile(v1, medianAt(v1, baselineMiddle), q),
  );
  const errorRatio = v2.errorRatio / v1.errorRatio;
  const errorsWorse =
    v2.errorRatio - v1.errorRatio > TOLERANCE.errorAbsolute &&
    errorRatio > 1 + TOLERANCE.errorRelative;
  return {
    errorRatio,
    quantileRatios,
    regression:
      errorsWorse || quantileRatios.some(r => r > 1 + TOLERANCE.latency),
    decisive: errorRatio >= 3 || quantileRatios[0] >= 1.5,
  };
}
