import {
  InstantQueryResult,
  PrometheusClient,
  PrometheusQueryError,
} from '../../prometheus/PrometheusClient';
import { queryAll } from '../../prometheus/queryAll';

/** A range query's samples: every series' values, pooled. */
export interface RangeSamples {
  values: number[];
  series: number;
}

/**
 * The queries a comparison runs, under the evaluation's signal: instant
 * queries through the shared client, range queries (which it does not
 * offer) over the same HTTP API with the same headers and time limit.
 */
export class CompareQueries {
  readonly #client: PrometheusClient;
  readonly #settings: {
    baseUrl: string;
    headers: Record<string, string>;
    timeoutMs: number;
    fetch: typeof fetch;
  };
  readonly #signal?: AbortSignal;

  constructor(options: {
    client: PrometheusClient;
    baseUrl: string;
    headers: Record<string, string>;
    timeoutMs: number;
    fetch?: typeof fetch;
    signal?: AbortSignal;
  }) {
    this.#client = options.client;
    this.#settings = {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      headers: options.headers,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch ?? fetch,
    };
    this.#signal = options.signal;
  }

  /** Instant queries, each at its own time, all or nothing. */
  instant(
    queries: Array<{ query: string; time: Date }>,
  ): Promise<InstantQueryResult[]> {
    return queryAll(
      this.#signal,
      queries.map(
        ({ query, time }) =>
          (signal: AbortSignal) =>
            this.#client.instantQuery(query, time, signal),
      ),
    );
  }

  /** `GET /api/v1/query_range` from `start` to `end` every `stepSeconds`. */
  async range(
    query: string,
    window: { start: Date; end: Date },
    stepSeconds: number,
  ): Promise<RangeSamples> {
    const { baseUrl, headers, timeoutMs } = this.#settings;
    const params = new URLSearchParams({
      query,
      start: String(window.start.getTime() / 1000),
      end: String(window.end.getTime() / 1000),
      step: String(stepSeconds),
      timeout: `${Math.max(1, Math.ceil(timeoutMs))}ms`,
    });
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = this.#signal
      ? AbortSignal.any([this.#signal, timeout])
      : timeout;
    let body: any;
    let status = '';
    try {
      const response = await this.#settings.fetch(
        `${baseUrl}/api/v1/query_range?${params}`,
        { headers: { accept: 'application/json', ...headers }, signal },
      );
      status = `${response.status} ${response.statusText}`.trim();
      body = await response.json().catch(() => undefined);
    } catch (error) {
      throw new PrometheusQueryError(
        timeout.aborted
          ? `Prometheus at ${baseUrl} did not answer within ${
              timeoutMs / 1000
            } s — query: ${query}`
          : `Could not reach Prometheus at ${baseUrl}: ${
              (error as Error).message
            }`,
        timeout.aborted ? 'timeout' : undefined,
      );
    }
    if (body?.status !== 'success' || body?.data?.resultType !== 'matrix') {
      throw new PrometheusQueryError(
        `Prometheus at ${baseUrl} answered ${status}${
          body?.error ? `: ${body.error}` : ' without a range result'
        } — query: ${query}`,
        typeof body?.errorType === 'string' ? body.errorType : undefined,
      );
    }
    const series: Array<{ values?: Array<[number, string]> }> = Array.isArray(
      body.data.result,
    )
      ? body.data.result
      : [];
    return {
      series: series.length,
      values: series.flatMap(s =>
        (s.values ?? []).map(([, v]) => sampleValue(v)),
      ),
    };
  }
}

/** Prometheus writes NaN and ±Inf as text. */
function sampleValue(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}
