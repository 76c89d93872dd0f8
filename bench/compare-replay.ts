/*
 * Replay benchmark of the `compare` criterion (issue 9): many synthetic
 * services — clean ones with realistic noise, injected regressions, and
 * versions with very little traffic, as canaries and as rolling deploys —
 * backfilled into a real Prometheus, judged by the compare source and, in
 * the same run on the same data, by a hand-written PromQL gate of the kind
 * teams write today (error ratio and p95 within 10 % of the old version's).
 * The compare criteria are asked at their defaults (confidence 0.99 each:
 * the gate's 2 % of harmless versions blocked split over its two criteria)
 * and at 0.95. Each version's kind is checked against its true change.
 *
 * Run from the repository root (see bench/README.md):
 *   node -r @backstage/cli/config/nodeTransform.cjs bench/compare-replay.ts
 *
 * It reports sensitivity (regressions blocked), specificity (clean versions
 * passed) and how many low-traffic versions passed, per method and per
 * scenario, against the targets (≥ 0.95, ≥ 0.98, 0). A missed target is
 * reported, not an error: the script exits non-zero only when it fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory, { Knex } from 'knex';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { CriterionSource } from '@can-i-deploy/plugin-quality-gates-node';
import {
  PrometheusServer,
  startPrometheus,
} from '../plugins/quality-gates-backend/src/__testUtils__/prometheusServer';
import { applyDatabaseMigrations } from '../plugins/quality-gates-backend/src/database/migrations';
import { DatabaseDeploymentStore } from '../plugins/quality-gates-backend/src/deployments/DatabaseDeploymentStore';
import { createCompareCriterionSource } from '../plugins/quality-gates-backend/src/gates/sources/compare';
import { CRITERION_CONFIDENCE_LEVEL } from '../plugins/quality-gates-backend/src/gates/sources/compare/compareDefinition';
import { seededRandom as random } from './lib/seededRandom';
import { runBench } from './lib/runBench';

/** How many synthetic services are generated and judged. */
const SERVICES = Number(process.env.BENCH_SERVICES ?? 120);
/** Seed of the generator: the same seed replays the same data. */
const SEED = Number(process.env.BENCH_SEED ?? 9);
const TARGETS = { sensitivity: 0.95, specificity: 0.98, lowTrafficPassed: 0 };

const ENVIRONMENT = 'production';
const WINDOW_SECONDS = 30 * 60;
/** Rolling deploys: the new version arrived this long before the end. */
const ROLLING_DEPLOYED_BEFORE_END = 32 * 60;
/** How long before its window a version's series start (so increase() has samples). */
const LEAD_SECONDS = 10 * 60;
/** Prometheus' default histogram buckets, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DAY = 86_400;

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

// ------------------------------------------------------------- scenarios --

type Kind = 'clean' | 'errors' | 'latency' | 'tail' | 'low-traffic';
type Style = 'canary' | 'rolling';
const KINDS: Kind[] = ['clean', 'errors', 'latency', 'tail', 'low-traffic'];
/** Most services are clean, as most deploys are. */
const KIND_SHARES: Record<Kind, number> = {
  clean: 0.4,
  errors: 0.15,
  latency: 0.15,
  tail: 0.15,
  'low-traffic': 0.15,
};

