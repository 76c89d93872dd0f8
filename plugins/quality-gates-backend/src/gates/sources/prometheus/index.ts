export { createPrometheusCriterionSource } from './prometheusCriterionSource';
export type { PrometheusCriterionSourceOptions } from './prometheusCriterionSource';
export { QUERY_PLACEHOLDERS } from './queryTemplate';
