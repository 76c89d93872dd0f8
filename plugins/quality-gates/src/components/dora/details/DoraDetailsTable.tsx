import {
  DoraDetailRow,
  DoraMetricName,
} from '@can-i-deploy/plugin-quality-gates-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { DETAIL_COLUMNS, DETAIL_TITLES, DetailColumn } from './detailColumns';

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
  const columns = props.showComponent
    ? [componentColumn, ...DETAIL_COLUMNS[props.metric]]
    : DETAIL_COLUMNS[props.metric];
  return (
    <TableContainer>
      <Table size="small" aria-label={DETAIL_TITLES[props.metric]}>
        <TableHead>
          <TableRow>
            {columns.map(column => (
              <TableCell key={column.title}>{column.title}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((row, index) => (
            <TableRow key={rowKey(row, index)}>
              {columns.map(column => (
                <TableCell key={column.title}>{column.render(row)}</TableCell>
              ))}
            </TableRow>
          ))}
          {props.rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length}>
                Nothing behind this figure in the window.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
