import { ServiceTraffic, trafficOpenMetrics } from './trafficOpenMetrics';

const HOUR = 3600;

/**
 * Request counters for error-budget burn, scraped every minute (five
 * samples in the shortest, 5 m window):
 *
 * - `burning`: 20 % errors for the last 7 hours — 200× the budget of a
 *   99.9 % SLO; the 1 d and 3 d windows reach back before its data.
 * - `healthy`: 0.05 % errors for a day and an hour — half the budget; the
 *   3 d window is deliberately without data at its start (three days of
 *   data would mean 37 TSDB blocks and slow backfills).
 * - `young`: 1 % errors, only the last 2 hours: the 6 h, 1 d and 3 d
 *   windows have nothing at their start.
 */
export function burnScenarios(end: number): string {
  const service = (
    name: string,
    hours: number,
    errorRatio: number,
  ): ServiceTraffic => ({
    service: name,
    environment: 'production',
    latencyHistogram: false,
    phases: [
      {
        version: 'v1',
        durationSeconds: hours * HOUR,
        errorRatio,
        requestsPerScrape: 2000,
      },
    ],
  });
  return trafficOpenMetrics(
    [
      service('burning', 7, 0.2),
      service('healthy', 25, 0.0005),
      service('young', 2, 0.01),
    ],
    { end, scrapeIntervalSeconds: 60 },
  );
}
