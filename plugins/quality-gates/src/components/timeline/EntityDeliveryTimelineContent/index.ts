export { EntityDeliveryTimelineContent } from './EntityDeliveryTimelineContent';
