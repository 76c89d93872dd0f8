import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CriterionEvidenceItem } from './CriterionEvidenceItem';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
  },
}));

/** Every criterion of one evaluation, in the gate's order. */
export function CriterionEvidenceList(props: {
  criteria: CriterionEvidence[];
}) {
  const classes = useStyles();
  if (props.criteria.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No criterion was evaluated.
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label="Criteria">
      {props.criteria.map(criterion => (
        <CriterionEvidenceItem key={criterion.key} criterion={criterion} />
      ))}
    </ul>
  );
}
