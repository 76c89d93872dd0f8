export { createMlflowCriterionSource } from './mlflowCriterionSource';
export type { MlflowCriterionSourceOptions } from './mlflowCriterionSource';
export { MlflowClient, MlflowRequestError } from './MlflowClient';
export type {
  MlflowClientOptions,
  MlflowMetric,
  MlflowModelVersion,
  MlflowRun,
} from './MlflowClient';
export { readMlflowSettings } from './mlflowSettings';
export type { MlflowSettings } from './mlflowSettings';
