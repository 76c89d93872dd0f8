import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { gateEvaluatePermission } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { useDecisionLink } from '../decision/useDecisionLink';
import { useOverrideActions } from '../override/useOverrideActions';
import { EnvironmentDecisionCard } from './EnvironmentDecisionCard';
import { environmentsToShow, nextCandidate } from './nextCandidate';
import { NoGateEvaluations } from './NoGateEvaluations';
import { useVersionDecisions } from './useVersionDecisions';
import { VersionPicker } from './VersionPicker';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  question: {
    fontWeight: 500,
  },
  version: {
    fontFamily: 'monospace',
  },
}));

/**
 * "Can I deploy?": for a chosen version (by default the next one to
 * promote), each environment's answer in promotion order, then its gates
 * and their evidence. A version nobody asked about shows "not evaluated
 * yet", never another version's verdict.
 */
export function EntityGateStatusContent() {
  const classes = useStyles();
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(qualityGatesApiRef);
  const decisionLink = useDecisionLink();
  const [searchParams, setSearchParams] = useSearchParams();
  const { allowed: canEvaluate } = usePermission({
    permission: gateEvaluatePermission,
    resourceRef: entityRef,
  });

  const candidates = useAsync(
    () => api.gateCandidates(entityRef),
    [api, entityRef],
  );
  const next = useMemo(
    () => (candidates.value ? nextCandidate(candidates.value) : undefined),
    [candidates.value],
  );
  const chosen = searchParams.get('version')?.trim() || undefined;
  const version = chosen ?? next ?? '';
  const { decisions, overrides, evaluate, evaluating, failures, reload } =
    useVersionDecisions(entityRef, version);
  const actions = useOverrideActions(entityRef, reload);

  const choose = (nextVersion: string | undefined) => {
    const params = new URLSearchParams(searchParams);
    if (nextVersion) params.set('version', nextVersion);
    else params.delete('version');
    setSearchParams(params, { replace: true });
  };

  if (candidates.loading) return <Progress />;
  // Without candidates a typed version can still be asked about.
  const known = candidates.value ?? { environments: [], versions: [] };
  const decided = [...(decisions.value?.keys() ?? [])];
  const environments = environmentsToShow(known, decided);
  if (
    !candidates.error &&
    environments.length === 0 &&
    known.versions.length === 0 &&
    !chosen
  ) {
    return <NoGateEvaluations entityRef={entityRef} />;
  }
  const running = new Map(
    known.environments.map(e => [e.environment, e.runningVersion]),
  );
  const gated = new Map(known.environments.map(e => [e.environment, e.gated]));

  return (
    <section aria-label="Can I deploy?">
      <div className={classes.toolbar}>
        <Typography variant="h5" component="h2" className={classes.question}>
          Can I deploy{' '}
          <span className={classes.version} data-role="asked-version">
            {version || '…'}
          </span>
          ?
        </Typography>
        <VersionPicker
          value={version}
          versions={known.versions}
          onChange={choose}
        />
        {version &&
          known.versions.length > 0 &&
          !known.versions.some(v => v.version === version) &&
          decided.length === 0 && (
            <Typography
              variant="body2"
              color="textSecondary"
              data-role="unknown-version"
            >
              No build, deployment or decision of {version} is known: check the
              spelling.
            </Typography>
          )}
        {chosen && next && chosen !== next && (
          <Button size="small" onClick={() => choose(undefined)}>
            Back to the next to promote ({next})
          </Button>
        )}
      </div>
      {candidates.error && (
        <ResponseErrorPanel
          title="The versions and environments could not be loaded"
          error={candidates.error}
        />
      )}
      {decisions.error && (
        <ResponseErrorPanel
          title="The decisions could not be loaded"
          error={decisions.error}
        />
      )}
      {!decisions.value && decisions.loading ? (
        <Progress />
      ) : (
        <Grid container spacing={2}>
          {environments.map(environment => {
            const decision = decisions.value?.get(environment);
            return (
              // One under the other, in promotion order: each answer reads
              // first and its evidence has the width it needs.
              <Grid item xs={12} key={environment}>
                <EnvironmentDecisionCard
                  environment={environment}
                  gated={gated.get(environment)}
                  runningVersion={running.get(environment)}
                  version={version}
                  decision={decision}
                  overrides={(overrides.value ?? []).filter(
                    o => o.environment === environment,
                  )}
                  evaluating={!!evaluating[environment]}
                  evaluateError={failures[environment]}
                  onEvaluate={
                    canEvaluate ? () => evaluate(environment) : undefined
                  }
                  onOverride={actions.startOverride}
                  onRevoke={actions.startRevoke}
                  decisionLink={decision && decisionLink(decision.id)}
                />
              </Grid>
            );
          })}
        </Grid>
      )}
      {actions.dialogs}
    </section>
  );
}