/** How one version behaves while it serves. */
interface VersionBehaviour {
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

interface Service {
  name: string;
  kind: Kind;
  style: Style;
  scrapeSeconds: number;
  /** Phase of the daily traffic curve, and the latency drift over the run. */
  diurnalPhase: number;
  latencyDriftPerHour: number;
  versions: VersionBehaviour[];
  /** Rolling: when v2 was deployed (v1 served until then). */
  deployedAt?: number;
  /** What the injected change was, for the report. */
  injected: string;
  /** Set once the data's time origin is known. */
  truth?: TrueChange;
}

function generateServices(count: number, end: number, rng: () => number) {
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
    const requestsPerSecond = logUniform(20, 120);
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
    // Low traffic: 30–400 requests of the new version in the window.
    const lowRate = logUniform(30, 400) / WINDOW_SECONDS;
    const name = `svc-${String(index + 1).padStart(3, '0')}-${kind}-${style}`;
    const common = {
      name,
      kind,
      style,
      scrapeSeconds: rng() < 0.5 ? 15 : 30,
      diurnalPhase: rng(),
      latencyDriftPerHour: uniform(-0.02, 0.02),
    };
    if (style === 'canary') {
      const share = uniform(0.05, 0.2);
      const from = end - WINDOW_SECONDS - LEAD_SECONDS;
      const canaryRate =
        kind === 'low-traffic' ? lowRate : requestsPerSecond * share;
      return {
        ...common,
        injected:
          kind === 'low-traffic'
            ? `canary of ${Math.round(lowRate * WINDOW_SECONDS)} requests`
            : `${injected}; canary at ${Math.round(share * 100)} %`,
        versions: [
          {
            version: 'v1',
            from,
            to: end,
            requestsPerSecond: requestsPerSecond - canaryRate,
            ...old,
          },
          {
            version: 'v2',
            from,
            to: end,
            ...next,
            requestsPerSecond: canaryRate,
          },
        ],
      };
    }
    // Rolling: v1 alone, then v2 alone from the deploy on; a quiet service
    // is quiet before and after.
    const deployedAt = end - ROLLING_DEPLOYED_BEFORE_END;
    const rate = kind === 'low-traffic' ? lowRate : requestsPerSecond;
    return {
      ...common,
      deployedAt,
      injected:
        kind === 'low-traffic'
          ? `${Math.round(lowRate * WINDOW_SECONDS)} requests per window`
          : injected,
      versions: [
        {
          version: 'v1',
          from: deployedAt - WINDOW_SECONDS - LEAD_SECONDS,
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

function poisson(mean: number, rng: () => number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    // Knuth: multiply uniforms until below e^-mean.
    const limit = Math.exp(-mean);
    let k = 0;
    let product = rng();
    while (product > limit) {
      k++;
      product *= rng();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
}

function binomial(n: number, p: number, rng: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n <= 40) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng() < p) k++;
    return k;
  }
  if (n * Math.min(p, 1 - p) < 15) {
    return p < 0.5
      ? Math.min(n, poisson(n * p, rng))
      : n - Math.min(n, poisson(n * (1 - p), rng));
  }
  const draw = n * p + Math.sqrt(n * p * (1 - p)) * gaussian(rng);
  return Math.min(n, Math.max(0, Math.round(draw)));
}

function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for bucket shares. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) *
      t +
      0.254829592) *
      t *
      Math.exp(-a * a);
  return sign * y;
}

function logNormalCdf(x: number, median: number, sigma: number): number {
  return 0.5 * (1 + erf(Math.log(x / median) / (sigma * Math.SQRT2)));
}

/** Share of requests at or below each bucket bound, with the slow tail mixed in. */
function bucketShares(v: VersionBehaviour, median: number): number[] {
  return BUCKETS.map(bound => {
    const base = logNormalCdf(bound, median, v.sigma);
    if (!v.tail) return base;
    const slow = logNormalCdf(bound, median * v.tail.factor, v.sigma);
    return (1 - v.tail.share) * base + v.tail.share * slow;
  });
}

function meanLatency(v: VersionBehaviour, median: number): number {
  const mean = median * Math.exp((v.sigma * v.sigma) / 2);
  return v.tail
    ? mean * (1 - v.tail.share + v.tail.share * v.tail.factor)
    : mean;
}

// ------------------------------------------------------------ truth --

/** The quantiles the latency criterion judges, and the criteria's default tolerances. */
const JUDGED_QUANTILES = [0.5, 0.9, 0.99];
const TOLERANCE = { errorRelative: 0.2, errorAbsolute: 0.001, latency: 0.1 };

