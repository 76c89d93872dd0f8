import {
  QueryTemplateValues,
  escapePromQLString,
  renderQueryTemplate,
} from '../prometheus/queryTemplate';

/**
 * The label matchers every query of one criterion shares: the definition's
 * selector (templated and escaped) plus, per side, the version.
 */
export class SeriesSelector {
  readonly #matchers: string[];
  readonly #versionLabel: string;

  constructor(options: {
    selector?: string;
    versionLabel: string;
    templateValues: QueryTemplateValues;
  }) {
    this.#versionLabel = options.versionLabel;
    this.#matchers = options.selector
      ? [
          renderQueryTemplate(
            options.selector,
            options.templateValues,
            'metric.selector',
          ),
        ]
      : [];
  }

  get versionLabel(): string {
    return this.#versionLabel;
  }

  /** `metric{selector, extra...}`. */
  series(metric: string, ...extra: string[]): string {
    const matchers = [...this.#matchers, ...extra].filter(Boolean);
    return `${metric}{${matchers.join(',')}}`;
  }

  /** `metric{selector, versionLabel="version", extra...}`. */
  ofVersion(metric: string, version: string, ...extra: string[]): string {
    return this.series(
      metric,
      `${this.#versionLabel}="${escapePromQLString(version)}"`,
      ...extra,
    );
  }
}
