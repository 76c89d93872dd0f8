import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  summary: {
    cursor: 'pointer',
    color: theme.palette.text.secondary,
  },
  query: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    margin: theme.spacing(0.5, 0, 0),
    padding: theme.spacing(1),
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
}));

/**
 * The query as it was rendered for this evaluation, folded away: long
 * PromQL would otherwise bury the values.
 */
export function QueryDetails(props: { query: string }) {
  const classes = useStyles();
  return (
    <details>
      <Typography
        component="summary"
        variant="body2"
        className={classes.summary}
      >
        Query
      </Typography>
      <pre className={classes.query}>{props.query}</pre>
    </details>
  );
}
