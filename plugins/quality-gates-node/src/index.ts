/**
 * Extension points and interfaces for quality-gates backend modules.
 *
 * @packageDocumentation
 */

export * from './criteria/CriterionSource';
export * from './criteria/measuredValue';
export * from './extensions';
export * from './readiness/ReadinessCheck';
export * from './readiness/readinessChecksExtensionPoint';
export * from './criteria/criterionTemplate';
