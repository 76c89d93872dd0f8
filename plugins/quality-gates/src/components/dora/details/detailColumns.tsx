import { ReactNode } from 'react';
import {
  DeploymentStatus,
  DoraDetailRow,
  DoraMetricName,
} from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { DeploymentStatusLabel } from '../../DeploymentStatusLabel';
import { formatAbsoluteTime } from '../../shared/format/formatTime';
import { formatDuration } from '../../shared/format/formatDuration';
import { ReasonChip } from './ReasonChip';

/** A column of the drill-down table. */
export interface DetailColumn {
  title: string;
  render: (row: DoraDetailRow) => ReactNode;
}

const DASH = '—';

const timeCell = (iso?: string) => (iso ? formatAbsoluteTime(iso) : DASH);

const deployed: DetailColumn = {
  title: 'Deployed',
  render: row => timeCell(row.deployedAt),
};
const version: DetailColumn = {
  title: 'Version',
  render: row => row.version ?? DASH,
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
    return (
      <>
        <Typography variant="body2">{row.incidentId}</Typography>
        {row.incidentTitle && (
          <Typography variant="caption" color="textSecondary">
            {row.incidentTitle}
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
        {row.sha?.slice(0, 7) ?? DASH}
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
    deployed,
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
