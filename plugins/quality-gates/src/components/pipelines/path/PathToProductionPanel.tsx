import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  PathStep,
  PathToProduction,
  PipelineRun,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import BuildIcon from '@material-ui/icons/Build';
import CloudUploadIcon from '@material-ui/icons/CloudUpload';
import { DateTime } from 'luxon';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { DeploymentStatusLabel } from '../../DeploymentStatusLabel';
import { formatDuration } from '../../shared/format/formatDuration';
import { VersionDecisions } from '../../gates/decision/VersionDecisions';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { useTimelineTabLink } from '../../shared/links/timelineTabLink';
import { formatRef, shortSha } from '../runs/formatRef';
import { PipelineResultChip } from '../../shared/pipelines/PipelineResultChip';
import { orderedSteps, stepTitle } from './pathSteps';

const useStyles = makeStyles(theme => ({
  steps: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  step: {
    position: 'relative',
    display: 'flex',
    gap: theme.spacing(2),
    paddingBottom: theme.spacing(2),
    // The line joining one step to the next.
    '&:not(:last-child)::before': {
      content: '""',
      position: 'absolute',
      left: 15,
      top: 32,
      bottom: 0,
      borderLeft: `2px solid ${theme.palette.divider}`,
    },
  },
  icon: {
    flex: '0 0 32px',
    height: 32,
    borderRadius: 16,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: theme.palette.action.selected,
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

function elapsed(from: string, to: string | undefined): string | undefined {
  if (!to) return undefined;
  return formatDuration(
    DateTime.fromISO(to).diff(DateTime.fromISO(from), 'seconds').seconds,
  );
}

function RunStep(props: {
  run: PipelineRun;
  onOpenRun: (run: PipelineRun) => void;
}) {
  const classes = useStyles();
  const { run } = props;
  const took = elapsed(run.startedAt, run.finishedAt);
  return (
    <>
      <div className={classes.line}>
        <PipelineResultChip result={run.result} />
        <Typography variant="body2">
          {formatRef(run.ref)}
          {run.sha ? ` · ${shortSha(run.sha)}` : ''}
          {took ? ` · took ${took}` : ''}
        </Typography>
      </div>
      <div className={classes.line}>
        {run.url && <Link to={run.url}>Open run</Link>}
        {run.traceId && (
          <Button size="small" onClick={() => props.onOpenRun(run)}>
            Trace
          </Button>
        )}
      </div>
    </>
  );
}

function DeploymentStep(props: {
  step: Extract<PathStep, { kind: 'deployment' }>;
}) {
  const classes = useStyles();
  const timelineTab = useTimelineTabLink();
  const { deployment } = props.step;
  const took = elapsed(deployment.startedAt, deployment.finishedAt);
  return (
    <>
      <div className={classes.line}>
        <DeploymentStatusLabel status={deployment.status} />
        <Typography variant="body2">
          {deployment.version}
          {deployment.actor ? ` · by ${deployment.actor}` : ''}
          {took ? ` · took ${took}` : ''}
        </Typography>
      </div>
      <div aria-label="Gate decisions" role="group">
        <VersionDecisions
          entityRef={deployment.entityRef}
          environment={deployment.environment}
          version={deployment.version}
        />
      </div>
      <Link to={timelineTab(deployment.entityRef, deployment.id)}>
        Open on the deploy timeline
      </Link>
    </>
  );
}

function PathSummary(props: { path: PathToProduction }) {
  const { path } = props;
  if (path.steps.length === 0) {
    return <>No CI run or deployment of it was received for this entity.</>;
  }
  if (!path.reachedProduction) return <>Not in production yet.</>;
  return (
    <>
      Reached production
      {path.durationSeconds !== undefined
        ? ` in ${formatDuration(path.durationSeconds)}, from its first CI run`
        : ''}
      .
    </>
  );
}

/**
 * The way of one commit or version to production: its CI runs and
 * deployments in time order, from pull request checks to the production
 * deployment, with the gates' verdicts on the way.
 */
export function PathToProductionPanel(props: {
  entityRef: string;
  subject: { sha: string } | { version: string };
  onOpenRun: (run: PipelineRun) => void;
  onClose: () => void;
}) {
  const classes = useStyles();
  const api = useApi(qualityGatesApiRef);
  const { entityRef, subject } = props;
  const key = 'sha' in subject ? subject.sha : subject.version;
  const path = useAsync(
    () =>
      api.getPathToProduction(
        'sha' in subject
          ? { entityRef, sha: subject.sha }
          : { entityRef, version: subject.version },
      ),
    // The subject object may be new on every render; its key is not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityRef, key],
  );
  const name = 'sha' in subject ? shortSha(subject.sha) : subject.version;

  const body = () => {
    if (path.error) return <ResponseErrorPanel error={path.error} />;
    if (!path.value) return <Progress />;
    const steps = orderedSteps(path.value.steps);
    return (
      <>
        <Typography variant="body1" gutterBottom>
          <PathSummary path={path.value} />
        </Typography>
        <ol className={classes.steps} aria-label="Path to production">
          {steps.map(step => (
            <li
              key={`${step.kind}-${
                step.kind === 'pipelineRun'
                  ? step.pipelineRun.id
                  : step.deployment.id
              }`}
              className={classes.step}
              data-step={step.kind}
            >
              <span className={classes.icon} aria-hidden>
                {step.kind === 'pipelineRun' ? (
                  <BuildIcon fontSize="small" />
                ) : (
                  <CloudUploadIcon fontSize="small" />
                )}
              </span>
              <div>
                <Typography variant="subtitle2" component="h4">
                  {stepTitle(step)}
                </Typography>
                <Typography variant="caption" color="textSecondary">
                  <RelativeTime iso={step.at} withAbsolute />
                </Typography>
                {step.kind === 'pipelineRun' ? (
                  <RunStep run={step.pipelineRun} onOpenRun={props.onOpenRun} />
                ) : (
                  <DeploymentStep step={step} />
                )}
              </div>
            </li>
          ))}
        </ol>
      </>
    );
  };

  return (
    <InfoCard
      title={`Path of ${name} to production`}
      subheader={'sha' in subject ? `Commit ${subject.sha}` : 'Version'}
      action={<Button onClick={props.onClose}>Close</Button>}
    >
      <section aria-label="Path to production of the commit or version">
        {body()}
      </section>
    </InfoCard>
  );
}
