export { registerGateActions } from './gateActions';
export { registerReadinessActions } from './readinessActions';
export { registerDoraActions } from './doraActions';
