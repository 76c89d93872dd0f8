import { ReactNode } from 'react';
import {
  DeploymentStatus,
  DoraDetailRow,
  DoraMetricName,
} from '@can-i-deploy/plugin-quality-gates-common';
import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { DeploymentStatusLabel } from '../../DeploymentStatusLabel';
import { formatAbsoluteTime } from '../../shared/format/formatTime';
import { formatDuration } from '../../shared/format/formatDuration';
import { ReasonChip } from './ReasonChip';

/** Where the ids of a row lead. */
export interface DetailLinks {
  /** The deploy timeline of an entity, the deployment opened. */
  deployment: (entityRef: string, deploymentId: string) => string;
}

/** A column of the drill-down table. */
export interface DetailColumn {
  title: string;
  render: (row: DoraDetailRow, links: DetailLinks) => ReactNode;
}

const DASH = '—';

const timeCell = (iso?: string) => (iso ? formatAbsoluteTime(iso) : DASH);

const deployed: DetailColumn = {
  title: 'Deployed',
  render: row => timeCell(row.deployedAt),
};
/** A deployment by its version, opened on the deploy timeline. */
const version: DetailColumn = {
  title: 'Version',
  render: (row, links) => {
    const label = row.version ?? row.deploymentId?.slice(0, 8);
    if (!label) return DASH;
    return row.deploymentId ? (
      <Link
        to={links.deployment(row.entityRef, row.deploymentId)}
        title="Open this deployment on the deploy timeline"
      >
        {label}
      </Link>
    ) : (
      label
    );
  },
};
/** When, linked to the deployment: lead-time rows show no version. */
const deployedLinked: DetailColumn = {
  title: 'Deployed',
  render: (row, links) =>
    row.deploymentId && row.deployedAt ? (
      <Link to={links.deployment(row.entityRef, row.deploymentId)}>
        {formatAbsoluteTime(row.deployedAt)}
      </Link>
    ) : (
      timeCell(row.deployedAt)
    ),
};
const environment: DetailColumn = {
  title: 'Environment',
  render: row => row.environment ?? DASH,
};
const status: DetailColumn = {
  title: 'Status',
  render: row =>
    row.status ? (
      <DeploymentStatusLabel status={row.status as DeploymentStatus} />
    ) : (
      DASH
    ),
};
const incident: DetailColumn = {
  title: 'Incident',
  render: row => {
    if (!row.incidentId) return DASH;
    // The incident tool's own id (e.g. INC-7), never the stored UUID.
    const shortId = row.incidentExternalId ?? row.incidentId.slice(0, 8);
    const label = row.incidentTitle ?? shortId;
    return (
      <>
        <Typography variant="body2" title={shortId}>
          {row.incidentUrl ? (
            <Link to={row.incidentUrl} target="_blank" rel="noopener">
              {label}
            </Link>
          ) : (
            label
          )}
        </Typography>
        {row.incidentTitle && (
          <Typography variant="caption" color="textSecondary">
            {shortId}
          </Typography>
        )}
      </>
    );
  },
};
const commit: DetailColumn = {
  title: 'Commit',
  render: row => (
    <>
      <Typography
        variant="body2"
        component="code"
        title={row.sha}
        style={{ fontFamily: 'monospace' }}
      >
        {row.sha && row.changeUrl ? (
          <Link to={row.changeUrl} target="_blank" rel="noopener">
            {row.sha.slice(0, 7)}
          </Link>
        ) : (
          row.sha?.slice(0, 7) ?? DASH
        )}
      </Typography>
      {row.repository && (
        <Typography variant="caption" color="textSecondary" component="p">
          {row.repository}
        </Typography>
      )}
    </>
  ),
};
const duration = (title: string): DetailColumn => ({
  title,
  render: row =>
    row.durationSeconds === undefined
      ? DASH
      : formatDuration(row.durationSeconds),
});

/** Which columns explain each figure's rows. */
export const DETAIL_COLUMNS: Record<DoraMetricName, DetailColumn[]> = {
  deploymentFrequency: [deployed, version, environment, status],
  leadTime: [
    commit,
    { title: 'First commit', render: row => timeCell(row.committedAt) },
    deployedLinked,
    duration('Lead time'),
    {
      title: 'Counted',
      render: row =>
        row.reason ? <ReasonChip reason={row.reason} /> : 'Counted',
    },
  ],
  changeFailureRate: [
    deployed,
    version,
    environment,
    status,
    {
      title: 'Why it failed',
      render: row => <ReasonChip reason={row.reason} />,
    },
    incident,
  ],
  recoveryTime: [
    { title: 'Failure', render: row => <ReasonChip reason={row.reason} /> },
    version,
    { title: 'Failed at', render: row => timeCell(row.startedAt) },
    {
      title: 'Recovered at',
      render: row => (row.endedAt ? timeCell(row.endedAt) : 'Not yet'),
    },
    duration('Recovery time'),
    incident,
  ],
  reworkRate: [
    deployed,
    version,
    status,
    { title: 'Open incident', render: incident.render },
  ],
};

/** What the rows of each figure are. */
export const DETAIL_TITLES: Record<DoraMetricName, string> = {
  deploymentFrequency: 'Production deployments',
  leadTime: 'Changes and their lead time',
  changeFailureRate: 'Failed production deployments',
  recoveryTime: 'Failures and their recovery',
  reworkRate: 'Unplanned deployments',
};