/** The true change from v1 to v2 over the windows compared, from the generator's parameters. */
interface TrueChange {
  errorRatio: number;
  quantileRatios: number[];
  /** Beyond the criteria's default tolerances. */
  regression: boolean;
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
function trueChange(service: Service, origin: number, end: number): TrueChange {
  const [v1, v2] = service.versions;
  const medianAt = (v: VersionBehaviour, t: number) =>
    v.medianSeconds * (1 + service.latencyDriftPerHour * ((t - origin) / 3600));
  const candidateMiddle = end - WINDOW_SECONDS / 2;
  const baselineMiddle = (service.deployedAt ?? end) - WINDOW_SECONDS / 2;
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
  };
}

// --------------------------------------------------------- OpenMetrics --

/**
 * Each version's series: Poisson requests per scrape on a daily curve,
 * errors binomial among them, latencies multinomial over the buckets.
 */
function writeOpenMetrics(
  services: Service[],
  origin: number,
  rng: () => number,
): string {
  const requests: string[] = [];
  const durations: string[] = [];
  for (const service of services) {
    for (const v of service.versions) {
      const labels = `service="${service.name}",environment="${ENVIRONMENT}",version="${v.version}"`;
      const ok: string[] = [];
      const failed: string[] = [];
      const buckets: string[][] = [...BUCKETS, Infinity].map(() => []);
      const counts: string[] = [];
      const sums: string[] = [];
      let total = 0;
      let errors = 0;
      let seconds = 0;
      /** Requests so far in each bucket (not cumulative over `le`). */
      const perBucket: number[] = BUCKETS.map(() => 0);
      for (
        let t = v.from + service.scrapeSeconds;
        t <= v.to;
        t += service.scrapeSeconds
      ) {
        const diurnal =
          1 +
          0.3 *
            Math.sin(2 * Math.PI * ((t - origin) / DAY + service.diurnalPhase));
        const n = poisson(
          v.requestsPerSecond * diurnal * service.scrapeSeconds,
          rng,
        );
        const failures = binomial(n, v.errorRatio, rng);
        const hours = (t - origin) / 3600;
        const median =
          v.medianSeconds * (1 + service.latencyDriftPerHour * hours);
        const shares = bucketShares(v, median);
        // Multinomial as a chain of binomials over the bucket shares.
        let left = n;
        let shareLeft = 1;
        shares.forEach((share, b) => {
          const inBucket = share - (b ? shares[b - 1] : 0);
          const k =
            shareLeft > 0
              ? binomial(left, Math.min(1, inBucket / shareLeft), rng)
              : 0;
          left -= k;
          shareLeft -= inBucket;
          perBucket[b] += k;
        });
        total += n;
        errors += failures;
        seconds += n * meanLatency(v, median);
        let atOrBelow = 0;
        for (let b = 0; b < BUCKETS.length; b++) {
          atOrBelow += perBucket[b];
          buckets[b].push(`${atOrBelow} ${t}`);
        }
        buckets[BUCKETS.length].push(`${total} ${t}`);
        ok.push(`${total - errors} ${t}`);
        failed.push(`${errors} ${t}`);
        counts.push(`${total} ${t}`);
        sums.push(`${seconds.toFixed(3)} ${t}`);
      }
      requests.push(
        ...ok.map(s => `http_requests_total{${labels},code="200"} ${s}`),
        ...failed.map(s => `http_requests_total{${labels},code="500"} ${s}`),
      );
      [...BUCKETS.map(String), '+Inf'].forEach((le, b) =>
        durations.push(
          ...buckets[b].map(
            s =>
              `http_request_duration_seconds_bucket{${labels},le="${le}"} ${s}`,
          ),
        ),
      );
      durations.push(
        ...counts.map(
          s => `http_request_duration_seconds_count{${labels}} ${s}`,
        ),
        ...sums.map(s => `http_request_duration_seconds_sum{${labels}} ${s}`),
      );
    }
  }
  return [
    '# HELP http_requests Requests served.',
    '# TYPE http_requests counter',
    ...requests,
    '# HELP http_request_duration_seconds Time to answer a request.',
    '# TYPE http_request_duration_seconds histogram',
    ...durations,
    '# EOF',
    '',
  ].join('\n');
}

