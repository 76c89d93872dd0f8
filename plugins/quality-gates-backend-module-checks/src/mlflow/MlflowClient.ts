import { z } from 'zod';
import { describeError } from '../definition/describeError';

/**
 * MLflow could not be asked, did not answer in time, or refused: the
 * criterion is then `error` (fail closed).
 *
 * @public
 */
export class MlflowRequestError extends Error {
  /** MLflow's `error_code` (RESOURCE_DOES_NOT_EXIST, ...) when it gave one. */
  readonly errorCode?: string;
  readonly status?: number;

  constructor(
    message: string,
    details: { errorCode?: string; status?: number } = {},
  ) {
    super(message);
    this.name = 'MlflowRequestError';
    this.errorCode = details.errorCode;
    this.status = details.status;
  }
}

// int64 fields arrive as numbers or, from some protobuf JSON writers, strings.
const int64 = z.union([z.number(), z.string()]).transform(Number);

/**
 * A registered model version, as far as gates read it.
 *
 * @public
 */
export interface MlflowModelVersion {
  name: string;
  version: string;
  run_id?: string;
  current_stage?: string;
  status?: string;
  aliases?: string[];
  creation_timestamp?: number;
  source?: string;
  run_link?: string;
  [field: string]: unknown;
}

const modelVersionSchema: z.ZodType<MlflowModelVersion, z.ZodTypeDef, unknown> =
  z
    .object({
      name: z.string(),
      version: z.union([z.string(), z.number()]).transform(String),
      run_id: z.string().optional(),
      current_stage: z.string().optional(),
      status: z.string().optional(),
      aliases: z.array(z.string()).optional(),
      creation_timestamp: int64.optional(),
      source: z.string().optional(),
      run_link: z.string().optional(),
    })
    .passthrough();

/**
 * One logged value of a run's metric.
 *
 * @public
 */
export interface MlflowMetric {
  key: string;
  value: number;
  timestamp?: number;
  step?: number;
  [field: string]: unknown;
}

/** MLflow writes NaN and ±Infinity as strings. */
const metricSchema: z.ZodType<MlflowMetric, z.ZodTypeDef, unknown> = z
  .object({
    key: z.string(),
    value: z.union([z.number(), z.string()]).transform(Number),
    timestamp: int64.optional(),
    step: int64.optional(),
  })
  .passthrough();

/**
 * A run with its latest metrics, as far as gates read it.
 *
 * @public
 */
export interface MlflowRun {
  info: {
    run_id: string;
    experiment_id: string;
    run_name?: string;
    status?: string;
    end_time?: number;
    [field: string]: unknown;
  };
  data?: { metrics?: MlflowMetric[]; [field: string]: unknown };
  [field: string]: unknown;
}

