import { Fragment, ReactNode } from 'react';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { DeploymentView } from '@can-i-deploy/plugin-quality-gates-common';
import Divider from '@material-ui/core/Divider';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import { DateTime } from 'luxon';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../../api/QualityGatesApi';
import { DeploymentStatusLabel } from '../../DeploymentStatusLabel';
import { formatDuration } from '../../shared/format/formatDuration';
import { VersionDecisions } from '../../gates/decision/VersionDecisions';
import { usePipelinesTabLink } from '../../shared/links/pipelinesTabLink';
import { PipelineResultChip } from '../../shared/pipelines/PipelineResultChip';
import { RelativeTime } from '../../shared/format/RelativeTime';

const useStyles = makeStyles(theme => ({
  paper: {
    width: 520,
    maxWidth: '100vw',
    padding: theme.spacing(2, 3),
  },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  section: {
    marginTop: theme.spacing(2),
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(1, 0),
  },
  value: {
    margin: 0,
  },
  mono: {
    fontFamily: 'monospace',
  },
  decision: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
}));

function Section(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-label={props.title}>
      <Typography variant="h6" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}

/** What a section says when it has nothing to show. */
function Nothing(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}

/** A section's items, each with its key, or `none` when there are none. */
function ItemList<T>(props: {
  items: T[];
  none: string;
  children: (item: T) => ReactNode;
}) {
  if (props.items.length === 0) return <Nothing>{props.none}</Nothing>;
  return (
    <List dense disablePadding>
      {props.items.map(props.children)}
    </List>
  );
}

function Facts(props: { rows: Array<[string, ReactNode]> }) {
  const classes = useStyles();
  return (
    <dl className={classes.facts}>
      {props.rows.map(([term, value]) => (
        <Fragment key={term}>
          <Typography component="dt" variant="body2" color="textSecondary">
            {term}
          </Typography>
          <Typography component="dd" variant="body2" className={classes.value}>
            {value}
          </Typography>
        </Fragment>
      ))}
    </dl>
  );
}

function firstLine(message: string | undefined): string {
  return message?.split('\n', 1)[0] ?? '';
}

function duration(from: string, to: string | undefined): string {
  if (!to) return 'still running';
  return formatDuration(
    DateTime.fromISO(to).diff(DateTime.fromISO(from), 'seconds').seconds,
  );
}

