export { EntityDoraRollupContent } from './EntityDoraRollupContent';
