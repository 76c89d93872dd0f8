import { ReactNode } from 'react';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';

/** The one row of a table with nothing to list, saying why. */
export function EmptyRow(props: { columns: number; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell colSpan={props.columns}>{props.children}</TableCell>
    </TableRow>
  );
}
