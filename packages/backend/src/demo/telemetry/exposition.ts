import fs from 'node:fs';
import {
  countsAt,
  LATENCY_BUCKETS,
  SeriesCounts,
  servesAt,
  TrafficSeries,
} from './trafficModel';

/**
 * The request counter `http_requests_total{service,environment,version,code}`
 * and the latency histogram `http_request_duration_seconds{…,le}`, written
 * as OpenMetrics for promtool's backfill and as the text format Prometheus
 * scrapes. Both carry the same `job` and `instance` labels (the scrape keeps
 * them with `honor_labels`), so the backfilled series and the scraped ones
 * are the same series.
 */

const REQUESTS = 'http_requests';
const DURATION = 'http_request_duration_seconds';

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${value}"`)
    .join(',');
}

function seriesLabels(series: TrafficSeries): Record<string, string> {
  const { service, environment } = series.labels;
  return {
    job: 'demo-services',
    instance: `${service}.${environment}`,
    ...series.labels,
  };
}

/** `name{labels} value` lines of one series' counters, by family. */
function sampleLines(
  series: TrafficSeries,
  counts: SeriesCounts,
  suffix: string,
): { requests: string[]; durations: string[] } {
  const labels = seriesLabels(series);
  const line = (name: string, extra: Record<string, string>, value: number) =>
    `${name}{${labelText({ ...labels, ...extra })}} ${value}${suffix}`;
  return {
    requests: [
      line(`${REQUESTS}_total`, { code: '200' }, counts.ok),
      line(`${REQUESTS}_total`, { code: '500' }, counts.errors),
    ],
    durations: [
      ...LATENCY_BUCKETS.map((bound, index) =>
        line(
          `${DURATION}_bucket`,
          { le: String(bound) },
          counts.buckets[index],
        ),
      ),
      line(`${DURATION}_bucket`, { le: '+Inf' }, counts.count),
      line(`${DURATION}_count`, {}, counts.count),
      line(`${DURATION}_sum`, {}, counts.sumSeconds),
    ],
  };
}

/** The text format of the counters at `time`, for a scrape. */
export function scrapeText(series: TrafficSeries[], time: number): string {
  const requests: string[] = [];
  const durations: string[] = [];
  for (const one of series) {
    if (!servesAt(one, time)) continue;
    const lines = sampleLines(one, countsAt(one, time), '');
    requests.push(...lines.requests);
    durations.push(...lines.durations);
  }
  return [
    `# HELP ${REQUESTS}_total Requests served.`,
    `# TYPE ${REQUESTS}_total counter`,
    ...requests,
    `# HELP ${DURATION} Time to answer a request.`,
    `# TYPE ${DURATION} histogram`,
    ...durations,
    '',
  ].join('\n');
}

/**
 * Writes the counters every `stepSeconds` from `start` to `end` (Unix
 * seconds) as OpenMetrics to `file`; returns the number of samples. Each
 * family is written whole, as promtool wants.
 */
export function writeOpenMetrics(
  series: TrafficSeries[],
  options: { start: number; end: number; stepSeconds: number; file: string },
): number {
  const { start, end, stepSeconds, file } = options;
  const fd = fs.openSync(file, 'w');
  let samples = 0;
  try {
    const family = (
      name: string,
      type: string,
      help: string,
      pick: (lines: ReturnType<typeof sampleLines>) => string[],
    ) => {
      fs.writeSync(fd, `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`);
      for (const one of series) {
        // One series' samples in time order, one line each.
        const bySeries: string[][] = [];
        for (let time = start + stepSeconds; time <= end; time += stepSeconds) {
          if (!servesAt(one, time)) continue;
          pick(sampleLines(one, countsAt(one, time), ` ${time}`)).forEach(
            (line, index) => (bySeries[index] ??= []).push(line),
          );
        }
        for (const lines of bySeries) {
          samples += lines.length;
          fs.writeSync(fd, `${lines.join('\n')}\n`);
        }
      }
    };
    family(REQUESTS, 'counter', 'Requests served.', lines => lines.requests);
    family(
      DURATION,
      'histogram',
      'Time to answer a request.',
      lines => lines.durations,
    );
    fs.writeSync(fd, '# EOF\n');
  } finally {
    fs.closeSync(fd);
  }
  return samples;
}
