import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
}));

/** A list's filters in one wrapping row, announced as its search. */
export function FilterBar(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div className={classes.filters} role="search" aria-label={props.label}>
      {props.children}
    </div>
  );
}
