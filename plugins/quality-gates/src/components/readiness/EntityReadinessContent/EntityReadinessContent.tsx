import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ReadinessExemption,
  readinessEvaluatePermission,
  readinessExemptionCreatePermission,
  readinessExemptionRevokePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { byStateThenOrder } from '../checks/checkOrder';
import {
  CheckWithResult,
  ReadinessCheckPanel,
} from '../checks/ReadinessCheckPanel';
import { ExemptionAuditTable } from '../exemptions/ExemptionAuditTable';
import { activeExemptionFor } from '../exemptions/exemptionStatus';
import {
  GrantExemptionDialog,
  GrantExemptionInput,
} from '../exemptions/GrantExemptionDialog';
import { ReadinessHistoryChart } from '../history/ReadinessHistoryChart';
import { ReadinessSummaryCard } from './ReadinessSummaryCard';
import { useEntityReadiness } from './useEntityReadiness';
import { ProblemPanel } from '../../shared/errors/ProblemPanel';
import { entityNotFound } from '../../shared/errors/problemTitle';

/**
 * The entity's readiness tab: level and score, every check with what is
 * missing and how to fix it, exemptions, and how it changed over time.
 */
export function EntityReadinessContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(qualityGatesApiRef);
  const alertApi = useApi(alertApiRef);
  const { readiness, history, evaluation, evaluate, reload } =
    useEntityReadiness(entityRef);
  const { allowed: canEvaluate } = usePermission({
    permission: readinessEvaluatePermission,
    resourceRef: entityRef,
  });
  const { allowed: canGrant } = usePermission({
    permission: readinessExemptionCreatePermission,
    resourceRef: entityRef,
  });
  const { allowed: canRevoke } = usePermission({
    permission: readinessExemptionRevokePermission,
    resourceRef: entityRef,
  });
  const [grantFor, setGrantFor] = useState<CheckWithResult>();

  if (readiness.loading && !readiness.value) return <Progress />;
  if (readiness.error && !readiness.value) {
    return (
      <ProblemPanel
        error={readiness.error}
        notFound={entityNotFound(entityRef)}
      />
    );
  }
  const value = readiness.value;
  if (!value) return null;

  const grant = async (input: GrantExemptionInput) => {
    if (!grantFor) return;
    await api.createReadinessExemption({
      entityRef,
      checkId: grantFor.id,
      ...input,
    });
    alertApi.post({
      message: `Exemption from "${grantFor.title}" granted.`,
      severity: 'success',
      display: 'transient',
    });
    setGrantFor(undefined);
    reload();
  };

  const revoke = async (exemption: ReadinessExemption) => {
    try {
      await api.revokeReadinessExemption(exemption.id);
      alertApi.post({
        message: 'Exemption revoked.',
        severity: 'success',
        display: 'transient',
      });
      reload();
    } catch (error) {
      alertApi.post({
        message: `Could not revoke the exemption: ${(error as Error).message}`,
        severity: 'error',
      });
    }
  };

  const checkTitle = (checkId: string) =>
    value.checks.find(check => check.id === checkId)?.title ?? checkId;

  return (
    <Grid container spacing={3}>
      {evaluation.error && (
        <Grid item xs={12}>
          <ResponseErrorPanel
            title="The evaluation failed"
            error={evaluation.error}
          />
        </Grid>
      )}
      <Grid item xs={12} lg={5}>
        <ReadinessSummaryCard
          levels={value.levels}
          summary={value.summary}
          evaluating={evaluation.loading}
          onEvaluate={canEvaluate ? evaluate : undefined}
        />
      </Grid>
      <Grid item xs={12} lg={7}>
        {history.error ? (
          <ResponseErrorPanel title="No history" error={history.error} />
        ) : (
          <ReadinessHistoryChart
            levels={value.levels}
            items={history.value?.items ?? []}
            lastEvaluatedAt={value.summary?.evaluatedAt}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Checks" subheader="What needs work comes first">
          {value.checks.length === 0 && (
            <Typography>No readiness checks are configured.</Typography>
          )}
          {byStateThenOrder(value.checks).map(check => (
            <ReadinessCheckPanel
              key={check.id}
              check={check}
              levels={value.levels}
              exemption={activeExemptionFor(
                value.exemptions,
                check.id,
                check.result.exemptionId,
              )}
              onGrantExemption={canGrant ? () => setGrantFor(check) : undefined}
              onRevokeExemption={canRevoke ? revoke : undefined}
            />
          ))}
        </InfoCard>
      </Grid>
      {value.exemptions.length > 0 && (
        <Grid item xs={12}>
          <ExemptionAuditTable
            exemptions={value.exemptions}
            checkTitle={checkTitle}
          />
        </Grid>
      )}
      {grantFor && (
        <GrantExemptionDialog
          checkTitle={grantFor.title}
          onClose={() => setGrantFor(undefined)}
          onGrant={grant}
        />
      )}
    </Grid>
  );
}
