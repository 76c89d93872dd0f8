/**
 * Types and pure domain logic shared by the quality-gates backend and frontend.
 *
 * @packageDocumentation
 */

export * from './deployments/Deployment';
export * from './api/responses';
export * from './delivery/DeliveryEvents';
export { QUALITY_GATES_PLUGIN_ID } from './pluginId';
export { sortByPromotionOrder } from './environments/promotionOrder';
