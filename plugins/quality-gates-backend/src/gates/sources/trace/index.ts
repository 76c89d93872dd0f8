export { createTraceCriterionSource } from './traceCriterionSource';
