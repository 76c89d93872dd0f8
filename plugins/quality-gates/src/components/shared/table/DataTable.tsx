import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { makeStyles } from '@material-ui/core/styles';
import { EmptyRow } from './EmptyRow';

const useStyles = makeStyles({
  // The table scrolls inside its card rather than pushing past it.
  container: {
    maxWidth: '100%',
    minWidth: 0,
    overflowX: 'auto',
  },
  title: {
    whiteSpace: 'nowrap',
  },
});

/** A column the server can order by: its title becomes a sort button. */
export interface SortableColumn {
  title: string;
  /** The current order when the list is sorted by this column. */
  direction?: 'asc' | 'desc';
  onSort: () => void;
}

/**
 * One column holding two facts, each sortable on its own and titled on its
 * own line, e.g. "Kind" over "Lifecycle": a 1280 px screen keeps every fact
 * without a sideways scroll.
 */
export interface CombinedColumn {
  sorts: SortableColumn[];
}

export type DataColumn = string | SortableColumn | CombinedColumn;

function columnKey(column: DataColumn): string {
  if (typeof column === 'string') return column;
  if ('sorts' in column) return column.sorts.map(s => s.title).join('/');
  return column.title;
}

function SortButton(props: { column: SortableColumn }) {
  const { column } = props;
  return (
    <TableSortLabel
      active={!!column.direction}
      direction={column.direction ?? 'asc'}
      onClick={column.onSort}
    >
      {column.title}
    </TableSortLabel>
  );
}

function HeaderCell(props: { column: DataColumn }) {
  const classes = useStyles();
  const { column } = props;
  if (typeof column === 'string') {
    return <TableCell className={classes.title}>{column}</TableCell>;
  }
  if ('sorts' in column) {
    const sorted = column.sorts.find(sort => sort.direction);
    return (
      <TableCell
        className={classes.title}
        sortDirection={sorted?.direction ?? false}
      >
        {/* One fact per line, as the cells below show them. */}
        {column.sorts.map(sort => (
          <div key={sort.title}>
            <SortButton column={sort} />
          </div>
        ))}
      </TableCell>
    );
  }
  return (
    <TableCell
      className={classes.title}
      sortDirection={column.direction ?? false}
    >
      <SortButton column={column} />
    </TableCell>
  );
}

/**
 * The plugin's table: plain or sortable column titles on one line, one row
 * per item, and `empty` said across all columns when there is none. Wide
 * content scrolls inside the table, never past its card.
 */
export function DataTable<T>(props: {
  label: string;
  columns: DataColumn[];
  items: T[];
  /** The item's row, with its key. */
  children: (item: T) => ReactNode;
  empty?: ReactNode;
}) {
  const classes = useStyles();
  const { columns, items } = props;
  return (
    <TableContainer className={classes.container}>
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            {columns.map((column, index) => (
              <HeaderCell key={columnKey(column) || index} column={column} />
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(props.children)}
          {items.length === 0 && props.empty && (
            <EmptyRow columns={columns.length}>{props.empty}</EmptyRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
