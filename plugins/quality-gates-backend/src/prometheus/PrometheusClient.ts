import { isError } from '@backstage/errors';
import { HttpFailure, isRetryable, UnreadAnswer } from './attemptFailures';
import { PrometheusQueryError } from './PrometheusQueryError';
import { isRecord, pairValue, parseJson, toStringMap } from './prometheusJson';

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

/** One series of a range query: its values in time order. */
export interface PrometheusRangeSeries {
  labels: Record<string, string>;
  values: number[];
}

/** A rule as `/api/v1/rules` lists it. */
export interface PrometheusRule {
  name: string;
  type: 'alerting' | 'recording';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** An alerting rule's `for`, in seconds, when Prometheus gave it. */
  forSeconds?: number;
}

export interface PrometheusClientOptions {
  /** Without credentials; see `readPrometheusSettings`. */
  baseUrl: string;
  headers?: Record<string, string>;
  /** For one call, retries included; Prometheus is told what is left. */
  timeoutMs: number;
  /** Further attempts after a 5xx answer or a network failure. Default 2. */
  retries?: number;
  /** First wait between attempts, doubled each time. Default 250 ms. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

/** What a request is, for messages. */
interface Asked {
  path: string;
  params: URLSearchParams;
  /** Appended to messages about the answer, e.g. ` — query: up`. */
  about: string;
  /** `query`, `range query`, `rules request`. */
  kind: string;
}

const BODY_SHOWN = 200;

/**
 * The one client of the Prometheus HTTP API: instant queries, range
 * queries and rules. Every failure — unreachable, slow, a 5xx after the
 * retries, a refused query, an answer that is not what was asked — is
 * thrown as a {@link PrometheusQueryError} saying what happened, so callers
 * fail closed. Only 5xx answers and network failures are retried; the time
 * limit covers all attempts and the caller's signal stops them at once.
 */
export class PrometheusClient {
  readonly baseUrl: string;
  readonly #headers: Record<string, string>;
  /** Whether the configured headers choose the answer's encoding. */
  readonly #asksEncoding: boolean;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #backoffMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: PrometheusClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers ?? {};
    this.#asksEncoding = Object.keys(this.#headers).some(
      name => name.toLowerCase() === 'accept-encoding',
    );
    this.#timeoutMs = options.timeoutMs;
    this.#retries = options.retries ?? 2;
    this.#backoffMs = options.backoffMs ?? 250;
    this.#fetch = options.fetch ?? fetch;
  }

  /** `GET /api/v1/query` evaluated at `time`. */
  async instantQuery(
    query: string,
    time: Date,
    signal?: AbortSignal,
  ): Promise<InstantQueryResult> {
    const about = ` — query: ${query}`;
    const body = await this.#get(
      {
        path: '/api/v1/query',
        params: new URLSearchParams({
          query,
          time: String(time.getTime() / 1000),
        }),
        about,
        kind: 'query',
      },
      signal,
    );
    const data = this.#data(body, 'a query result', about);
    const extra = warningsOf(body);
    if (data.resultType === 'vector' && Array.isArray(data.result)) {
      return {
        resultType: 'vector',
        samples: data.result.filter(isRecord).map(series => ({
          labels: toStringMap(series.metric),
          value: pairValue(series.value),
        })),
        ...extra,
      };
    }
    if (data.resultType === 'scalar') {
      return { resultType: 'scalar', value: pairValue(data.result), ...extra };
    }
    if (data.resultType === 'matrix' || data.resultType === 'string') {
      return { resultType: data.resultType, ...extra };
    }
    throw new PrometheusQueryError(
      `Prometheus at ${
        this.baseUrl
      } answered with an unknown result type '${String(
        data.resultType,
      )}'${about}`,
    );
  }

  /** `GET /api/v1/query_range` from `start` to `end` every `stepSeconds`. */
  async rangeQuery(
    query: string,
    window: { start: Date; end: Date },
    stepSeconds: number,
    signal?: AbortSignal,
  ): Promise<PrometheusRangeSeries[]> {
    const about = ` — query: ${query}`;
    const body = await this.#get(
      {
        path: '/api/v1/query_range',
        params: new URLSearchParams({
          query,
          start: String(window.start.getTime() / 1000),
          end: String(window.end.getTime() / 1000),
          step: String(stepSeconds),
        }),
        about,
        kind: 'range query',
      },
      signal,
    );
    const data = this.#data(body, 'a range result', about);
    if (data.resultType !== 'matrix' || !Array.isArray(data.result)) {
      throw new PrometheusQueryError(
        `Prometheus at ${this.baseUrl} did not answer with a range result${about}`,
      );
    }
    return data.result.filter(isRecord).map(series => ({
      labels: toStringMap(series.metric),
      values: (Array.isArray(series.values) ? series.values : []).map(
        pairValue,
      ),
    }));
  }

  /** `GET /api/v1/rules`, every group's rules in one list. */
  async rules(
    type: 'alert' | 'record' | undefined,
    signal?: AbortSignal,
  ): Promise<PrometheusRule[]> {
    const body = await this.#get(
      {
        path: '/api/v1/rules',
        params: new URLSearchParams(type ? { type } : {}),
        about: '',
        kind: 'rules request',
      },
      signal,
    );
    const data = this.#data(body, 'rules', ' to /api/v1/rules');
    const groups = Array.isArray(data.groups) ? data.groups : [];
    return groups
      .filter(isRecord)
      .flatMap(group => (Array.isArray(group.rules) ? group.rules : []))
      .filter(isRecord)
      .filter(
        rule =>
          (rule.type === 'alerting' || rule.type === 'recording') &&
          typeof rule.name === 'string',
      )
      .map(rule => ({
        name: String(rule.name),
        type: rule.type as PrometheusRule['type'],
        labels: toStringMap(rule.labels),
        annotations: toStringMap(rule.annotations),
        // Prometheus gives `for` as `duration`, in seconds.
        ...(typeof rule.duration === 'number'
          ? { forSeconds: rule.duration }
          : {}),
      }));
  }

  #data(
    body: unknown,
    expected: string,
    about: string,
  ): Record<string, unknown> {
    if (isRecord(body) && body.status === 'success' && isRecord(body.data)) {
      return body.data;
    }
    throw new PrometheusQueryError(
      `Prometheus at ${this.baseUrl} did not answer with ${expected}${about}`,
    );
  }

  /** One call: attempts until an answer, a final failure or the deadline. */
  async #get(asked: Asked, signal?: AbortSignal): Promise<unknown> {
    const deadline = Date.now() + this.#timeoutMs;
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.#attempt(asked, deadline, combined);
      } catch (error) {
        const failure = this.#failure(error, asked, timeout, signal);
        const wait = this.#backoffMs * 2 ** attempt;
        const retry =
          attempt < this.#retries &&
          !combined.aborted &&
          isRetryable(error) &&
          Date.now() + wait < deadline;
        if (!retry) throw failure;
        try {
          await sleep(wait, combined);
        } catch {
          throw this.#failure(combined.reason, asked, timeout, signal);
        }
      }
    }
  }

  async #attempt(
    asked: Asked,
    deadline: number,
    signal: AbortSignal,
  ): Promise<unknown> {
    const params = new URLSearchParams(asked.params);
    if (asked.path !== '/api/v1/rules') {
      // Prometheus stops evaluating when we stop waiting.
      params.set('timeout', `${Math.max(1, deadline - Date.now())}ms`);
    }
    const query = params.toString();
    const response = await this.#fetch(
      `${this.baseUrl}${asked.path}${query ? `?${query}` : ''}`,
      {
        headers: {
          accept: 'application/json',
          // An instant query's answer is a few hundred bytes: compressing
          // and decompressing it costs both sides more CPU than it saves
          // on the wire. Configured headers may ask otherwise.
          ...(asked.kind === 'query' && !this.#asksEncoding
            ? { 'accept-encoding': 'identity' }
            : {}),
          ...this.#headers,
        },
        signal,
      },
    );
    const status = `${response.status} ${response.statusText}`.trim();
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new UnreadAnswer(status, response.status, error);
    }
    const body = parseJson(text);
    const to = asked.kind === 'rules request' ? ` to ${asked.path}` : '';
    if (isRecord(body) && body.status === 'error') {
      // Prometheus' own error JSON: its type and message, as it said them.
      const errorType =
        typeof body.errorType === 'string' ? body.errorType : undefined;
      const reason = typeof body.error === 'string' ? body.error : 'no reason';
      throw new HttpFailure(
        response.status,
        new PrometheusQueryError(
          `Prometheus at ${this.baseUrl} answered ${status}${to}${
            errorType ? ` (${errorType})` : ''
          }: ${reason}${asked.about}`,
          errorType,
        ),
      );
    }
    if (!response.ok) {
      throw new HttpFailure(
        response.status,
        new PrometheusQueryError(
          `Prometheus at ${this.baseUrl} answered ${status}${to}${
            text ? `: ${text.slice(0, BODY_SHOWN)}` : ''
          }`,
        ),
      );
    }
    if (body === undefined) {
      throw new PrometheusQueryError(
        `Prometheus at ${
          this.baseUrl
        } answered${to} with something that is not JSON: ${text.slice(
          0,
          BODY_SHOWN,
        )}`,
      );
    }
    return body;
  }

  #failure(
    error: unknown,
    asked: Asked,
    timeout: AbortSignal,
    signal?: AbortSignal,
  ): PrometheusQueryError {
    if (error instanceof HttpFailure) return error.failure;
    if (error instanceof PrometheusQueryError) return error;
    if (signal?.aborted) {
      return new PrometheusQueryError(
        `The ${asked.kind} to Prometheus at ${
          this.baseUrl
        } was abandoned: ${describe(signal.reason)}`,
        'canceled',
      );
    }
    if (timeout.aborted) {
      return new PrometheusQueryError(
        `Prometheus at ${this.baseUrl} did not answer within ${
          this.#timeoutMs / 1000
        } s${asked.about}`,
        'timeout',
      );
    }
    if (error instanceof UnreadAnswer) {
      return new PrometheusQueryError(
        `Prometheus at ${this.baseUrl} answered ${
          error.status
        } but the answer could not be read: ${describe(error.cause)}`,
      );
    }
    return new PrometheusQueryError(
      `Could not reach Prometheus at ${this.baseUrl}: ${describe(error)}`,
    );
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function warningsOf(body: unknown): { warnings?: string[] } {
  const warnings =
    isRecord(body) && Array.isArray(body.warnings)
      ? body.warnings.map(String)
      : [];
  return warnings.length ? { warnings } : {};
}

function describe(error: unknown): string {
  if (!isError(error)) return String(error);
  // fetch hides the reason (ECONNREFUSED...) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  return isError(cause) ? `${error.message} (${cause.message})` : error.message;
}
