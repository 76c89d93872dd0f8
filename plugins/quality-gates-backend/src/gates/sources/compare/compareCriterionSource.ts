import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  CriterionMeasurement,
  CriterionMeasurementRequest,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { Knex } from 'knex';
import { readMeasurementWindow } from '../prometheus/measurementWindow';
import {
  PrometheusClient,
  PrometheusSettings,
  readPrometheusSettings,
} from '../../../prometheus';
import {
  queryTemplateValues,
  renderQueryTemplate,
} from '../prometheus/queryTemplate';
import { findBaseline } from './baseline/findBaseline';
import {
  CompareDefinition,
  readCompareDefinition,
  wholeSeconds,
} from './compareDefinition';
import { compareMeasurement, withoutBaseline } from './compareMeasurement';
import { CompareQueries } from './metrics/compareQueries';
import { errorRatioComparer } from './metrics/errorRatioComparer';
import { gaugeComparer } from './metrics/gaugeComparer';
import { histogramComparer } from './metrics/histogramComparer';
import { ComparedSide, MetricComparer } from './metrics/MetricComparison';
import { SeriesSelector } from './seriesSelector';

export interface CompareCriterionSourceOptions {
  /** The root config; `qualityGates.gates.prometheus` is read. */
  config: Config;
  logger: LoggerService;
  /** The plugin's database, for the deployments before this one. */
  knex: Knex;
  /** For tests or proxies; the global fetch by default. */
  fetch?: typeof fetch;
}

/**
 * The `compare` criterion source: the version under test against a
 * baseline version of the same service, read from Prometheus — a request
 * counter's error ratio, a latency histogram or any gauge, split by the
 * version label. The baseline is found (canary beside it, or the version
 * deployed before it), the statistics in `./statistics` judge, and the
 * value is 1 (pass), 0 (fail) or null (inconclusive: no data, never a
 * pass by default). Returns undefined — and logs that it does — when
 * `qualityGates.gates.prometheus.baseUrl` is not configured.
 */
export function createCompareCriterionSource(
  options: CompareCriterionSourceOptions,
): CriterionSource | undefined {
  const settings = readPrometheusSettings(options.config);
  if (!settings) {
    options.logger.info(
      'qualityGates.gates.prometheus.baseUrl is not set: compare criteria cannot be measured',
    );
    return undefined;
  }
  const client = new PrometheusClient({ ...settings, fetch: options.fetch });
  return {
    id: 'compare',
    measure: request => measure(request, { ...options, settings, client }),
  };
}

function comparerFor(
  metric: CompareDefinition['metric'],
  render: (template: string, field: string) => string,
): MetricComparer {
  switch (metric.type) {
    case 'errorRatio':
      return errorRatioComparer({
        counter: metric.counter,
        errorMatcher: render(metric.errorMatcher, 'metric.errorMatcher'),
      });
    case 'histogram':
      return histogramComparer(metric);
    case 'gauge':
      return gaugeComparer({
        metric: metric.metric,
        stepSeconds: metric.step ? wholeSeconds(metric.step) : undefined,
      });
    default:
      throw new Error('unknown metric type');
  }
}

async function measure(
  request: CriterionMeasurementRequest,
  context: CompareCriterionSourceOptions & {
    settings: PrometheusSettings;
    client: PrometheusClient;
  },
): Promise<CriterionMeasurement> {
  const definition = readCompareDefinition(request.definition);
  const window = readMeasurementWindow(request.window);
  const templateValues = queryTemplateValues(request, window);
  const selector = new SeriesSelector({
    selector: definition.metric.selector,
    versionLabel: definition.versionLabel,
    templateValues,
  });
  const comparer = comparerFor(definition.metric, (template, field) =>
    renderQueryTemplate(template, templateValues, field),
  );
  const queries = new CompareQueries(context.client, request.signal);
  const candidate: ComparedSide = { version: request.version, ...window };
  const choice = await findBaseline({
    knex: context.knex,
    queries,
    comparer,
    selector,
    request,
    candidate,
    compareWith: definition.compareWith,
  });
  const metric = {
    ...definition.metric,
    versionLabel: definition.versionLabel,
  };
  if (!choice.side) return withoutBaseline(metric, choice, candidate);

  const sides = { baseline: choice.side, candidate };
  const comparison = await comparer.compare(queries, selector, sides, {
    direction: definition.direction,
    tolerance: definition.tolerance,
    passTolerance: definition.passTolerance,
    confidenceLevel: definition.confidenceLevel,
    minSamples: definition.minSamples,
    // A canary beside the old version shares its traffic as it grows; the
    // version deployed before is a closed window.
    baselineGrows: choice.strategy !== 'previous',
  });
  context.logger.debug(
    `compare criterion for ${request.entityRef} in ${request.environment}: ${request.version} vs ${choice.side.version}: ${comparison.verdict.state}`,
  );
  return compareMeasurement({
    metric,
    choice,
    sides,
    comparison,
    externalUrl: context.settings.externalUrl,
  });
}
