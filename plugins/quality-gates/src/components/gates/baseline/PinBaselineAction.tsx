import { useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  GateEvaluation,
  gateBaselinePinPermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { PinBaselineDialog } from './PinBaselineDialog';

/**
 * Whether a criterion of the evaluation compares with the baseline pinned
 * for its gate (`baseline: { pinned: true }`): only then does a pin change
 * anything.
 */
function comparesWithPin(evaluation: GateEvaluation): boolean {
  return evaluation.criteria.some(
    ({ baseline }) =>
      baseline !== undefined &&
      (baseline.aggregate === 'pinned' || baseline.pinned !== undefined),
  );
}

/**
 * "Pin as baseline" or "Unpin" on one evaluation, for those allowed to pin
 * for its entity; asks first. Pinning is offered only where a criterion
 * compares with the pinned baseline; a pin can always be removed.
 * `onChanged` gets the evaluation as stored.
 */
export function PinBaselineAction(props: {
  evaluation: GateEvaluation;
  onChanged: (evaluation: GateEvaluation) => void;
}) {
  const { evaluation } = props;
  const api = useApi(qualityGatesApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: gateBaselinePinPermission,
    resourceRef: evaluation.entityRef,
  });
  const [confirming, setConfirming] = useState(false);
  const unpin = evaluation.pin !== undefined;
  if (!allowed || (!unpin && !comparesWithPin(evaluation))) return null;

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={() => setConfirming(true)}
      >
        {unpin ? 'Unpin' : 'Pin as baseline'}
      </Button>
      {confirming && (
        <PinBaselineDialog
          evaluation={evaluation}
          unpin={unpin}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const stored = unpin
              ? await api.unpinGateEvaluation(evaluation.id)
              : await api.pinGateEvaluation(evaluation.id);
            alertApi.post({
              message: unpin
                ? `${evaluation.gateTitle}: ${evaluation.version} is no longer the baseline in ${evaluation.environment}.`
                : `${evaluation.gateTitle}: ${evaluation.version} is now the baseline in ${evaluation.environment}.`,
              severity: 'success',
              display: 'transient',
            });
            setConfirming(false);
            props.onChanged(stored);
          }}
        />
      )}
    </>
  );
}
