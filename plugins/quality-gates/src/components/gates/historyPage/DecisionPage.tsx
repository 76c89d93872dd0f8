import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  GateDecision,
  GateEvaluation,
  gateEvaluatePermission,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { gateHistoryRouteRef } from '../../../routes';
import { DecisionGates } from '../decision/DecisionGates';
import { DecisionHeadline } from '../decision/DecisionHeadline';
import { useDecisionLink } from '../decision/useDecisionLink';
import { useGateTabLink } from '../../shared/links/useGateTabLink';
import { ActiveOverrides } from '../override/ActiveOverrides';
import { useOverrideActions } from '../override/useOverrideActions';
import { EvaluateButton } from '../status/EvaluateButton';
import { shortRef } from './shortRef';
import { ProblemPanel } from '../../shared/errors/ProblemPanel';

const useStyles = makeStyles(theme => ({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    maxWidth: 1200,
  },
  answer: {
    padding: theme.spacing(2),
  },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
}));

function DecisionBody(props: { decision: GateDecision; reload: () => void }) {
  const classes = useStyles();
  const api = useApi(qualityGatesApiRef);
  const navigate = useNavigate();
  const gateTab = useGateTabLink();
  const decisionLink = useDecisionLink();
  const { decision, reload } = props;
  const { entityRef, environment, version } = decision;
  const { allowed: canEvaluate } = usePermission({
    permission: gateEvaluatePermission,
    resourceRef: entityRef,
  });
  const actions = useOverrideActions(entityRef, reload);
  const [evaluating, setEvaluating] = useState(false);
  const [failure, setFailure] = useState<Error>();
  const overrides = useAsync(
    () => api.listOverrides({ entityRef, environment, version, active: true }),
    [api, entityRef, environment, version, decision],
  );
  const gateTitles = Object.fromEntries(
    decision.evaluations.map(e => [e.gateId, e.gateTitle]),
  );

  // Asking again makes a new decision: its own page.
  const evaluateAgain = async () => {
    setEvaluating(true);
    setFailure(undefined);
    try {
      const next = await api.evaluateGates({
        entityRef,
        environment,
        version,
        trigger: 'manual',
      });
      const link = decisionLink(next.id);
      if (link) navigate(link);
    } catch (error) {
      setFailure(error as Error);
    } finally {
      setEvaluating(false);
    }
  };

  const { startOverride, startRevoke } = actions;
  return (
    <div className={classes.body}>
      <Paper className={classes.answer} variant="outlined">
        <DecisionHeadline
          decision={decision}
          version={version}
          environment={environment}
          actions={
            <>
              {canEvaluate && (
                <EvaluateButton
                  environment={environment}
                  evaluating={evaluating}
                  onEvaluate={evaluateAgain}
                />
              )}
              {startOverride && (
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => startOverride(decision)}
                >
                  Override…
                </Button>
              )}
            </>
          }
        />
        {failure && (
          <Typography color="error" role="alert">
            Could not evaluate: {failure.message}
          </Typography>
        )}
      </Paper>
      <div className={classes.links}>
        <Link
          to={`${gateTab(entityRef)}?version=${encodeURIComponent(version)}`}
        >
          {shortRef(entityRef)}’s “Can I deploy?” tab for {version}
        </Link>
      </div>
      <ActiveOverrides
        overrides={(overrides.value?.items ?? []).filter(
          o => o.environment === environment && o.version === version,
        )}
        gateTitles={gateTitles}
        onRevoke={
          startRevoke &&
          (override =>
            startRevoke(
              override,
              override.gateId ? gateTitles[override.gateId] : undefined,
            ))
        }
      />
      <section aria-label="Gates">
        <Typography variant="h6" component="h2" gutterBottom>
          Gates
        </Typography>
        <DecisionGates
          decision={decision}
          action={
            startOverride &&
            ((evaluation: GateEvaluation) => (
              <Button
                size="small"
                variant="outlined"
                onClick={() => startOverride(decision, evaluation.gateId)}
              >
                Override this gate
              </Button>
            ))
          }
        />
      </section>
      {actions.dialogs}
    </div>
  );
}

/**
 * One decision on its own page (`/gate-history/decisions/:decisionId`):
 * the answer, why, its overrides and every gate with its evidence.
 */
export function DecisionPage() {
  const api = useApi(qualityGatesApiRef);
  const history = useRouteRef(gateHistoryRouteRef);
  const { decisionId = '' } = useParams();
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads(count => count + 1), []);
  const loaded = useAsync(
    () => api.getDecision(decisionId),
    [api, decisionId, reloads],
  );
  const decision = loaded.value;

  return (
    <Page themeId="tool">
      <Header
        title={
          decision
            ? `Can ${decision.version} go to ${decision.environment}?`
            : 'Gate decision'
        }
        subtitle={decision ? shortRef(decision.entityRef) : undefined}
        type="Gate decision"
        typeLink={history()}
      />
      <Content>
        {loaded.error && (
          <ProblemPanel
            error={loaded.error}
            notFound="This gate decision no longer exists"
            failed="The decision could not be loaded"
          />
        )}
        {!decision && !loaded.error && <Progress />}
        {decision && <DecisionBody decision={decision} reload={reload} />}
      </Content>
    </Page>
  );
}