// -------------------------------------------------------------- methods --

type Decision = 'pass' | 'blocked';

interface Judgement {
  decision: Decision;
  /** Per metric: pass, fail, inconclusive (compare) or the figures (PromQL). */
  detail: string;
  /** Compare: the statistics' reasons per metric, for the wrong decisions. */
  reasons?: string[];
  ms: number;
}

const SELECTOR = {
  selector: '{service="{{entity.name}}",environment="{{environment}}"}',
};
const COMPARE_CRITERIA: Record<string, Record<string, unknown>> = {
  errors: {
    metric: { type: 'errorRatio', counter: 'http_requests_total', ...SELECTOR },
  },
  latency: {
    metric: {
      type: 'histogram',
      histogram: 'http_request_duration_seconds',
      ...SELECTOR,
    },
  },
};

/**
 * The gate blocks when either criterion does, and each blocks a harmless
 * version with probability up to 1 − confidence on its test alone (a
 * significant increase whose estimate is past the tolerance). The
 * criteria's default confidence, 0.99, keeps a gate of two within the
 * issue's 2 % (Bonferroni); 0.95, a common choice, is judged beside it.
 */
const COMMON_CONFIDENCE = 0.95;

/** Both compare criteria at once, as a gate evaluates them; any non-pass blocks. */
async function judgeByCompare(
  source: CriterionSource,
  service: Service,
  end: number,
  confidenceLevel?: number,
): Promise<Judgement> {
  const window = { start: iso(end - WINDOW_SECONDS), end: iso(end) };
  const started = performance.now();
  const states = await Promise.all(
    Object.entries(COMPARE_CRITERIA).map(async ([key, criterion]) => {
      const definition = confidenceLevel
        ? { ...criterion, confidenceLevel }
        : criterion;
      const measured = await source.measure({
        entityRef: `component:default/${service.name}`,
        environment: ENVIRONMENT,
        version: 'v2',
        definition,
        window,
      });
      const details = measured.details as
        | { state?: string; reasons?: string[]; noData?: string }
        | undefined;
      const state = String(details?.state ?? 'none');
      const reasons = details?.reasons ?? [details?.noData ?? ''];
      return { key, state, reasons: `${key}: ${reasons.join('; ')}` };
    }),
  );
  const ms = performance.now() - started;
  return {
    // Inconclusive never passes.
    decision: states.every(s => s.state === 'pass') ? 'pass' : 'blocked',
    detail: states.map(s => `${s.key} ${s.state}`).join(', '),
    reasons: states.map(s => s.reasons),
    ms,
  };
}

/**
 * The gate teams write by hand today: the new version's error ratio at
 * most 10 % above the old one's or at most 0.5 points above it, and its
 * p95 at most 10 % above the old one's. The old version is read over the
 * same baseline window the compare source uses (same window for a canary,
 * the window before the deploy for a rolling one), so both methods see the
 * same data. No data (NaN) fails, as `noData: fail` would.
 */
