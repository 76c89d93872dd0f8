import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  group: {
    display: 'flex',
    flexWrap: 'nowrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
}));

/**
 * Filters that belong together (a From and a To day) in a `FilterBar`:
 * they wrap to the next line as one, so a To field never sits alone.
 */
export function FilterGroup(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div className={classes.group} role="group" aria-label={props.label}>
      {props.children}
    </div>
  );
}
