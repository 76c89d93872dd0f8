import {
  ReadinessGroupBy,
  ReadinessLevel,
  ReadinessOverviewGroup,
} from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { DataTable } from '../../shared/table/DataTable';
import { LevelDistributionBar } from '../levels/LevelDistributionBar';
import { refLabel } from './OverviewFilters';

const TITLES: Record<ReadinessGroupBy, { column: string; none: string }> = {
  owner: { column: 'Owner', none: 'No owner' },
  system: { column: 'System', none: 'No system' },
};

/**
 * The overview grouped: per owner or system, how many entities are at each
 * level and the check failing for the most of them. Choosing a group shows
 * its entities (the overview filtered to it).
 */
export function OverviewGroupsTable(props: {
  groupBy: ReadinessGroupBy;
  items: ReadinessOverviewGroup[];
  levels: ReadinessLevel[];
  onChoose: (ref: string) => void;
}) {
  const { groupBy } = props;
  const titles = TITLES[groupBy];
  return (
    <DataTable
      label={`Readiness by ${groupBy}`}
      columns={[titles.column, 'Entities', 'Levels', 'Failing most often']}
      items={props.items}
      empty="No entity matches these filters."
    >
      {group => (
        <TableRow key={group.ref ?? ''}>
          <TableCell>
            {group.ref ? (
              <Button
                size="small"
                color="primary"
                onClick={() => props.onChoose(group.ref!)}
                title={`Show the entities of ${group.ref}`}
              >
                {refLabel(group.ref, groupBy === 'owner' ? 'group' : 'system')}
              </Button>
            ) : (
              <Typography variant="body2" color="textSecondary">
                {titles.none}
              </Typography>
            )}
          </TableCell>
          <TableCell>{group.distribution.total}</TableCell>
          <TableCell style={{ minWidth: 240 }}>
            <LevelDistributionBar
              levels={props.levels}
              distribution={group.distribution}
            />
          </TableCell>
          <TableCell>
            {group.worstCheck
              ? `${group.worstCheck.title} (${group.worstCheck.count} of ${group.distribution.total})`
              : '–'}
          </TableCell>
        </TableRow>
      )}
    </DataTable>
  );
}