async function judgeByPromQl(
  baseUrl: string,
  service: Service,
  end: number,
): Promise<Judgement> {
  const baselineEnd = service.deployedAt ?? end;
  const matchers = (version: string) =>
    `service="${service.name}",environment="${ENVIRONMENT}",version="${version}"`;
  const errorRatio = (version: string) =>
    `sum(increase(http_requests_total{${matchers(
      version,
    )},code=~"5.."}[30m])) / sum(increase(http_requests_total{${matchers(
      version,
    )}}[30m]))`;
  const p95 = (version: string) =>
    `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${matchers(
      version,
    )}}[30m])))`;
  const started = performance.now();
  const [oldRatio, newRatio, oldP95, newP95] = await Promise.all([
    instantQuery(baseUrl, errorRatio('v1'), baselineEnd),
    instantQuery(baseUrl, errorRatio('v2'), end),
    instantQuery(baseUrl, p95('v1'), baselineEnd),
    instantQuery(baseUrl, p95('v2'), end),
  ]);
  const ms = performance.now() - started;
  const errorsOk = newRatio <= 1.1 * oldRatio || newRatio <= oldRatio + 0.005;
  const latencyOk = newP95 <= 1.1 * oldP95;
  const figure = (value: number, digits: number) =>
    Number.isFinite(value) ? value.toFixed(digits) : 'no data';
  return {
    decision: errorsOk && latencyOk ? 'pass' : 'blocked',
    detail: `ratio ${figure(oldRatio, 4)} → ${figure(
      newRatio,
      4,
    )}, p95 ${figure(oldP95, 3)} → ${figure(newP95, 3)} s`,
    ms,
  };
}

/** One instant query's single value; NaN when the answer is empty. */
async function instantQuery(
  baseUrl: string,
  query: string,
  time: number,
): Promise<number> {
  const url = `${baseUrl}/api/v1/query?${new URLSearchParams({
    query,
    time: String(time),
  })}`;
  const response = await fetch(url);
  const body = (await response.json()) as any;
  if (!response.ok || body.status !== 'success') {
    throw new Error(`Prometheus refused ${query}: ${JSON.stringify(body)}`);
  }
  const sample = body.data.result[0];
  return sample ? Number(sample.value[1]) : NaN;
}

// ---------------------------------------------------------------- report --

interface Row {
  service: Service;
  compare: Judgement;
  compareCommon: Judgement;
  promql: Judgement;
}

const METHODS = [
  {
    key: 'compare',
    name: `compare criterion, defaults (confidence ${CRITERION_CONFIDENCE_LEVEL} per criterion)`,
  },
  {
    key: 'compareCommon',
    name: `compare criterion, confidence ${COMMON_CONFIDENCE} per criterion`,
  },
  { key: 'promql', name: 'hand-written PromQL gate' },
] as const;

