import { PrometheusClient, PrometheusSettings } from '../../../prometheus';
import { AlertingRule } from './alertingRule';

// One bulk run asks for every entity; the rule set changes far more rarely.
const CACHE_TTL_MS = 15_000;

/**
 * The alerting rules a Prometheus server has loaded, from
 * `/api/v1/rules?type=alert` through the shared client (so failures are
 * `PrometheusQueryError`s). A successful answer is kept for 15 seconds so
 * a run over many entities asks once, not once per entity; failures are
 * never kept.
 */
export class PrometheusAlertingRules {
  readonly baseUrl: string;
  readonly #externalUrl: string;
  readonly #client: PrometheusClient;
  #cached?: { at: number; rules: AlertingRule[] };

  constructor(settings: PrometheusSettings, options: { fetch?: typeof fetch }) {
    this.baseUrl = settings.baseUrl;
    this.#externalUrl = settings.externalUrl;
    this.#client = new PrometheusClient({ ...settings, fetch: options.fetch });
  }

  /** Where a person sees the rules in Prometheus' own UI. */
  get alertsPageUrl(): string {
    return `${this.#externalUrl}/alerts`;
  }

  async list(signal?: AbortSignal): Promise<AlertingRule[]> {
    if (this.#cached && Date.now() - this.#cached.at < CACHE_TTL_MS) {
      return this.#cached.rules;
    }
    const rules = (await this.#client.rules('alert', signal))
      .filter(rule => rule.type === 'alerting')
      .map(
        (rule): AlertingRule => ({
          name: rule.name,
          labels: rule.labels,
          annotations: rule.annotations,
          holdFor:
            rule.forSeconds !== undefined
              ? { seconds: rule.forSeconds }
              : undefined,
          source: 'prometheus',
          url: this.alertsPageUrl,
        }),
      );
    this.#cached = { at: Date.now(), rules };
    return rules;
  }
}
