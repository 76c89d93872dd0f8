/**
 * OpenMetrics text for HTTP traffic of services over the past hours, to be
 * backfilled into a real Prometheus: a request counter
 * `http_requests_total{service,environment,version,code}` and a latency
 * histogram `http_request_duration_seconds{service,environment,version,le}`.
 *
 * Counts are exact (cumulative rounding, no randomness), so a test can work
 * out what a query must return: an error ratio of 0.08 reads back as 0.08.
 */

/** Upper bounds of the latency histogram's buckets, in seconds. */
export const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Share of requests at or below each bucket bound (same order as
 * {@link LATENCY_BUCKETS}); the rest are slower than the last bound.
 */
export type LatencyProfile = number[];

/** p95 ≈ 0.19 s by histogram_quantile. */
export const FAST_LATENCY: LatencyProfile = [0.6, 0.9, 0.98, 1, 1, 1];
/** p95 ≈ 0.92 s by histogram_quantile: a latency regression. */
export const SLOW_LATENCY: LatencyProfile = [0.1, 0.3, 0.6, 0.85, 0.97, 1];

/** One version serving for a while. */
export interface TrafficPhase {
  version: string;
  durationSeconds: number;
  /** Share of requests answered 500. */
  errorRatio: number;
  latency?: LatencyProfile;
  /** Requests per scrape interval. Default 200. */
  requestsPerScrape?: number;
}

/** A service's traffic, oldest phase first, ending at the fixture's end. */
export interface ServiceTraffic {
  service: string;
  environment: string;
  phases: TrafficPhase[];
  /** The last seconds without any sample, as in an outage of the exporter. */
  silentSeconds?: number;
  /** Whether to write the latency histogram too. Default true. */
  latencyHistogram?: boolean;
}

export interface TrafficOptions {
  /** Unix seconds of the newest scrape (before any silence). */
  end: number;
  /** Seconds between scrapes. */
  scrapeIntervalSeconds: number;
}

interface Series {
  name: string;
  labels: Record<string, string>;
  samples: Array<[value: number, time: number]>;
}

/** OpenMetrics text (ending in `# EOF`) for the given services. */
export function trafficOpenMetrics(
  services: ServiceTraffic[],
  options: TrafficOptions,
): string {
  const requests: Series[] = [];
  const durations: Series[] = [];
  for (const service of services) {
    for (const phase of phasesInTime(service, options)) {
      const written = phaseSeries(service, phase);
      requests.push(...written.requests);
      if (service.latencyHistogram !== false) {
        durations.push(...written.durations);
      }
    }
  }
  return [
    '# HELP http_requests Requests served.',
    '# TYPE http_requests counter',
    ...requests.flatMap(formatSeries),
    '# HELP http_request_duration_seconds Time to answer a request.',
    '# TYPE http_request_duration_seconds histogram',
    ...durations.flatMap(formatSeries),
    '# EOF',
    '',
  ].join('\n');
}

/** The scrape times of each phase; the last phase ends at `end - silence`. */
function phasesInTime(service: ServiceTraffic, options: TrafficOptions) {
  const step = options.scrapeIntervalSeconds;
  const total = service.phases.reduce((sum, p) => sum + p.durationSeconds, 0);
  let start = options.end - total;
  const lastScrape = options.end - (service.silentSeconds ?? 0);
  return service.phases.map(phase => {
    const times: number[] = [];
    const phaseEnd = start + phase.durationSeconds;
    for (let t = start + step; t <= Math.min(phaseEnd, lastScrape); t += step) {
      times.push(t);
    }
    start = phaseEnd;
    return { phase, times };
  });
}

function phaseSeries(
  service: ServiceTraffic,
  { phase, times }: { phase: TrafficPhase; times: number[] },
) {
  const labels = {
    service: service.service,
    environment: service.environment,
    version: phase.version,
  };
  const perScrape = phase.requestsPerScrape ?? 200;
  const profile = phase.latency ?? FAST_LATENCY;
  const ok: Series = series('http_requests_total', { ...labels, code: '200' });
  const failed: Series = series('http_requests_total', {
    ...labels,
    code: '500',
  });
  const buckets = [...LATENCY_BUCKETS.map(String), '+Inf'].map(le =>
    series('http_request_duration_seconds_bucket', { ...labels, le }),
  );
  const count = series('http_request_duration_seconds_count', labels);
  const sum = series('http_request_duration_seconds_sum', labels);
  const meanSeconds = meanLatency(profile);

  times.forEach((time, index) => {
    // Cumulative rounding keeps the long-run ratios exact.
    const total = perScrape * (index + 1);
    const errors = Math.round(total * phase.errorRatio);
    ok.samples.push([total - errors, time]);
    failed.samples.push([errors, time]);
    buckets.forEach((bucket, b) => {
      const share = b < profile.length ? profile[b] : 1;
      bucket.samples.push([Math.round(total * share), time]);
    });
    count.samples.push([total, time]);
    sum.samples.push([round(total * meanSeconds), time]);
  });
  return { requests: [ok, failed], durations: [...buckets, count, sum] };
}

function series(name: string, labels: Record<string, string>): Series {
  return { name, labels, samples: [] };
}

/** Mean latency with each request at its bucket's midpoint. */
function meanLatency(profile: LatencyProfile): number {
  let previousBound = 0;
  let previousShare = 0;
  let mean = 0;
  LATENCY_BUCKETS.forEach((bound, b) => {
    mean += (profile[b] - previousShare) * ((previousBound + bound) / 2);
    previousBound = bound;
    previousShare = profile[b];
  });
  return mean + (1 - previousShare) * previousBound * 2;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function formatSeries(s: Series): string[] {
  const labels = Object.entries(s.labels)
    .map(([name, value]) => `${name}="${escapeLabelValue(value)}"`)
    .join(',');
  return s.samples.map(
    ([value, time]) => `${s.name}{${labels}} ${value} ${time}`,
  );
}

/** OpenMetrics label values escape backslash, double quote and newline. */
function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}
