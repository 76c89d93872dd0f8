export { EntityDeliveryTimelineContent } from './EntityDeliveryTimelineContent';
export { ENTITY_TIMELINE_TAB_PATH } from '../shared/links/timelineTabLink';
