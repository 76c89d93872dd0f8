import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows granting an entity an exemption from a readiness check.
 *
 * @public
 */
export const readinessExemptionCreatePermission = createPermission({
  name: 'quality-gates.readiness.exemption.create',
  attributes: { action: 'create' },
});

/**
 * Allows revoking a readiness exemption.
 *
 * @public
 */
export const readinessExemptionRevokePermission = createPermission({
  name: 'quality-gates.readiness.exemption.revoke',
  attributes: { action: 'update' },
});

/**
 * Allows overriding a gate's verdict, with a reason and an expiry.
 *
 * @public
 */
export const gateOverridePermission = createPermission({
  name: 'quality-gates.gate.override',
  attributes: { action: 'update' },
});

/**
 * Every permission the quality-gates plugin defines.
 *
 * @public
 */
export const qualityGatesPermissions = [
  readinessExemptionCreatePermission,
  readinessExemptionRevokePermission,
  gateOverridePermission,
];
