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
export * from './entities/EntityFilter';
export * from './entities/canonicalEntityRef';
export * from './readiness/ReadinessCheck';
export * from './readiness/readinessLevel';
export * from './readiness/ReadinessResponses';
export * from './readiness/ReadinessRollups';
export * from './permissions';
export * from './dora/DoraMetrics';
export * from './dora/doraBands';
export * from './gates/GateEvaluation';
export * from './gates/GateDecision';
export * from './gates/decisionAnswer';
export * from './gates/decisionSentence';
export * from './evidence/EvidenceFact';
export * from './evidence/formatEvidence';
export * from './evidence/pinnedBaseline';
export * from './gates/GateEffectiveness';
export * from './gates/gateScore';
export * from './gates/thresholds';
export * from './timeline/DeliveryTimeline';
export * from './pipelines/PipelineStats';
export * from './pipelines/ciTaskKind';
export * from './traces/TraceSpan';
