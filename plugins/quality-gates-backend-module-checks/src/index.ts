/**
 * Criterion sources for quality gates: synthetic HTTP checks and MLflow
 * model metrics, added through the plugin's extension point.
 *
 * @packageDocumentation
 */

export { qualityGatesModuleChecks as default } from './module';
export {
  createHttpCheckCriterionSource,
  readHttpCheckSettings,
} from './httpCheck';
export type {
  HttpCheckCriterionSourceOptions,
  HttpCheckSettings,
} from './httpCheck';
export {
  createMlflowCriterionSource,
  MlflowClient,
  MlflowRequestError,
  readMlflowSettings,
} from './mlflow';
export type {
  MlflowClientOptions,
  MlflowCriterionSourceOptions,
  MlflowMetric,
  MlflowModelVersion,
  MlflowRun,
  MlflowSettings,
} from './mlflow';
