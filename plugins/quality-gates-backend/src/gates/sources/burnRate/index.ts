export { createBurnRateCriterionSource } from './burnRateCriterionSource';
export { DEFAULT_BURN_RATE_WINDOWS } from './burnRateDefinition';
export type { BurnRateWindowPair } from './burnRateDefinition';
