import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Deployment,
  sortByPromotionOrder,
} from '@can-i-deploy/plugin-quality-gates-common';
import Grid from '@material-ui/core/Grid';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { qualityGatesApiRef } from '../../api/QualityGatesApi';
import { DeploymentStatusLabel } from '../DeploymentStatusLabel';
import {
  formatDuration,
  secondsBetween,
} from '../shared/format/formatDuration';
import { RelativeTime } from '../shared/format/RelativeTime';
import { ProblemPanel } from '../shared/errors/ProblemPanel';
import { entityNotFound } from '../shared/errors/problemTitle';
import { useTimelineTabLink } from '../shared/links/timelineTabLink';
import { DataTable } from '../shared/table/DataTable';
import { ServerPagination } from '../shared/table/ServerPagination';

/** One page of the deployments table: only what it shows is fetched. */
const PAGE_SIZES = [10, 25, 50];
/** The page shown, kept in the URL so a link shows the same rows. */
const PAGE_PARAM = 'deploymentsPage';
const PAGE_SIZE_PARAM = 'deploymentsPageSize';

/** Card titles are headings a screen reader can jump to. */
const HEADING = { component: 'h2', variant: 'h5' };

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
});

function pageFrom(params: URLSearchParams) {
  const page = Number(params.get(PAGE_PARAM));
  const pageSize = Number(params.get(PAGE_SIZE_PARAM));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 0,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

function DeploymentRow(props: { deployment: Deployment; entityRef: string }) {
  const classes = useStyles();
  const timelineLink = useTimelineTabLink();
  const { deployment } = props;
  return (
    <TableRow>
      <TableCell className={classes.nowrap}>
        <Link
          to={timelineLink(props.entityRef, deployment.id)}
          title="This deployment on the deploy timeline"
        >
          {deployment.version}
        </Link>
      </TableCell>
      <TableCell>{deployment.environment}</TableCell>
      <TableCell>
        <DeploymentStatusLabel status={deployment.status} />
      </TableCell>
      <TableCell>{deployment.actor ?? '—'}</TableCell>
      <TableCell className={classes.nowrap}>
        <RelativeTime iso={deployment.startedAt} />
      </TableCell>
      <TableCell className={classes.nowrap}>
        {formatDuration(
          secondsBetween(deployment.startedAt, deployment.finishedAt),
        )}
      </TableCell>
      <TableCell>{deployment.source}</TableCell>
    </TableRow>
  );
}

/** Which version runs where, and the deployments behind it. */
export function DeploymentHistory() {
  const { entity } = useEntity();
  const api = useApi(qualityGatesApiRef);
  const entityRef = stringifyEntityRef(entity);
  const timelineLink = useTimelineTabLink();
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = pageFrom(params);

  const { value, loading, error } = useAsync(
    () =>
      api.listDeployments({
        entityRef,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [api, entityRef, page, pageSize],
  );

  const onPage = (nextPage: number, nextPageSize: number) =>
    setParams(
      current => {
        const next = new URLSearchParams(current);
        if (nextPage > 0) next.set(PAGE_PARAM, String(nextPage));
        else next.delete(PAGE_PARAM);
        if (nextPageSize !== PAGE_SIZES[0]) {
          next.set(PAGE_SIZE_PARAM, String(nextPageSize));
        } else next.delete(PAGE_SIZE_PARAM);
        return next;
      },
      { replace: true },
    );

  if (loading && !value) {
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
        description="Deployments appear here once a CI/CD system reports them to the quality-gates backend (CDEvents, GitHub webhooks or the deployments API); see docs/delivery-events.md."
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
        <InfoCard
          title="What is where"
          titleTypographyProps={HEADING}
          subheader="Version each environment runs now"
          noPadding={currentVersions.length > 0}
        >
          {currentVersions.length === 0 ? (
            <Typography variant="body2">
              No deployment has succeeded yet.
            </Typography>
          ) : (
            <DataTable
              label="What is where"
              columns={['Environment', 'Version', 'Deployed']}
              items={currentVersions}
            >
              {row => (
                <TableRow key={row.environment}>
                  <TableCell>
                    <strong>{row.environment}</strong>
                  </TableCell>
                  <TableCell>
                    <Link to={timelineLink(entityRef, row.deploymentId)}>
                      {row.version}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <RelativeTime iso={row.deployedAt} />
                  </TableCell>
                </TableRow>
              )}
            </DataTable>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Deployments"
          titleTypographyProps={HEADING}
          subheader={`${value.totalCount} in total, newest first`}
          noPadding
        >
          <DataTable
            label="Deployments"
            columns={[
              'Version',
              'Environment',
              'Status',
              'Actor',
              'Started',
              'Duration',
              'Source',
            ]}
            items={value.items}
          >
            {deployment => (
              <DeploymentRow
                key={deployment.id}
                deployment={deployment}
                entityRef={entityRef}
              />
            )}
          </DataTable>
          <ServerPagination
            totalCount={value.totalCount}
            page={page}
            pageSize={pageSize}
            pageSizes={PAGE_SIZES}
            onPage={onPage}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
