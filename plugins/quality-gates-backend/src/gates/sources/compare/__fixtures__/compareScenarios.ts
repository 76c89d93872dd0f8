import {
  LatencyProfile,
  ServiceTraffic,
  trafficOpenMetrics,
} from '../../__fixtures__/trafficOpenMetrics';

const HOUR = 3600;
const STEP = 15;

/**
 * ≈ +50 % and more at every quantile against the default profile (p50
 * 0.042 → 0.063 s, p90 0.1 → 0.2 s, p99 0.38 → 0.67 s).
 */
export const SHIFTED_LATENCY: LatencyProfile = [0.4, 0.8, 0.95, 0.985, 1, 1];

const stable = (service: string, hours = 3): ServiceTraffic => ({
  service,
  environment: 'production',
  phases: [{ version: 'v1', durationSeconds: hours * HOUR, errorRatio: 0.005 }],
});

const canary = (
  service: string,
  errorRatio: number,
  requestsPerScrape: number,
): ServiceTraffic => ({
  service,
  environment: 'production',
  phases: [
    { version: 'v2', durationSeconds: HOUR, errorRatio, requestsPerScrape },
  ],
});

/**
 * Services scraped every 15 s up to `end`:
 * - `canary-errors`: v1 (0.5 % errors, 200 per scrape) with v2 beside it
 *   for the last hour at 50 per scrape and 1.5 % errors (3×);
 * - `canary-clean`: the same, v2 at 0.55 % (noise);
 * - `canary-quiet`: v2 gets one request per scrape (120 in 30 minutes);
 * - `canary-quiet-broken`: the same, but v2 fails one request in five;
 * - `rolling-slow`: v1 for two hours, then v2 alone, ≈ 50 % slower;
 * - `memory`: a gauge per version, v1 around 100 MB, v2 around 150 MB.
 */
export function compareScenarios(end: number): string {
  const traffic = trafficOpenMetrics(
    [
      stable('canary-errors'),
      canary('canary-errors', 0.015, 50),
      stable('canary-clean'),
      canary('canary-clean', 0.0055, 50),
      stable('canary-quiet'),
      canary('canary-quiet', 0.005, 1),
      stable('canary-quiet-broken'),
      canary('canary-quiet-broken', 0.2, 1),
      {
        service: 'rolling-slow',
        environment: 'production',
        phases: [
          { version: 'v1', durationSeconds: 2 * HOUR, errorRatio: 0.005 },
          {
            version: 'v2',
            durationSeconds: HOUR,
            errorRatio: 0.005,
            latency: SHIFTED_LATENCY,
          },
        ],
      },
    ],
    { end, scrapeIntervalSeconds: STEP },
  );
  return traffic.replace(/# EOF\n?$/, `${memoryGauge(end)}\n# EOF\n`);
}

/** A deterministic wobble of ±5 MB around each version's level. */
function memoryGauge(end: number): string {
  const lines = [
    '# HELP process_resident_memory_bytes Resident memory.',
    '# TYPE process_resident_memory_bytes gauge',
  ];
  const levels = [
    { version: 'v1', megabytes: 100, from: end - 3 * HOUR },
    { version: 'v2', megabytes: 150, from: end - HOUR },
  ];
  for (const { version, megabytes, from } of levels) {
    for (let t = from + STEP, i = 0; t <= end; t += STEP, i++) {
      const bytes = Math.round((megabytes + 5 * Math.sin(i * 1.7)) * 1e6);
      lines.push(
        `process_resident_memory_bytes{service="memory",environment="production",version="${version}"} ${bytes} ${t}`,
      );
    }
  }
  return lines.join('\n');
}
