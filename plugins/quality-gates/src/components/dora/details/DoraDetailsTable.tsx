import {
  DoraDetailRow,
  DoraMetricName,
} from '@can-i-deploy/plugin-quality-gates-common';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { DataTable } from '../../shared/table/DataTable';
import { useTimelineTabLink } from '../../shared/links/timelineTabLink';
import {
  DETAIL_COLUMNS,
  DETAIL_TITLES,
  DetailColumn,
  DetailLinks,
} from './detailColumns';

const componentColumn: DetailColumn = {
  title: 'Component',
  render: row => <EntityRefLink entityRef={row.entityRef} />,
};

/** A key that tells rows apart: changes share their deployment. */
const rowKey = (row: DoraDetailRow, index: number) =>
  [row.deploymentId, row.sha, row.incidentId, index].join(':');

export function DoraDetailsTable(props: {
  metric: DoraMetricName;
  rows: DoraDetailRow[];
  showComponent: boolean;
}) {
  const timelineTab = useTimelineTabLink();
  const links: DetailLinks = { deployment: timelineTab };
  const columns = props.showComponent
    ? [componentColumn, ...DETAIL_COLUMNS[props.metric]]
    : DETAIL_COLUMNS[props.metric];
  // Rows are numbered for their key: changes share their deployment.
  const rows = props.rows.map((row, index) => ({ row, index }));
  return (
    <DataTable
      label={DETAIL_TITLES[props.metric]}
      columns={columns.map(column => column.title)}
      items={rows}
      empty="Nothing behind this figure in the window."
    >
      {({ row, index }) => (
        <TableRow key={rowKey(row, index)}>
          {columns.map(column => (
            <TableCell key={column.title}>
              {column.render(row, links)}
            </TableCell>
          ))}
        </TableRow>
      )}
    </DataTable>
  );
}
