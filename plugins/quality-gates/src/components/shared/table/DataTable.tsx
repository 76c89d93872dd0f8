import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { EmptyRow } from './EmptyRow';

const useStyles = makeStyles({
  nowrap: {
    whiteSpace: 'nowrap',
  },
});

/**
 * A small table under a row of plain column titles: one row per item, and
 * `empty` said across all columns when there is none.
 */
export function DataTable<T>(props: {
  label: string;
  columns: string[];
  items: T[];
  /** The item's row, with its key. */
  children: (item: T) => ReactNode;
  empty?: ReactNode;
  /** Titles stay on one line; the table scrolls instead. */
  nowrapTitles?: boolean;
}) {
  const classes = useStyles();
  const { columns, items } = props;
  return (
    <TableContainer>
      <Table size="small" aria-label={props.label}>
        <TableHead>
          <TableRow>
            {columns.map((title, index) => (
              <TableCell
                key={title || index}
                className={props.nowrapTitles ? classes.nowrap : undefined}
              >
                {title}
              </TableCell>
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
