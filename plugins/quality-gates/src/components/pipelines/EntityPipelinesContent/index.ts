export { EntityPipelinesContent } from './EntityPipelinesContent';
