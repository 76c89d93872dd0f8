import { ReadinessExemption } from '@can-i-deploy/plugin-quality-gates-common';

/** In force, revoked or expired: in words, for the audit list. */
export function exemptionStatus(exemption: ReadinessExemption): string {
  if (exemption.active) return 'In force';
  if (exemption.revokedAt) return 'Revoked';
  return 'Expired';
}

/** The exemption in force for a check, if any. */
export function activeExemptionFor(
  exemptions: ReadinessExemption[],
  checkId: string,
  exemptionId?: string,
): ReadinessExemption | undefined {
  return (
    exemptions.find(exemption => exemption.id === exemptionId) ??
    exemptions.find(
      exemption => exemption.active && exemption.checkId === checkId,
    )
  );
}
