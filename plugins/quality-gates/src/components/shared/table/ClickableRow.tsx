import TableRow, { TableRowProps } from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  row: {
    cursor: 'pointer',
  },
});

/**
 * A row that opens or shows what it stands for when clicked; `selected`,
 * when given, marks the one shown, for assistive technology too.
 */
export function ClickableRow(props: TableRowProps) {
  const classes = useStyles();
  return (
    <TableRow
      hover
      aria-selected={props.selected}
      className={classes.row}
      {...props}
    />
  );
}

/** For links and buttons inside a clickable row: they do their own thing. */
export function keepFromRow(event: { stopPropagation: () => void }) {
  event.stopPropagation();
}
