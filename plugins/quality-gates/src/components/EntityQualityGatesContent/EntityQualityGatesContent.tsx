import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Deployment,
  EnvironmentVersion,
  sortByPromotionOrder,
} from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../api/QualityGatesApi';
import { DeploymentStatusLabel } from '../DeploymentStatusLabel';
import { EntityGateStatusContent } from '../gates/status';

/** How many recent deployments the tab shows. */
const RECENT_DEPLOYMENTS = 100;

function formatTime(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

function formatRelative(iso: string): string {
  return DateTime.fromISO(iso).toRelative() ?? iso;
}

function formatDuration(deployment: Deployment): string {
  if (!deployment.finishedAt) return '—';
  const { hours, minutes, seconds } = DateTime.fromISO(deployment.finishedAt)
    .diff(DateTime.fromISO(deployment.startedAt), [
      'hours',
      'minutes',
      'seconds',
    ])
    .toObject();
  const parts = [
    hours ? `${hours}h` : '',
    minutes ? `${minutes}m` : '',
    `${Math.round(seconds ?? 0)}s`,
  ];
  return parts.filter(Boolean).join(' ');
}

const currentVersionColumns: TableColumn<EnvironmentVersion>[] = [
  { title: 'Environment', field: 'environment', highlight: true },
  { title: 'Version', field: 'version' },
  {
    title: 'Deployed',
    field: 'deployedAt',
    render: row => (
      <span title={formatTime(row.deployedAt)}>
        {formatRelative(row.deployedAt)}
      </span>
    ),
  },
];

const deploymentColumns: TableColumn<Deployment>[] = [
  { title: 'Version', field: 'version', highlight: true },
  { title: 'Environment', field: 'environment' },
  {
    title: 'Status',
    field: 'status',
    render: row => <DeploymentStatusLabel status={row.status} />,
  },
  { title: 'Actor', field: 'actor', emptyValue: '—' },
  {
    title: 'Started',
    field: 'startedAt',
    render: row => formatTime(row.startedAt),
  },
  { title: 'Duration', render: row => formatDuration(row) },
  { title: 'Source', field: 'source' },
];

/** Which version runs where, and the deployments behind it. */
function DeploymentHistory() {
  const { entity } = useEntity();
  const api = useApi(qualityGatesApiRef);
  const entityRef = stringifyEntityRef(entity);

  const { value, loading, error } = useAsync(
    () => api.listDeployments({ entityRef, limit: RECENT_DEPLOYMENTS }),
    [api, entityRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.totalCount === 0) {
    return (
      <EmptyState
        missing="data"
        title="No deployments recorded yet"
        description="Deployments appear here once a CI/CD system reports them to the quality-gates backend (CDEvents, GitHub webhooks or the deployments API)."
      />
    );
  }

  const currentVersions = sortByPromotionOrder(
    value.currentVersions,
    row => row.environment,
  );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        {currentVersions.length === 0 ? (
          <InfoCard title="What is where">
            <Typography variant="body2">
              No deployment has succeeded yet.
            </Typography>
          </InfoCard>
        ) : (
          <Table<EnvironmentVersion>
            title="What is where"
            subtitle="Version each environment runs now"
            options={{
              paging: false,
              search: false,
              sorting: false,
              padding: 'dense',
            }}
            columns={currentVersionColumns}
            data={currentVersions}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <Table<Deployment>
          title="Deployments"
          subtitle={
            value.totalCount > value.items.length
              ? `Latest ${value.items.length} of ${value.totalCount}`
              : `${value.totalCount} in total`
          }
          options={{
            paging: true,
            pageSize: 10,
            search: true,
            padding: 'dense',
          }}
          columns={deploymentColumns}
          data={value.items}
        />
      </Grid>
    </Grid>
  );
}

/**
 * The entity tab: what the gates decided for each environment, then which
 * version runs where and the deployments behind it.
 */
export function EntityQualityGatesContent() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <EntityGateStatusContent />
      </Grid>
      <Grid item xs={12}>
        <DeploymentHistory />
      </Grid>
    </Grid>
  );
}
