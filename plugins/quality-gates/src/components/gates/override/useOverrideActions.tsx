import { ReactNode, useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  GateDecision,
  GateOverride,
  gateOverridePermission,
  gateOverrideRevokePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { OverrideDecisionDialog } from './OverrideDecisionDialog';
import { RevokeOverrideDialog } from './RevokeOverrideDialog';

/**
 * Overriding a decision and revoking overrides for one entity: whether the
 * user may, the actions that open their dialogs, and the dialogs to render.
 * `onChanged` runs after a change was stored.
 */
export function useOverrideActions(entityRef: string, onChanged: () => void) {
  const api = useApi(qualityGatesApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed: canOverride } = usePermission({
    permission: gateOverridePermission,
    resourceRef: entityRef,
  });
  const { allowed: canRevoke } = usePermission({
    permission: gateOverrideRevokePermission,
    resourceRef: entityRef,
  });
  const [overriding, setOverriding] = useState<{
    decision: GateDecision;
    gateId?: string;
  }>();
  const [revoking, setRevoking] = useState<{
    override: GateOverride;
    gateTitle?: string;
  }>();

  let dialogs: ReactNode = null;
  if (overriding) {
    const { decision } = overriding;
    dialogs = (
      <OverrideDecisionDialog
        decision={decision}
        gateId={overriding.gateId}
        onClose={() => setOverriding(undefined)}
        onOverride={async request => {
          await api.overrideDecision(decision.id, request);
          alertApi.post({
            message: `Overridden: ${decision.version} in ${decision.environment}. Evaluate again to act on it.`,
            severity: 'success',
            display: 'transient',
          });
          setOverriding(undefined);
          onChanged();
        }}
      />
    );
  } else if (revoking) {
    const { override } = revoking;
    dialogs = (
      <RevokeOverrideDialog
        override={override}
        gateTitle={revoking.gateTitle}
        onClose={() => setRevoking(undefined)}
        onRevoke={async reason => {
          await api.revokeOverride(override.id, reason);
          alertApi.post({
            message: `Override of ${override.version} in ${override.environment} revoked.`,
            severity: 'success',
            display: 'transient',
          });
          setRevoking(undefined);
          onChanged();
        }}
      />
    );
  }

  return {
    startOverride: canOverride
      ? (decision: GateDecision, gateId?: string) =>
          setOverriding({ decision, gateId })
      : undefined,
    startRevoke: canRevoke
      ? (override: GateOverride, gateTitle?: string) =>
          setRevoking({ override, gateTitle })
      : undefined,
    dialogs,
  };
}
