import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
}));

/**
 * The first row of a tab's grid: what the tab shows on the left, the
 * control that changes it on the right, stacked on narrow screens.
 */
export function ToolbarRow(props: { children: ReactNode }) {
  const classes = useStyles();
  return (
    <Grid item xs={12} className={classes.toolbar}>
      {props.children}
    </Grid>
  );
}
