export { EntityPipelinesContent } from './EntityPipelinesContent';
export { ENTITY_PIPELINES_TAB_PATH } from './links/pipelinesTabLink';
