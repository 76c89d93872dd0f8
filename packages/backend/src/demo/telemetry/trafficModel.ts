import { DemoScenario, VersionBehaviour } from '../scenarios';

/**
 * The demo services' HTTP traffic as counters that are a function of time:
 * the backfilled past and the live scrapes read the same function, so the
 * series run on without a seam when Prometheus starts scraping. Counts are
 * exact (no randomness): an error ratio of 1.5 % reads back as 1.5 %.
 */

/** Upper bounds of the latency histogram's buckets: Prometheus' defaults. */
export const LATENCY_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];
const LATENCY_SIGMA = 0.6;
/** Traffic swells and ebbs by this much over a period, so graphs move. */
const SWELL = 0.15;
const SWELL_PERIOD_SECONDS = 3600;

/** One version's requests in one environment. */
export interface TrafficSeries {
  labels: {
    service: string;
    environment: string;
    version: string;
  };
  behaviour: VersionBehaviour;
  requestsPerSecond: number;
  /** Its share of the environment's traffic from a time (Unix seconds) on. */
  shares: Array<{ from: number; to?: number; share: number }>;
}

/** The counters of one series at one time. */
export interface SeriesCounts {
  ok: number;
  errors: number;
  /** Requests at or below each of {@link LATENCY_BUCKETS}. */
  buckets: number[];
  count: number;
  sumSeconds: number;
}

/**
 * The series of each story's staging and production traffic, from `start`
 * on (Unix seconds): the previous version alone until the newest version
 * arrives, then the newest alone, or beside it as a canary.
 */
export function trafficSeries(
  stories: Array<{
    scenario: DemoScenario;
    previousVersion: string;
    candidateVersion: string;
  }>,
  anchor: number,
  start: number,
): TrafficSeries[] {
  return stories.flatMap(({ scenario, previousVersion, candidateVersion }) => {
    const service = scenario.entityRef.split('/').pop()!;
    const { candidate } = scenario;
    const arrivals = {
      staging: { minutesAgo: candidate.stagingMinutesAgo, canaryShare: 1 },
      production: candidate.production && {
        minutesAgo: candidate.production.minutesAgo,
        canaryShare: candidate.production.canaryShare ?? 1,
      },
    };
    return (['staging', 'production'] as const).flatMap(environment => {
      const traffic = scenario.traffic[environment];
      const arrival = arrivals[environment];
      const series = (
        version: string,
        behaviour: VersionBehaviour,
        shares: TrafficSeries['shares'],
      ): TrafficSeries => ({
        labels: { service, environment, version },
        behaviour,
        requestsPerSecond: traffic.requestsPerSecond,
        shares,
      });
      if (!arrival) {
        return [
          series(previousVersion, traffic.previous, [
            { from: start, share: 1 },
          ]),
        ];
      }
      const at = Math.max(start, anchor - arrival.minutesAgo * 60);
      const stays = 1 - arrival.canaryShare;
      return [
        series(previousVersion, traffic.previous, [
          { from: start, to: at, share: 1 },
          ...(stays > 0 ? [{ from: at, share: stays }] : []),
        ]),
        series(candidateVersion, traffic.candidate, [
          { from: at, share: arrival.canaryShare },
        ]),
      ];
    });
  });
}

/** Whether the series serves (and is scraped) at `time`. */
export function servesAt(series: TrafficSeries, time: number): boolean {
  return series.shares.some(
    ({ from, to }) => time > from && (to === undefined || time <= to),
  );
}

/** Requests served up to `time`, not rounded: the swell's integral. */
function requestsUntil(series: TrafficSeries, time: number): number {
  const swellIntegral = (t: number) =>
    t -
    ((SWELL * SWELL_PERIOD_SECONDS) / (2 * Math.PI)) *
      Math.cos((2 * Math.PI * t) / SWELL_PERIOD_SECONDS);
  let total = 0;
  for (const { from, to, share } of series.shares) {
    const until = Math.min(time, to ?? Infinity);
    if (until <= from) continue;
    total += share * (swellIntegral(until) - swellIntegral(from));
  }
  return total * series.requestsPerSecond;
}

/**
 * The counters at `time`. Each is rounded on its own from the exact total,
 * so each only ever grows (a counter that shrank would read as a restart).
 */
export function countsAt(series: TrafficSeries, time: number): SeriesCounts {
  const requests = requestsUntil(series, time);
  const { errorRatio, medianSeconds } = series.behaviour;
  const meanSeconds = medianSeconds * Math.exp(LATENCY_SIGMA ** 2 / 2);
  return {
    ok: Math.round(requests * (1 - errorRatio)),
    errors: Math.round(requests * errorRatio),
    buckets: LATENCY_BUCKETS.map(bound =>
      Math.round(requests * logNormalCdf(bound, medianSeconds, LATENCY_SIGMA)),
    ),
    count: Math.round(requests),
    sumSeconds: Math.round(requests * meanSeconds * 1000) / 1000,
  };
}

function logNormalCdf(x: number, median: number, sigma: number): number {
  return 0.5 * (1 + erf(Math.log(x / median) / (sigma * Math.SQRT2)));
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