const runSchema: z.ZodType<MlflowRun, z.ZodTypeDef, unknown> = z
  .object({
    info: z
      .object({
        run_id: z.string(),
        experiment_id: z.string(),
        run_name: z.string().optional(),
        status: z.string().optional(),
        end_time: int64.optional(),
      })
      .passthrough(),
    data: z
      .object({ metrics: z.array(metricSchema).optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

const responses = {
  modelVersion: z.object({ model_version: modelVersionSchema }),
  latestVersions: z.object({
    model_versions: z.array(modelVersionSchema).optional(),
  }),
  run: z.object({ run: runSchema }),
  metricHistory: z.object({
    metrics: z.array(metricSchema).optional(),
    next_page_token: z.string().optional(),
  }),
};

/** Pages of metric history read at most; a longer history is counted as partial. */
const MAX_HISTORY_PAGES = 10;

/**
 * Where the MLflow tracking server is and how to ask it.
 *
 * @public
 */
export interface MlflowClientOptions {
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * The part of the MLflow REST API (2.0) gate criteria use: model versions
 * by number, alias or stage, runs and metric history. Every failure is
 * thrown as an {@link MlflowRequestError} saying what happened.
 *
 * @public
 */
export class MlflowClient {
  readonly baseUrl: string;
  readonly #token?: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: MlflowClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs;
    this.#fetch = options.fetch ?? fetch;
  }

  /** `GET /model-versions/get`. */
  async getModelVersion(
    name: string,
    version: string,
    signal?: AbortSignal,
  ): Promise<MlflowModelVersion> {
    const body = await this.#request(
      'model-versions/get',
      { query: { name, version } },
      responses.modelVersion,
      signal,
    );
    return body.model_version;
  }

  /** `GET /registered-models/alias`: the version an alias points to. */
  async getModelVersionByAlias(
    name: string,
    alias: string,
    signal?: AbortSignal,
  ): Promise<MlflowModelVersion> {
    const body = await this.#request(
      'registered-models/alias',
      { query: { name, alias } },
      responses.modelVersion,
      signal,
    );
    return body.model_version;
  }

  /** `POST /registered-models/get-latest-versions` for one stage. */
  async getLatestVersion(
    name: string,
    stage: string,
    signal?: AbortSignal,
  ): Promise<MlflowModelVersion | undefined> {
    const body = await this.#request(
      'registered-models/get-latest-versions',
      { json: { name, stages: [stage] } },
      responses.latestVersions,
      signal,
    );
    return body.model_versions?.[0];
  }

  /** `GET /runs/get`: the run with the latest value of each metric. */
  async getRun(runId: string, signal?: AbortSignal): Promise<MlflowRun> {
    const body = await this.#request(
      'runs/get',
      { query: { run_id: runId } },
      responses.run,
      signal,
    );
    return body.run;
  }

  /** `GET /metrics/get-history`, page by page up to a limit. */
  async getMetricHistory(
    runId: string,
    metricKey: string,
    signal?: AbortSignal,
  ): Promise<{ metrics: MlflowMetric[]; complete: boolean }> {
    const metrics: MlflowMetric[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const body = await this.#request(
        'metrics/get-history',
        {
          query: {
            run_id: runId,
            metric_key: metricKey,
            ...(pageToken ? { page_token: pageToken } : {}),
          },
        },
        responses.metricHistory,
        signal,
      );
      metrics.push(...(body.metrics ?? []));
      pageToken = body.next_page_token || undefined;
      if (!pageToken) return { metrics, complete: true };
    }
    return { metrics, complete: false };
  }

  async #request<T extends z.ZodTypeAny>(
    endpoint: string,
    body: { query?: Record<string, string>; json?: unknown },
    schema: T,
    signal?: AbortSignal,
  ): Promise<z.infer<T>> {
    const url = `${this.baseUrl}/api/2.0/mlflow/${endpoint}${
      body.query ? `?${new URLSearchParams(body.query)}` : ''
    }`;
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, {
        method: body.json === undefined ? 'GET' : 'POST',
        headers: {
          accept: 'application/json',
          ...(body.json === undefined
            ? {}
            : { 'content-type': 'application/json' }),
          ...(this.#token ? { authorization: `Bearer ${this.#token}` } : {}),
        },
        ...(body.json === undefined ? {} : { body: JSON.stringify(body.json) }),
        signal: combined,
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) {
        throw new MlflowRequestError(
          `The request to MLflow at ${
            this.baseUrl
          } was abandoned: ${describeError(signal.reason)}`,
        );
      }
      if (timeout.aborted) {
        throw new MlflowRequestError(
          `MLflow at ${this.baseUrl} did not answer ${endpoint} within ${
            this.#timeoutMs / 1000
          } s`,
        );
      }
      throw new MlflowRequestError(
        `Could not reach MLflow at ${this.baseUrl}: ${describeError(error)}`,
      );
    }
    const parsed = parseJson(text);
    if (!response.ok) {
      throw refusal(this.baseUrl, endpoint, response, parsed, text);
    }
    const checked = schema.safeParse(parsed);
    if (!checked.success) {
      throw new MlflowRequestError(
        `MLflow at ${
          this.baseUrl
        } answered ${endpoint} with something unexpected: ${text.slice(
          0,
          200,
        )}`,
        { status: response.status },
      );
    }
    return checked.data;
  }
}

/** MLflow's `{ error_code, message }`, with a hint for the usual causes. */
function refusal(
  baseUrl: string,
  endpoint: string,
  response: Response,
  parsed: unknown,
  text: string,
): MlflowRequestError {
  const record =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : {};
  const errorCode =
    typeof record.error_code === 'string' ? record.error_code : undefined;
  const message =
    typeof record.message === 'string' ? record.message : text.slice(0, 200);
  const status = `${response.status} ${response.statusText}`.trim();
  const hint =
    response.status === 401 || response.status === 403
      ? ' — check qualityGates.checks.mlflow.token'
      : '';
  return new MlflowRequestError(
    `MLflow at ${baseUrl} answered ${endpoint} with ${status}${
      errorCode ? ` (${errorCode})` : ''
    }${message ? `: ${message}` : ''}${hint}`,
    { errorCode, status: response.status },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
