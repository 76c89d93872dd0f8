export { EntityGateStatusContent } from './EntityGateStatusContent';
