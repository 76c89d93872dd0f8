import { isError } from '@backstage/errors';

/**
 * Prometheus could not be asked, did not answer in time, or refused the
 * query. Gate criteria fail closed on it.
 */
export class PrometheusQueryError extends Error {
  /** Prometheus' `errorType` (`bad_data`, `timeout`, ...) when it gave one. */
  readonly errorType?: string;

  constructor(message: string, errorType?: string) {
    super(message);
    this.name = 'PrometheusQueryError';
    this.errorType = errorType;
  }
}

/** One series of an instant vector. */
export interface PrometheusSample {
  labels: Record<string, string>;
  /** The sample's value; NaN and ±Inf as Prometheus wrote them. */
  value: number;
}

/** What an instant query returned, by result type. */
export type InstantQueryResult =
  | { resultType: 'vector'; samples: PrometheusSample[]; warnings?: string[] }
  | { resultType: 'scalar'; value: number; warnings?: string[] }
  | { resultType: 'matrix' | 'string'; warnings?: string[] };

export interface PrometheusClientOptions {
  baseUrl: string;
  headers?: Record<string, string>;
  /** Per query; Prometheus is told the same limit. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * The part of the Prometheus HTTP API gate criteria use: instant queries
 * at a given time. Every failure — unreachable, slow, HTTP error, a
 * Prometheus error — is thrown as a {@link PrometheusQueryError} saying
 * what happened.
 */
export class PrometheusClient {
  readonly baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: PrometheusClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers ?? {};
    this.#timeoutMs = options.timeoutMs;
    this.#fetch = options.fetch ?? fetch;
  }

  /** `GET /api/v1/query` evaluated at `time`. */
  async instantQuery(
    query: string,
    time: Date,
    signal?: AbortSignal,
  ): Promise<InstantQueryResult> {
    const params = new URLSearchParams({
      query,
      time: String(time.getTime() / 1000),
      // Prometheus stops evaluating when we stop waiting.
      timeout: `${Math.max(1, Math.ceil(this.#timeoutMs))}ms`,
    });
    const body = await this.#get(`/api/v1/query?${params}`, query, signal);
    return parseQueryResponse(body, this.baseUrl, query);
  }

  async #get(
    path: string,
    query: string,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let status = '';
    try {
      const response = await this.#fetch(`${this.baseUrl}${path}`, {
        headers: { accept: 'application/json', ...this.#headers },
        signal: combined,
      });
      status = `${response.status} ${response.statusText}`.trim();
      const text = await response.text();
      const body = parseJson(text);
      if (isRecord(body) && body.status === 'error') {
        throw this.#refused(body, status, query);
      }
      if (!response.ok) {
        throw new PrometheusQueryError(
          `Prometheus at ${this.baseUrl} answered ${status}${
            text ? `: ${text.slice(0, 200)}` : ''
          }`,
        );
      }
      if (body === undefined) {
        throw new PrometheusQueryError(
          `Prometheus at ${
            this.baseUrl
          } answered with something that is not JSON: ${text.slice(0, 200)}`,
        );
      }
      return body;
    } catch (error) {
      if (error instanceof PrometheusQueryError) throw error;
      if (timeout.aborted) {
        throw new PrometheusQueryError(
          `Prometheus at ${this.baseUrl} did not answer within ${
            this.#timeoutMs / 1000
          } s`,
          'timeout',
        );
      }
      if (signal?.aborted) {
        throw new PrometheusQueryError(
          `The query to Prometheus at ${this.baseUrl} was abandoned: ${describe(
            signal.reason,
          )}`,
          'canceled',
        );
      }
      throw new PrometheusQueryError(
        status
          ? `Prometheus at ${
              this.baseUrl
            } answered ${status} but the answer could not be read: ${describe(
              error,
            )}`
          : `Could not reach Prometheus at ${this.baseUrl}: ${describe(error)}`,
      );
    }
  }

  #refused(body: Record<string, unknown>, status: string, query: string) {
    const errorType =
      typeof body.errorType === 'string' ? body.errorType : undefined;
    const message = typeof body.error === 'string' ? body.error : 'no reason';
    return new PrometheusQueryError(
      `Prometheus at ${this.baseUrl} answered ${status}${
        errorType ? ` (${errorType})` : ''
      }: ${message} — query: ${query}`,
      errorType,
    );
  }
}

function parseQueryResponse(
  body: unknown,
  baseUrl: string,
  query: string,
): InstantQueryResult {
  const data = isRecord(body) ? body.data : undefined;
  if (!isRecord(body) || body.status !== 'success' || !isRecord(data)) {
    throw new PrometheusQueryError(
      `Prometheus at ${baseUrl} did not answer with a query result — query: ${query}`,
    );
  }
  const warnings = Array.isArray(body.warnings)
    ? body.warnings.map(String)
    : undefined;
  const extra = warnings?.length ? { warnings } : {};
  if (data.resultType === 'vector' && Array.isArray(data.result)) {
    return {
      resultType: 'vector',
      samples: data.result.filter(isRecord).map(series => ({
        labels: toStringMap(series.metric),
        value: sampleValue(series.value),
      })),
      ...extra,
    };
  }
  if (data.resultType === 'scalar') {
    return { resultType: 'scalar', value: sampleValue(data.result), ...extra };
  }
  if (data.resultType === 'matrix' || data.resultType === 'string') {
    return { resultType: data.resultType, ...extra };
  }
  throw new PrometheusQueryError(
    `Prometheus at ${baseUrl} answered with an unknown result type '${String(
      data.resultType,
    )}' — query: ${query}`,
  );
}

/** `[<unix time>, "<value>"]`; Prometheus writes NaN and ±Inf as strings. */
function sampleValue(pair: unknown): number {
  if (!Array.isArray(pair)) return NaN;
  const text = String(pair[1]);
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toStringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([name, v]) => [name, String(v)]),
  );
}

function describe(error: unknown): string {
  if (!isError(error)) return String(error);
  // fetch hides the reason (ECONNREFUSED...) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  return isError(cause) ? `${error.message} (${cause.message})` : error.message;
}
