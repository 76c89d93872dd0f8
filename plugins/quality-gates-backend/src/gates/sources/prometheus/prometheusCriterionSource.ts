import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  EvidenceFact,
  EvidenceSentence,
} from '@can-i-deploy/plugin-quality-gates-common';
import {
  CriterionMeasurement,
  CriterionMeasurementRequest,
  CriterionSource,
} from '@can-i-deploy/plugin-quality-gates-node';
import { prometheusGraphLink } from './graphLink';
import { readMeasurementWindow } from './measurementWindow';
import {
  PrometheusClient,
  queryAll,
  readPrometheusSettings,
} from '../../../prometheus';
import { readPrometheusDefinition } from './prometheusDefinition';
import { queryTemplateValues, renderQueryTemplate } from './queryTemplate';
import { singleValue } from './singleValue';

/** What the Prometheus-backed criterion sources are made from. */
export interface PrometheusCriterionSourceOptions {
  /** The root config; `qualityGates.gates.prometheus` is read. */
  config: Config;
  logger: LoggerService;
  /** For tests or proxies; the global fetch by default. */
  fetch?: typeof fetch;
}

/**
 * The `prometheus` criterion source: the value of a PromQL query,
 * templated with the entity, environment, version and window, evaluated
 * at the window's end.
 *
 * Returns undefined — and logs that it does — when
 * `qualityGates.gates.prometheus.baseUrl` is not configured; criteria
 * naming the source then fail closed for want of it.
 *
 * Definition: `query` (required) and `sampleCountQuery` (optional, its
 * value is the sample size). Both must return a single series or a
 * scalar; no series or NaN is no data (value null).
 */
export function createPrometheusCriterionSource(
  options: PrometheusCriterionSourceOptions,
): CriterionSource | undefined {
  const settings = readPrometheusSettings(options.config);
  if (!settings) {
    options.logger.info(
      'qualityGates.gates.prometheus.baseUrl is not set: prometheus criteria cannot be measured',
    );
    return undefined;
  }
  const client = new PrometheusClient({ ...settings, fetch: options.fetch });
  return {
    id: 'prometheus',
    measure: request =>
      measure(request, client, settings.externalUrl, options.logger),
  };
}

async function measure(
  request: CriterionMeasurementRequest,
  client: PrometheusClient,
  externalUrl: string,
  logger: LoggerService,
): Promise<CriterionMeasurement> {
  const definition = readPrometheusDefinition(request.definition);
  const window = readMeasurementWindow(request.window);
  const values = queryTemplateValues(request, window);
  const query = renderQueryTemplate(definition.query, values, 'query');
  const countQuery =
    definition.sampleCountQuery === undefined
      ? undefined
      : renderQueryTemplate(
          definition.sampleCountQuery,
          values,
          'sampleCountQuery',
        );

  const [result, countResult] = await queryAll(request.signal, [
    signal => client.instantQuery(query, window.end, signal),
    ...(countQuery
      ? [
          (signal: AbortSignal) =>
            client.instantQuery(countQuery, window.end, signal),
        ]
      : []),
  ]);
  const observed = singleValue(result, query);
  const count =
    countResult && countQuery
      ? singleValue(countResult, countQuery, 'sampleCountQuery')
      : undefined;

  logger.debug(
    `prometheus criterion for ${request.entityRef} in ${request.environment}: ${observed.value}`,
  );
  return {
    value: observed.value,
    // No samples counted is a sample size of zero, not an unknown one.
    ...(count ? { sampleSize: Math.round(count.value ?? 0) } : {}),
    link: prometheusGraphLink(externalUrl, query, {
      range: window.duration,
      end: window.end,
    }),
    ...prometheusEvidence({
      value: observed.value,
      noData: observed.noData,
      windowMs: window.seconds * 1000,
      evaluatedAt: window.end.toISOString(),
      labels: observed.labels,
      ...(count
        ? { sampleCount: count.value, sampleCountNoData: count.noData }
        : {}),
      warnings: observed.warnings,
    }),
    details: {
      query,
      evaluatedAt: window.end.toISOString(),
      window: window.duration,
      resultType: observed.resultType,
      ...(observed.labels ? { labels: observed.labels } : {}),
      ...(observed.noData ? { noData: observed.noData } : {}),
      ...(observed.warnings ? { warnings: observed.warnings } : {}),
      ...(count
        ? {
            sampleCountQuery: countQuery,
            sampleCount: count.value,
            ...(count.noData ? { sampleCountNoData: count.noData } : {}),
          }
        : {}),
    },
  };
}

/** "query result 0.0128 over the last 30 min", or why there is none. */
export function prometheusEvidence(observed: {
  value: number | null;
  noData?: string;
  windowMs: number;
  evaluatedAt: string;
  labels?: Record<string, string>;
  sampleCount?: number | null;
  sampleCountNoData?: string;
  warnings?: string[];
}): Pick<CriterionMeasurement, 'summary' | 'facts' | 'valueKind'> {
  const over: EvidenceSentence = [
    ' over the last ',
    { kind: 'duration', ms: observed.windowMs },
  ];
  const labels = Object.entries(observed.labels ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const facts: EvidenceFact[] = [
    ...(observed.value !== null
      ? [{ kind: 'number' as const, value: observed.value, label: 'Value' }]
      : []),
    { kind: 'duration', ms: observed.windowMs, label: 'Window' },
    { kind: 'time', at: observed.evaluatedAt, label: 'Evaluated at' },
    ...(labels
      ? [{ kind: 'text' as const, text: labels, label: 'Series' }]
      : []),
    ...(observed.sampleCount !== undefined && observed.sampleCount !== null
      ? [
          {
            kind: 'count' as const,
            value: Math.round(observed.sampleCount),
            label: 'Samples',
          },
        ]
      : []),
    ...(observed.sampleCountNoData
      ? [
          {
            kind: 'text' as const,
            text: observed.sampleCountNoData,
            label: 'Sample count',
          },
        ]
      : []),
    ...(observed.warnings?.length
      ? [
          {
            kind: 'text' as const,
            text: observed.warnings.join('; '),
            label: 'Prometheus warnings',
          },
        ]
      : []),
  ];
  if (observed.value === null) {
    return {
      summary: [observed.noData ?? 'the query returned no value', ...over],
      facts,
    };
  }
  return {
    summary: [
      'query result ',
      { kind: 'number', value: observed.value },
      ...over,
    ],
    facts,
    valueKind: { kind: 'number' },
  };
}
