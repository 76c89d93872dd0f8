import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';

const useStyles = makeStyles(theme => ({
  notice: {
    borderLeft: `4px solid ${theme.palette.text.disabled}`,
    paddingLeft: theme.spacing(2),
  },
}));

/**
 * An environment no central gate guards: nothing decides there, so an
 * answer would be "no" (fail closed). Said as what it is, a setup gap, not
 * as an error somebody must chase at 2 a.m.
 */
export function UngatedEnvironment(props: {
  environment: string;
  /** The stored "no" of somebody who asked anyway. */
  decisionLink?: string;
}) {
  const classes = useStyles();
  return (
    <div className={classes.notice} data-role="ungated">
      <Typography variant="h6" component="p">
        No gate guards {props.environment}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        No central gate applies to this component here, so nothing decides:
        asked from CI, the answer is no (the plugin fails closed). If{' '}
        {props.environment} needs no decision, leave the check out of its deploy
        job; otherwise a platform team adds a gate with{' '}
        <code>environments: [{props.environment}]</code> under{' '}
        <code>qualityGates.gates</code> (see <code>docs/gates.md</code>, section
        “Defining gates”).
      </Typography>
      {props.decisionLink && (
        <Typography variant="body2">
          <Link to={props.decisionLink}>Open the stored answer</Link>
        </Typography>
      )}
    </div>
  );
}
