import { isError } from '@backstage/errors';
import { isRecord } from '../../../../sourceFiles';
import { SelectableDashboard } from './dashboardSelector';

/**
 * Grafana could not be asked, did not answer in time, or refused. The check
 * cannot verify and says so (`error`), never passes. Messages name Grafana's
 * address and never carry the token.
 */
export class GrafanaRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GrafanaRequestError';
  }
}

/** One dashboard as `GET /api/search` lists it. */
export type GrafanaSearchHit = SelectableDashboard;

export interface GrafanaClientOptions {
  /** Where the HTTP API is asked, without a trailing slash. */
  baseUrl: string;
  /** A service account token, sent as `Authorization: Bearer`. */
  token: string;
  /** For one request. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Grafana's largest search page. */
const SEARCH_PAGE_SIZE = 5000;
/** A selector needing more than this many dashboards read is refused. */
const MAX_SEARCH_PAGES = 4;
const BODY_SHOWN = 200;

/** The two Grafana HTTP API calls the dashboards check makes. */
export class GrafanaClient {
  readonly baseUrl: string;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: GrafanaClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs;
    this.#fetch = options.fetch ?? fetch;
  }

  /**
   * `GET /api/search?type=dash-db`, filtered by `tags` (a dashboard must
   * have all of them), page by page.
   */
  async searchDashboards(
    tags: string[],
    signal: AbortSignal,
  ): Promise<GrafanaSearchHit[]> {
    const hits: GrafanaSearchHit[] = [];
    for (let page = 1; page <= MAX_SEARCH_PAGES; page += 1) {
      const params = new URLSearchParams({
        type: 'dash-db',
        limit: String(SEARCH_PAGE_SIZE),
        page: String(page),
      });
      for (const tag of tags) params.append('tag', tag);
      const body = await this.#get('/api/search', params, signal);
      if (!Array.isArray(body)) {
        throw new GrafanaRequestError(
          `Grafana at ${this.baseUrl} did not answer /api/search with a list of dashboards`,
        );
      }
      hits.push(...body.filter(isRecord).map(searchHit));
      if (body.length < SEARCH_PAGE_SIZE) return hits;
    }
    throw new GrafanaRequestError(
      `Grafana at ${this.baseUrl} lists more than ${
        SEARCH_PAGE_SIZE * MAX_SEARCH_PAGES
      } dashboards for this selector; add a tag (tags @> '...') to narrow it`,
    );
  }

  /** `GET /api/dashboards/uid/<uid>`: the `{ dashboard, meta }` answer. */
  async dashboard(
    uid: string,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const path = `/api/dashboards/uid/${encodeURIComponent(uid)}`;
    const body = await this.#get(path, new URLSearchParams(), signal);
    if (!isRecord(body)) {
      throw new GrafanaRequestError(
        `Grafana at ${this.baseUrl} did not answer ${path} with a dashboard`,
      );
    }
    return body;
  }

  async #get(
    path: string,
    params: URLSearchParams,
    signal: AbortSignal,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const query = params.toString();
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(
        `${this.baseUrl}${path}${query ? `?${query}` : ''}`,
        {
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${this.#token}`,
          },
          signal: AbortSignal.any([signal, timeout]),
        },
      );
      text = await response.text();
    } catch (error) {
      throw this.#failure(error, path, timeout, signal);
    }
    const status = `${response.status} ${response.statusText}`.trim();
    if (!response.ok) {
      const hint =
        response.status === 401 || response.status === 403
          ? ' (is qualityGates.readiness.dashboards.grafana.token a service account token with the Viewer role?)'
          : '';
      throw new GrafanaRequestError(
        this.#redact(
          `Grafana at ${this.baseUrl} answered ${status} to ${path}${hint}${
            text ? `: ${text.slice(0, BODY_SHOWN)}` : ''
          }`,
        ),
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new GrafanaRequestError(
        this.#redact(
          `Grafana at ${
            this.baseUrl
          } answered ${path} with something that is not JSON: ${text.slice(
            0,
            BODY_SHOWN,
          )}`,
        ),
      );
    }
  }

  #failure(
    error: unknown,
    path: string,
    timeout: AbortSignal,
    signal: AbortSignal,
  ): GrafanaRequestError {
    if (signal.aborted) {
      return new GrafanaRequestError(
        `The request to Grafana at ${
          this.baseUrl
        }${path} was abandoned: ${describe(signal.reason)}`,
      );
    }
    if (timeout.aborted) {
      return new GrafanaRequestError(
        `Grafana at ${this.baseUrl} did not answer ${path} within ${
          this.#timeoutMs / 1000
        } s`,
      );
    }
    return new GrafanaRequestError(
      this.#redact(
        `Could not reach Grafana at ${this.baseUrl}: ${describe(error)}`,
      ),
    );
  }

  /** Whatever Grafana or the network said, the token is not repeated. */
  #redact(message: string): string {
    return this.#token ? message.split(this.#token).join('[token]') : message;
  }
}

function searchHit(hit: Record<string, unknown>): GrafanaSearchHit {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    title: text(hit.title),
    uid: text(hit.uid),
    folderTitle: text(hit.folderTitle),
    folderUid: text(hit.folderUid),
    folderUrl: text(hit.folderUrl),
    url: text(hit.url),
    uri: text(hit.uri),
    slug: text(hit.slug),
    type: text(hit.type),
    tags: Array.isArray(hit.tags) ? hit.tags.map(String) : [],
  };
}

function describe(error: unknown): string {
  if (!isError(error)) return String(error);
  // fetch hides the reason (ECONNREFUSED...) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  return isError(cause) ? `${error.message} (${cause.message})` : error.message;
}
