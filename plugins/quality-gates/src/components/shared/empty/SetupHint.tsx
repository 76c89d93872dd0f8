import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  hint: {
    padding: theme.spacing(2, 0),
    maxWidth: '70ch',
  },
}));

/**
 * An empty view that says what would fill it and where the setup is
 * written down (a page of the project's `docs/`), so an empty tab is a
 * next step rather than a dead end.
 */
export function SetupHint(props: {
  title: string;
  /** What would fill this view. */
  children: ReactNode;
  /** The setup page, e.g. `docs/delivery-events.md`, and its section. */
  docs: { path: string; section?: string };
}) {
  const classes = useStyles();
  const { docs } = props;
  return (
    <section className={classes.hint} aria-label={props.title}>
      <Typography variant="h6" component="h2" gutterBottom>
        {props.title}
      </Typography>
      <Typography variant="body2" paragraph>
        {props.children}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        How to set it up: <code>{docs.path}</code>
        {docs.section ? `, section “${docs.section}”` : ''}.
      </Typography>
    </section>
  );
}
