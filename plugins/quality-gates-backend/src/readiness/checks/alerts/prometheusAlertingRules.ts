import { isError } from '@backstage/errors';
import { isRecord } from '../../../sourceFiles';
import { AlertingRule, toStringMap } from './alertingRule';

/** Prometheus could not be asked, or did not answer with rules. */
export class PrometheusRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrometheusRulesError';
  }
}

// One bulk run asks for every entity; the rule set changes far more rarely.
const CACHE_TTL_MS = 15_000;

/**
 * The alerting rules a Prometheus server has loaded, from
 * `/api/v1/rules?type=alert`. A successful answer is kept for 15 seconds so
 * a run over many entities asks once, not once per entity; failures are
 * never kept.
 */
export class PrometheusAlertingRules {
  readonly baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #fetch: typeof fetch;
  #cached?: { at: number; rules: AlertingRule[] };

  constructor(options: {
    baseUrl: string;
    headers?: Record<string, string>;
    fetch?: typeof fetch;
  }) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#headers = options.headers ?? {};
    this.#fetch = options.fetch ?? fetch;
  }

  /** Where a person sees the rules in Prometheus' own UI. */
  get alertsPageUrl(): string {
    return `${this.baseUrl}/alerts`;
  }

  async list(signal?: AbortSignal): Promise<AlertingRule[]> {
    if (this.#cached && Date.now() - this.#cached.at < CACHE_TTL_MS) {
      return this.#cached.rules;
    }
    const rules = parseRulesResponse(await this.#get(signal), this);
    this.#cached = { at: Date.now(), rules };
    return rules;
  }

  async #get(signal?: AbortSignal): Promise<unknown> {
    const url = `${this.baseUrl}/api/v1/rules?type=alert`;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        headers: { accept: 'application/json', ...this.#headers },
        signal,
      });
    } catch (error) {
      throw new PrometheusRulesError(
        `Could not reach Prometheus at ${this.baseUrl}: ${describe(error)}`,
      );
    }
    if (!response.ok) {
      const body = (await response.text().catch(() => '')).slice(0, 200);
      throw new PrometheusRulesError(
        `Prometheus at ${this.baseUrl} answered ${response.status} ${
          response.statusText
        } to /api/v1/rules${body ? `: ${body}` : ''}`,
      );
    }
    try {
      return await response.json();
    } catch (error) {
      throw new PrometheusRulesError(
        `Prometheus at ${
          this.baseUrl
        } answered /api/v1/rules with something that is not JSON: ${describe(
          error,
        )}`,
      );
    }
  }
}

function parseRulesResponse(
  body: unknown,
  source: PrometheusAlertingRules,
): AlertingRule[] {
  if (!isRecord(body) || body.status !== 'success' || !isRecord(body.data)) {
    const error =
      isRecord(body) && typeof body.error === 'string' ? `: ${body.error}` : '';
    throw new PrometheusRulesError(
      `Prometheus at ${source.baseUrl} did not answer /api/v1/rules with success${error}`,
    );
  }
  const groups = Array.isArray(body.data.groups) ? body.data.groups : [];
  return groups
    .filter(isRecord)
    .flatMap(group => (Array.isArray(group.rules) ? group.rules : []))
    .filter(isRecord)
    .filter(rule => rule.type === 'alerting' && typeof rule.name === 'string')
    .map(rule => ({
      name: String(rule.name),
      labels: toStringMap(rule.labels),
      annotations: toStringMap(rule.annotations),
      // Prometheus gives `for` as `duration`, in seconds.
      holdFor:
        typeof rule.duration === 'number'
          ? { seconds: rule.duration }
          : undefined,
      source: 'prometheus',
      url: source.alertsPageUrl,
    }));
}

function describe(error: unknown): string {
  if (!isError(error)) return String(error);
  // fetch hides the reason (ECONNREFUSED...) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  return isError(cause) ? `${error.message} (${cause.message})` : error.message;
}
