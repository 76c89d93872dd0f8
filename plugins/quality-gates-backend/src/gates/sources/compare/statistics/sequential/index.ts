/** Judgements that stay valid however often the same version is judged. */
export { judgeErrorRatioSequentially } from './errorRatioSequential';
export {
  SEQUENTIAL_ERROR_RATIO_DEFAULTS,
  type SequentialErrorRatioOptions,
} from './errorRatioSettings';
export { judgeLatencySequentially } from './latencySequential';
export {
  SEQUENTIAL_LATENCY_DEFAULTS,
  type SequentialLatencyOptions,
} from './latencySettings';
export type { QuantileCheck } from './latencyQuantiles';
export { secondsUntil, type SequentialVerdict } from './sequentialVerdict';
