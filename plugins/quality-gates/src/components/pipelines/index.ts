export { EntityPipelinesContent } from './EntityPipelinesContent';
export { ENTITY_PIPELINES_TAB_PATH } from '../shared/links/pipelinesTabLink';
