export { createHeartbeatCriterionSource } from './heartbeatCriterionSource';
