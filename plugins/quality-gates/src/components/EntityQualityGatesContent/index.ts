export { EntityQualityGatesContent } from './EntityQualityGatesContent';
