export { createPrometheusCriterionSource } from './prometheusCriterionSource';
export type { PrometheusCriterionSourceOptions } from './prometheusCriterionSource';
export { PrometheusClient, PrometheusQueryError } from './PrometheusClient';
export type {
  InstantQueryResult,
  PrometheusClientOptions,
  PrometheusSample,
} from './PrometheusClient';
export { readPrometheusSettings } from './prometheusSettings';
export type { PrometheusSettings } from './prometheusSettings';
export { QUERY_PLACEHOLDERS } from './queryTemplate';
