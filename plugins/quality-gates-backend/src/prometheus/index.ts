export { PrometheusClient } from './PrometheusClient';
export type {
  InstantQueryResult,
  PrometheusClientOptions,
  PrometheusRangeSeries,
  PrometheusRule,
  PrometheusSample,
} from './PrometheusClient';
export { PrometheusQueryError } from './PrometheusQueryError';
export { readPrometheusSettings } from './prometheusSettings';
export type { PrometheusSettings } from './prometheusSettings';
export { queryAll } from './queryAll';
