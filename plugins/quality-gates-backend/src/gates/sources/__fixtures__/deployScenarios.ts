import {
  SLOW_LATENCY,
  ServiceTraffic,
  trafficOpenMetrics,
} from './trafficOpenMetrics';

const HOUR = 3600;

/** A version label that needs escaping in PromQL and OpenMetrics alike. */
export const AWKWARD_VERSION = '2.0.0"rc\\1';

/**
 * Four deploys seen in production, one service each, scraped every 15 s:
 * v1 served for two hours, then v2 for the last hour.
 *
 * - `clean`: v2 behaves like v1 (0.5 % errors, p95 ≈ 0.19 s); in staging
 *   the same v2 answers 3 % errors, to tell environments apart.
 * - `errors`: v2 answers 8 % of requests with 500.
 * - `latency`: v2's p95 is ≈ 0.92 s.
 * - `outage`: nothing scraped in the last 30 minutes: no data.
 * - `escaping`: a version label with a double quote and a backslash.
 */
export function deployScenarios(end: number): string {
  const steady = (version: string, hours: number, errorRatio = 0.005) => ({
    version,
    durationSeconds: hours * HOUR,
    errorRatio,
  });
  const services: ServiceTraffic[] = [
    {
      service: 'clean',
      environment: 'production',
      phases: [steady('v1', 2), steady('v2', 1)],
    },
    {
      service: 'clean',
      environment: 'staging',
      phases: [steady('v2', 1, 0.03)],
    },
    {
      service: 'errors',
      environment: 'production',
      phases: [steady('v1', 2), steady('v2', 1, 0.08)],
    },
    {
      service: 'latency',
      environment: 'production',
      phases: [steady('v1', 2), { ...steady('v2', 1), latency: SLOW_LATENCY }],
    },
    {
      service: 'outage',
      environment: 'production',
      phases: [steady('v1', 3)],
      silentSeconds: HOUR / 2,
    },
    {
      service: 'escaping',
      environment: 'production',
      phases: [steady(AWKWARD_VERSION, 1, 0.01)],
    },
  ];
  return trafficOpenMetrics(services, { end, scrapeIntervalSeconds: 15 });
}
