import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/*
 * Every write of the plugin has a permission. Those about one entity are
 * resource permissions on the catalog entity, so a policy can decide with
 * the catalog's own conditions (e.g. "owners of the entity may evaluate",
 * `catalogConditions.isEntityOwner`). Ingest is authorized before the event
 * names its entity, so it is a basic permission.
 */

/**
 * Allows sending delivery events: deployments, incidents, heartbeats,
 * CDEvents and OTLP traces (GitHub webhooks are checked by their signature).
 * Whoever holds it writes the history that gates read.
 *
 * @public
 */
export const eventsCreatePermission = createPermission({
  name: 'quality-gates.events.create',
  attributes: { action: 'create' },
});

/**
 * Allows asking the gates for a decision about an entity; the decision and
 * its evaluations are stored.
 *
 * @public
 */
export const gateEvaluatePermission = createPermission({
  name: 'quality-gates.gate.evaluate',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows overriding a gate's verdict for an entity, with a reason and an
 * expiry.
 *
 * @public
 */
export const gateOverridePermission = createPermission({
  name: 'quality-gates.gate.override',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows revoking an override before it expires.
 *
 * @public
 */
export const gateOverrideRevokePermission = createPermission({
  name: 'quality-gates.gate.override.revoke',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows pinning a gate evaluation as the baseline of relative criteria
 * (and unpinning it).
 *
 * @public
 */
export const gateBaselinePinPermission = createPermission({
  name: 'quality-gates.gate.baseline.pin',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows evaluating an entity's readiness now, outside the schedule.
 *
 * @public
 */
export const readinessEvaluatePermission = createPermission({
  name: 'quality-gates.readiness.evaluate',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows granting an entity an exemption from a readiness check.
 *
 * @public
 */
export const readinessExemptionCreatePermission = createPermission({
  name: 'quality-gates.readiness.exemption.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows revoking a readiness exemption.
 *
 * @public
 */
export const readinessExemptionRevokePermission = createPermission({
  name: 'quality-gates.readiness.exemption.revoke',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission the quality-gates plugin defines.
 *
 * @public
 */
export const qualityGatesPermissions = [
  eventsCreatePermission,
  gateEvaluatePermission,
  gateOverridePermission,
  gateOverrideRevokePermission,
  gateBaselinePinPermission,
  readinessEvaluatePermission,
  readinessExemptionCreatePermission,
  readinessExemptionRevokePermission,
];
