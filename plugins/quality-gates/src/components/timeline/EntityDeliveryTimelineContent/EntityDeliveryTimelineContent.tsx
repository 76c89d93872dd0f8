import { useCallback, useMemo, useState } from 'react';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TimelineGateDecision } from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { GateEvaluationDialog } from '../../gates/detail/GateEvaluationDialog';
import { AsyncContent } from '../../shared/AsyncContent';
import { DeliveryTimelineChart } from '../chart/DeliveryTimelineChart';
import { timelineModel } from '../chart/timelineModel';
import { DeploymentDrawer } from '../drawer/DeploymentDrawer';
import { RangeToolbar } from '../../shared/range/RangeToolbar';
import { useTimelineRange } from '../../shared/range/useTimelineRange';
import { WhatIsWhereTable } from '../whatIsWhere/WhatIsWhereTable';
import { ProblemPanel } from '../../shared/errors/ProblemPanel';
import { entityNotFound } from '../../shared/errors/problemTitle';
import { SetupHint } from '../../shared/empty/SetupHint';

/** The URL parameter of the deployment open in the drawer. */
const DEPLOYMENT_PARAM = 'deployment';

/** The open deployment, in the URL so a link can open it. */
function useOpenDeployment() {
  const [searchParams, setSearchParams] = useSearchParams();
  const open = searchParams.get(DEPLOYMENT_PARAM) ?? undefined;
  const setOpen = useCallback(
    (deploymentId: string | undefined) =>
      setSearchParams(
        current => {
          const next = new URLSearchParams(current);
          if (deploymentId) next.set(DEPLOYMENT_PARAM, deploymentId);
          else next.delete(DEPLOYMENT_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  return [open, setOpen] as const;
}

/**
 * The entity's deploy timeline tab: every environment as a lane with its
 * deployments, gate decisions and incidents over a range; what runs where
 * now and how far production lags; a deployment opened with what it
 * brought and how it was decided.
 *
 * @public
 */
export function EntityDeliveryTimelineContent() {
  const api = useApi(qualityGatesApiRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { range, window, setRange } = useTimelineRange();
  const [openDeployment, setOpenDeployment] = useOpenDeployment();
  const [openDecision, setOpenDecision] = useState<TimelineGateDecision>();

  const timeline = useAsync(
    () => api.getDeliveryTimeline({ entityRef, ...window }),
    [api, entityRef, window],
  );
  const states = useAsync(
    () => api.getEnvironmentStates({ entityRef }),
    [api, entityRef],
  );
  // Computed once per answer: zooming and hovering reuse it.
  const model = useMemo(
    () => (timeline.value ? timelineModel(timeline.value) : undefined),
    [timeline.value],
  );
  const onOpenDeployment = useCallback(
    (id: string) => setOpenDeployment(id),
    [setOpenDeployment],
  );

  const chart = () => {
    if (timeline.error) {
      return (
        <ProblemPanel
          error={timeline.error}
          notFound={entityNotFound(entityRef)}
        />
      );
    }
    if (!model) return <Progress />;
    if (model.lanes.length === 0) {
      return (
        <SetupHint
          title="No deployment of this entity yet"
          docs={{ path: 'docs/delivery-events.md', section: 'Sources' }}
        >
          The timeline draws deployments per environment, with the gate
          decisions, incidents and changes around them. They arrive from GitHub
          deployment webhooks, CDEvents or the JSON API, and land on this entity
          by its entity ref, its quality-gates/service-name annotation or its
          repository.
        </SetupHint>
      );
    }
    return (
      <>
        {timeline.loading && <LinearProgress />}
        <DeliveryTimelineChart
          model={model}
          onOpenDeployment={onOpenDeployment}
          onOpenGateDecision={setOpenDecision}
        />
      </>
    );
  };

  return (
    <Grid container spacing={3}>
      <RangeToolbar range={range} window={window} onChange={setRange} />
      {timeline.value?.truncated && (
        <Grid item xs={12}>
          <WarningPanel
            severity="info"
            defaultExpanded
            title="This range holds more than the timeline draws"
            message="Only the newest deployments, gate decisions and incidents are shown. Pick a shorter range to see all of them."
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title="Deploy timeline">{chart()}</InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="What is where"
          subheader="The version each environment runs now, and what production has not received yet"
        >
          <AsyncContent state={states}>
            {value => (
              <WhatIsWhereTable
                states={value}
                onOpenDeployment={onOpenDeployment}
              />
            )}
          </AsyncContent>
        </InfoCard>
      </Grid>
      {openDeployment && (
        <DeploymentDrawer
          deploymentId={openDeployment}
          onClose={() => setOpenDeployment(undefined)}
        />
      )}
      {openDecision && (
        <GateEvaluationDialog
          evaluationId={openDecision.evaluationId}
          onClose={() => setOpenDecision(undefined)}
        />
      )}
    </Grid>
  );
}
