import { useCallback, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  GateEvaluation,
  gateOverridePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  OverrideGateEvaluationRequest,
  qualityGatesApiRef,
} from '../../../api/QualityGatesApi';
import { GateEvaluationDialog } from '../detail/GateEvaluationDialog';
import { OverrideGateDialog } from '../override/OverrideGateDialog';
import { gateLanesByEnvironment } from './gateLanes';
import { GateLaneCard } from './GateLaneCard';
import { NoGateEvaluations } from './NoGateEvaluations';

/**
 * The entity's gates: per environment in promotion order, the latest
 * verdict of each gate with its evidence, override and history strip.
 */
export function EntityGateStatusContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(qualityGatesApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed: canOverride } = usePermission({
    permission: gateOverridePermission,
  });
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads(count => count + 1), []);
  const [overriding, setOverriding] = useState<GateEvaluation>();
  const [openedId, setOpenedId] = useState<string>();

  const status = useAsync(
    () => api.getGateStatus(entityRef),
    [api, entityRef, reloads],
  );

  if (status.loading && !status.value) return <Progress />;
  if (status.error && !status.value) {
    return (
      <ResponseErrorPanel
        title="The gate status could not be loaded"
        error={status.error}
      />
    );
  }
  if (!status.value || status.value.latest.length === 0) {
    return <NoGateEvaluations entityRef={entityRef} />;
  }

  const override = async (request: OverrideGateEvaluationRequest) => {
    if (!overriding) return;
    await api.overrideGateEvaluation(overriding.id, request);
    alertApi.post({
      message: `${overriding.gateTitle} in ${overriding.environment} overridden to ${request.verdict}.`,
      severity: 'success',
      display: 'transient',
    });
    setOverriding(undefined);
    reload();
  };

  return (
    <section aria-label="Deployment gates">
      <Grid container spacing={2}>
        {gateLanesByEnvironment(status.value).map(group => (
          <Grid
            item
            xs={12}
            key={group.environment}
            component="section"
            aria-label={`Gates in ${group.environment}`}
          >
            <Typography variant="h5" component="h2" gutterBottom>
              {group.environment}
            </Typography>
            <Grid container spacing={2}>
              {group.lanes.map(lane => (
                <Grid item xs={12} lg={6} key={lane.latest.id}>
                  <GateLaneCard
                    lane={lane}
                    onOverride={canOverride ? setOverriding : undefined}
                    onOpen={setOpenedId}
                  />
                </Grid>
              ))}
            </Grid>
          </Grid>
        ))}
      </Grid>
      {overriding && (
        <OverrideGateDialog
          evaluation={overriding}
          onClose={() => setOverriding(undefined)}
          onOverride={override}
        />
      )}
      {openedId && (
        <GateEvaluationDialog
          evaluationId={openedId}
          onClose={() => setOpenedId(undefined)}
        />
      )}
    </section>
  );
}