function ratio(part: number, whole: number): string {
  return whole ? `${(part / whole).toFixed(3)} (${part}/${whole})` : 'n/a';
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function report(rows: Row[]) {
  const isRegression = (r: Row) =>
    ['errors', 'latency', 'tail'].includes(r.service.kind);
  const lines: string[] = [];
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const mislabelled = rows.filter(
    r => r.service.truth && r.service.truth.regression !== isRegression(r),
  );
  const cleanTruth = rows
    .filter(r => r.service.kind === 'clean' && r.service.truth)
    .map(r => r.service.truth!);
  const largest = (values: number[]) => Math.max(...values).toFixed(3);
  lines.push(
    `\nKinds against the true change (default tolerances): ${
      mislabelled.length
    } of ${rows.length} disagree; clean versions at most error ratio ×${largest(
      cleanTruth.map(t => t.errorRatio),
    )}, quantiles ×${largest(cleanTruth.flatMap(t => t.quantileRatios))}`,
    ...mislabelled.map(
      r =>
        `  ${
          r.service.name
        }: error ratio ×${r.service.truth!.errorRatio.toFixed(
          3,
        )}, p50/p90/p99 ×${r.service
          .truth!.quantileRatios.map(x => x.toFixed(3))
          .join('/')}`,
    ),
  );
  lines.push('\nPer method');
  for (const method of METHODS) {
    const regressions = rows.filter(isRegression);
    const clean = rows.filter(r => r.service.kind === 'clean');
    const low = rows.filter(r => r.service.kind === 'low-traffic');
    const blocked = regressions.filter(
      r => r[method.key].decision === 'blocked',
    ).length;
    const passed = clean.filter(r => r[method.key].decision === 'pass').length;
    const lowPassed = low.filter(r => r[method.key].decision === 'pass').length;
    const sensitivity = regressions.length ? blocked / regressions.length : 1;
    const specificity = clean.length ? passed / clean.length : 1;
    const times = rows.map(r => r[method.key].ms);
    lines.push(
      `  ${method.name}`,
      `    sensitivity (regressions blocked)  ${ratio(
        blocked,
        regressions.length,
      )}  target >= ${TARGETS.sensitivity}: ${met(
        sensitivity >= TARGETS.sensitivity,
      )}`,
      `    specificity (clean passed)         ${ratio(
        passed,
        clean.length,
      )}  target >= ${TARGETS.specificity}: ${met(
        specificity >= TARGETS.specificity,
      )}`,
      `    low-traffic versions passed        ${lowPassed} of ${
        low.length
      }  target ${TARGETS.lowTrafficPassed}: ${met(
        lowPassed <= TARGETS.lowTrafficPassed,
      )}`,
      `    time per evaluation                median ${percentile(
        times,
        0.5,
      ).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`,
    );
  }

  lines.push(
    '\nPer scenario (versions passed / total; compare: states of the two criteria)',
  );
  const header = [
    'style',
    'kind',
    'n',
    'compare passed',
    'at 0.95',
    'PromQL passed',
    'compare outcomes',
  ];
  const table: string[][] = [header];
  for (const style of ['canary', 'rolling'] as Style[]) {
    for (const kind of KINDS) {
      const group = rows.filter(
        r => r.service.style === style && r.service.kind === kind,
      );
      if (!group.length) continue;
      const outcomes: Record<string, number> = {};
      for (const r of group) {
        outcomes[r.compare.detail] = (outcomes[r.compare.detail] ?? 0) + 1;
      }
      table.push([
        style,
        kind,
        String(group.length),
        String(group.filter(r => r.compare.decision === 'pass').length),
        String(group.filter(r => r.compareCommon.decision === 'pass').length),
        String(group.filter(r => r.promql.decision === 'pass').length),
        Object.entries(outcomes)
          .sort((a, b) => b[1] - a[1])
          .map(([outcome, n]) => `${n}× ${outcome}`)
          .join('; '),
      ]);
    }
  }
  const widths = header.map((_, c) => Math.max(...table.map(r => r[c].length)));
  for (const row of table) {
    lines.push(
      `  ${row
        .map((cell, c) => (c < row.length - 1 ? cell.padEnd(widths[c]) : cell))
        .join('  ')}`,
    );
  }

  for (const method of METHODS.slice(0, 2)) {
    const wrong = rows.filter(r =>
      isRegression(r)
        ? r[method.key].decision === 'pass'
        : r[method.key].decision === 'blocked' && r.service.kind === 'clean',
    );
    if (!wrong.length) continue;
    lines.push(`\nWhere the ${method.name} decided wrongly`);
    for (const r of wrong) {
      lines.push(
        `  ${r.service.name}: ${r.service.injected} — compare ${
          r[method.key].detail
        }; PromQL ${r.promql.decision} (${r.promql.detail})`,
        ...(r[method.key].reasons ?? []).map(reason => `      ${reason}`),
      );
    }
  }
  console.log(lines.join('\n'));
}

// ------------------------------------------------------------------ main --

const logger: LoggerService = {
  error: (message, meta) => console.error(message, meta ?? ''),
  warn: (message, meta) => console.warn(message, meta ?? ''),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

/** Cleanups still due, run on failure or interruption too. */
const abandons = new Set<() => Promise<void>>();

/** SQLite on a temporary file: the deployments table, with the plugin's migrations. */
async function createDeploymentsDatabase(services: Service[]) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'qg-bench-'));
  const knex: Knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(directory, 'compare.sqlite') },
    useNullAsDefault: true,
  });
  const remove = async () => {
    await knex.destroy();
    fs.rmSync(directory, { recursive: true, force: true });
    abandons.delete(remove);
  };
  abandons.add(remove);
  await applyDatabaseMigrations(knex);
  // Rolling deploys need the version before; canaries are found by traffic.
  await new DatabaseDeploymentStore(knex).upsertDeployments(
    services
      .filter(s => s.deployedAt !== undefined)
      .flatMap(s =>
        [
          { version: 'v1', startedAt: s.deployedAt! - 3 * 3600 },
          { version: 'v2', startedAt: s.deployedAt! },
        ].map(d => ({
          source: 'bench',
          externalId: `${s.name}-${d.version}`,
          entityRef: `component:default/${s.name}`,
          environment: ENVIRONMENT,
          version: d.version,
          status: 'succeeded' as const,
          startedAt: iso(d.startedAt),
          finishedAt: iso(d.startedAt + 60),
        })),
      ),
  );
  return { knex, remove };
}

