import {
  EmptyState,
  InfoCard,
  Progress,
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
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../api/QualityGatesApi';
import { DeploymentStatusLabel } from '../DeploymentStatusLabel';
import { EntityGateStatusContent } from '../gates/status';
import {
  formatDuration,
  secondsBetween,
} from '../shared/format/formatDuration';
import {
  formatAbsoluteTime,
  formatRelativeTime,
} from '../shared/format/formatTime';
import { ProblemPanel } from '../shared/errors/ProblemPanel';
import { entityNotFound } from '../shared/errors/problemTitle';

/** How many recent deployments the tab shows. */
/** One page of the deployments table: only what it shows is fetched. */
const DEPLOYMENTS_PAGE_SIZE = 10;

const currentVersionColumns: TableColumn<EnvironmentVersion>[] = [
  { title: 'Environment', field: 'environment', highlight: true },
  { title: 'Version', field: 'version' },
  {
    title: 'Deployed',
    field: 'deployedAt',
    render: row => (
      <span title={formatAbsoluteTime(row.deployedAt)}>
        {formatRelativeTime(row.deployedAt)}
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
    render: row => formatAbsoluteTime(row.startedAt),
  },
  {
    title: 'Duration',
    render: row =>
      formatDuration(secondsBetween(row.startedAt, row.finishedAt)),
  },
  { title: 'Source', field: 'source' },
];

/** Which version runs where, and the deployments behind it. */
function DeploymentHistory() {
  const { entity } = useEntity();
  const api = useApi(qualityGatesApiRef);
  const entityRef = stringifyEntityRef(entity);

  const { value, loading, error } = useAsync(
    () =>
      api.listDeployments({
        entityRef,
        limit: DEPLOYMENTS_PAGE_SIZE,
        offset: 0,
      }),
    [api, entityRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ProblemPanel error={error} notFound={entityNotFound(entityRef)} />;
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
          subtitle={`${value.totalCount} in total, newest first`}
          options={{
            paging: true,
            pageSize: DEPLOYMENTS_PAGE_SIZE,
            pageSizeOptions: [DEPLOYMENTS_PAGE_SIZE],
            search: false,
            sorting: false,
            padding: 'dense',
          }}
          columns={deploymentColumns}
          // Paged on the server; the first page is the one already loaded.
          data={async query => {
            const page =
              query.page === 0
                ? value
                : await api.listDeployments({
                    entityRef,
                    limit: query.pageSize,
                    offset: query.page * query.pageSize,
                  });
            return {
              data: page.items,
              page: query.page,
              totalCount: page.totalCount,
            };
          }}
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
