export { createHttpCheckCriterionSource } from './httpCheckCriterionSource';
export type { HttpCheckCriterionSourceOptions } from './httpCheckCriterionSource';
export { readHttpCheckSettings } from './httpCheckSettings';
export type { HttpCheckSettings } from './httpCheckSettings';
