export { EntityReadinessRollupCard } from './EntityReadinessRollupCard';