function DeploymentDetails(props: { view: DeploymentView }) {
  const classes = useStyles();
  const pipelinesTab = usePipelinesTabLink();
  const { deployment, changes, pipelineRun, incidents } = props.view;
  const entityRef = deployment.entityRef;
  const facts: Array<[string, ReactNode]> = [
    ['Status', <DeploymentStatusLabel status={deployment.status} />],
    ['Started', <RelativeTime iso={deployment.startedAt} withAbsolute />],
    [
      'Finished',
      deployment.finishedAt ? (
        <RelativeTime iso={deployment.finishedAt} withAbsolute />
      ) : (
        '—'
      ),
    ],
    ['Took', duration(deployment.startedAt, deployment.finishedAt)],
    ['By', deployment.actor ?? 'unknown'],
  ];
  if (deployment.url) {
    facts.push(['Log', <Link to={deployment.url}>Deployment log</Link>]);
  }

  return (
    <>
      <Facts rows={facts} />
      {deployment.description && (
        <Typography variant="body2">{deployment.description}</Typography>
      )}
      <Link to={pipelinesTab(entityRef, { version: deployment.version })}>
        Path of {deployment.version} to production
      </Link>

      <Section title={`Changes (${changes.length})`}>
        <ItemList
          items={changes}
          none="No commits were recorded for this deployment."
        >
          {change => (
            <ListItem
              key={`${change.repository}@${change.sha}`}
              disableGutters
              data-sha={change.sha}
            >
              <ListItemText
                primary={
                  <>
                    {change.url ? (
                      <Link to={change.url} className={classes.mono}>
                        {change.sha.slice(0, 7)}
                      </Link>
                    ) : (
                      <span className={classes.mono}>
                        {change.sha.slice(0, 7)}
                      </span>
                    )}{' '}
                    {firstLine(change.message) || 'No message recorded'}
                  </>
                }
                secondary={[
                  change.author,
                  change.repository,
                  change.pullRequest ? `#${change.pullRequest.number}` : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItem>
          )}
        </ItemList>
      </Section>

      <Section title="Pipeline run">
        {pipelineRun ? (
          <div className={classes.decision}>
            <Typography variant="body2">
              {pipelineRun.pipelineName}
              {pipelineRun.runId ? ` #${pipelineRun.runId}` : ''}
              {pipelineRun.runAttempt && pipelineRun.runAttempt > 1
                ? ` (attempt ${pipelineRun.runAttempt})`
                : ''}
            </Typography>
            <PipelineResultChip result={pipelineRun.result} />
            {pipelineRun.url && <Link to={pipelineRun.url}>Open run</Link>}
            <Link
              to={pipelinesTab(entityRef, {
                run: pipelineRun.id,
                trace: pipelineRun.traceId,
                sha: pipelineRun.sha,
              })}
            >
              {pipelineRun.traceId ? 'Open trace' : 'Open in CI pipelines'}
            </Link>
          </div>
        ) : (
          <Nothing>The run that performed it is not known.</Nothing>
        )}
      </Section>

      <Section title="Gate decisions">
        <VersionDecisions
          entityRef={entityRef}
          environment={deployment.environment}
          version={deployment.version}
        />
      </Section>

      <Section title="Incidents">
        <ItemList
          items={incidents}
          none="No incident is tied to this deployment."
        >
          {incident => (
            <ListItem key={incident.id} disableGutters>
              <ListItemText
                primary={
                  incident.url ? (
                    <Link to={incident.url}>
                      {incident.title ?? incident.externalId}
                    </Link>
                  ) : (
                    incident.title ?? incident.externalId
                  )
                }
                secondary={
                  <>
                    {incident.severity ? `${incident.severity} · ` : ''}
                    opened <RelativeTime iso={incident.openedAt} />
                    {incident.resolvedAt ? (
                      <>
                        , resolved after{' '}
                        {duration(incident.openedAt, incident.resolvedAt)}
                      </>
                    ) : (
                      ', still open'
                    )}
                  </>
                }
              />
            </ListItem>
          )}
        </ItemList>
      </Section>
    </>
  );
}

/**
 * One deployment opened from the timeline: its status and times, the
 * commits it brought, the run that performed it, the gates' decisions and
 * the incidents tied to it.
 */
export function DeploymentDrawer(props: {
  deploymentId: string;
  onClose: () => void;
}) {
  const classes = useStyles();
  const api = useApi(qualityGatesApiRef);
  const { deploymentId } = props;
  const view = useAsync(
    () => api.getDeploymentView(deploymentId),
    [api, deploymentId],
  );
  const deployment = view.value?.deployment;

  return (
    <Drawer
      anchor="right"
      open
      onClose={props.onClose}
      classes={{ paper: classes.paper }}
      PaperProps={
        {
          role: 'dialog',
          'aria-labelledby': 'deployment-drawer-title',
        } as object
      }
    >
      <div className={classes.header}>
        <Typography variant="h5" component="h2" id="deployment-drawer-title">
          {deployment
            ? `${deployment.version} to ${deployment.environment}`
            : 'Deployment'}
        </Typography>
        <IconButton aria-label="Close" onClick={props.onClose} size="small">
          <CloseIcon />
        </IconButton>
      </div>
      <Divider />
      {view.error && <ResponseErrorPanel error={view.error} />}
      {view.loading && <Progress />}
      {view.value && <DeploymentDetails view={view.value} />}
    </Drawer>
  );
}