async function main() {
  const startedAt = performance.now();
  const end = Math.floor(Date.now() / 60_000) * 60 - 60;
  const rng = random(SEED);
  const services = generateServices(SERVICES, end, rng);

  let generated = performance.now();
  const origin =
    end - ROLLING_DEPLOYED_BEFORE_END - WINDOW_SECONDS - LEAD_SECONDS;
  for (const service of services) {
    service.truth = trueChange(service, origin, end);
  }
  const openMetrics = writeOpenMetrics(services, origin, rng);
  const lines = openMetrics.split('\n').length;
  console.log(
    `Generated ${
      services.length
    } services (seed ${SEED}): ${lines.toLocaleString('en-US')} samples, ${(
      openMetrics.length / 1e6
    ).toFixed(1)} MB of OpenMetrics in ${(
      (performance.now() - generated) /
      1000
    ).toFixed(1)} s`,
  );

  generated = performance.now();
  let prometheus: PrometheusServer | undefined;
  let database:
    | Awaited<ReturnType<typeof createDeploymentsDatabase>>
    | undefined;
  try {
    [prometheus, database] = await Promise.all([
      startPrometheus({ openMetrics }).then(server => {
        abandons.add(server.stop);
        return server;
      }),
      createDeploymentsDatabase(services),
    ]);
    console.log(
      `Backfilled with promtool and started Prometheus in ${(
        (performance.now() - generated) /
        1000
      ).toFixed(1)} s`,
    );
    const source = createCompareCriterionSource({
      config: new ConfigReader({
        qualityGates: {
          gates: { prometheus: { baseUrl: prometheus.baseUrl } },
        },
      }),
      logger,
      knex: database.knex,
    });
    if (!source) throw new Error('the compare source was not created');

    // One uncounted pass warms Prometheus' caches and the JIT for all.
    for (const service of services.slice(0, 5)) {
      await judgeByCompare(source, service, end);
      await judgeByCompare(source, service, end, COMMON_CONFIDENCE);
      await judgeByPromQl(prometheus.baseUrl, service, end);
    }
    const rows: Row[] = [];
    for (const service of services) {
      rows.push({
        service,
        compare: await judgeByCompare(source, service, end),
        compareCommon: await judgeByCompare(
          source,
          service,
          end,
          COMMON_CONFIDENCE,
        ),
        promql: await judgeByPromQl(prometheus.baseUrl, service, end),
      });
    }
    report(rows);
    console.log(
      `\nTotal ${((performance.now() - startedAt) / 1000).toFixed(
        1,
      )} s; load average ${os
        .loadavg()
        .map(l => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    if (prometheus) {
      await prometheus.stop();
      abandons.delete(prometheus.stop);
    }
    await database?.remove();
  }
}

runBench(main, abandons);
