import { Link } from '@backstage/core-components';
import { FlakyCriterion } from '@can-i-deploy/plugin-quality-gates-common';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { DataTable } from '../../shared/table/DataTable';
import { shortRef } from '../historyPage/HistoryTable';
import { useGateTabLink } from '../../shared/links/useGateTabLink';

const COLUMNS = [
  'Gate',
  'Criterion',
  'Entity',
  'Environment',
  'Version',
  'Evaluations',
  'Passed',
  'Failed',
  'Flips',
  'Last evaluated',
];

/** Criteria whose verdict on one version changed when asked again. */
export function FlakyCriteriaTable(props: { items: FlakyCriterion[] }) {
  const gateTab = useGateTabLink();
  return (
    <DataTable
      label="Flaky criteria"
      columns={COLUMNS}
      items={props.items}
      empty="No criterion both passed and failed the same version."
    >
      {item => (
        <TableRow
          key={`${item.gateId}/${item.criterionKey}/${item.entityRef}/${item.environment}/${item.version}`}
          data-flaky={`${item.criterionKey}@${item.version}`}
        >
          <TableCell>{item.gateId}</TableCell>
          <TableCell>{item.criterionKey}</TableCell>
          <TableCell>
            <Link to={gateTab(item.entityRef)}>{shortRef(item.entityRef)}</Link>
          </TableCell>
          <TableCell>{item.environment}</TableCell>
          <TableCell>{item.version}</TableCell>
          <TableCell>{item.evaluations}</TableCell>
          <TableCell>{item.passes}</TableCell>
          <TableCell>{item.fails}</TableCell>
          <TableCell>{item.flips}</TableCell>
          <TableCell>
            <RelativeTime iso={item.lastEvaluatedAt} />
          </TableCell>
        </TableRow>
      )}
    </DataTable>
  );
}
