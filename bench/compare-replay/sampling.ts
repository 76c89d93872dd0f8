/*
 * Sampling the services' traffic, and writing it as OpenMetrics for
 * promtool to backfill.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { logNormalCdf } from './logNormal';
import {
  BUCKETS,
  DAY,
  ENVIRONMENT,
  Service,
  VersionBehaviour,
} from './scenarios';

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

/**
 * Each version's series: Poisson requests per scrape on a daily curve,
 * errors binomial among them, latencies multinomial over the buckets.
 */
export async function writeOpenMetricsFile(
  services: Service[],
  origin: number,
  rng: () => number,
  file: string,
): Promise<{ samples: number; bytes: number }> {
  // Each family must be whole, and the text outgrows a string at a few
  // hundred services: each family goes to its own file, then both into one.
  const parts = [`${file}.requests`, `${file}.durations`];
  const [requestsFd, durationsFd] = parts.map(part => fs.openSync(part, 'w'));
  let samples = 0;
  const flush = (fd: number, lines: string[]) => {
    if (!lines.length) return;
    samples += lines.length;
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  };
  for (const service of services) {
    for (const v of service.versions) {
      const requests: string[] = [];
      const durations: string[] = [];
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
      flush(requestsFd, requests);
      flush(durationsFd, durations);
    }
  }
  fs.closeSync(requestsFd);
  fs.closeSync(durationsFd);
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    new Promise<void>(resolve => {
      if (out.write(text)) resolve();
      else out.once('drain', resolve);
    });
  await write(
    '# HELP http_requests Requests served.\n# TYPE http_requests counter\n',
  );
  await pipeline(fs.createReadStream(parts[0]), out, { end: false });
  await write(
    '# HELP http_request_duration_seconds Time to answer a request.\n# TYPE http_request_duration_seconds histogram\n',
  );
  await pipeline(fs.createReadStream(parts[1]), out, { end: false });
  await new Promise<void>(resolve => out.end('# EOF\n', resolve));
  for (const part of parts) fs.rmSync(part);
  return { samples, bytes: fs.statSync(file).size };
}
