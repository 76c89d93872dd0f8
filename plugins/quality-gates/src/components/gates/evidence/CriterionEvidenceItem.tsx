import { Link } from '@backstage/core-components';
import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CriterionStateChip } from '../verdicts/CriterionStateChip';
import { criterionStateStyle } from '../verdicts/verdictStyle';
import {
  evidenceFacts,
  evidenceLinkText,
  sourceDetails,
} from './evidenceFacts';
import { QueryDetails } from './QueryDetails';
import { CompareEvidence } from './compare/CompareEvidence';
import { readCompareDetails } from './compare/compareDetails';

const useStyles = makeStyles(theme => ({
  item: {
    borderLeft: '4px solid',
    padding: theme.spacing(1, 1.5),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.75),
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  title: {
    fontWeight: 500,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.25),
    margin: 0,
    '& dt': {
      color: theme.palette.text.secondary,
    },
    '& dd': {
      margin: 0,
      fontFamily: 'monospace',
    },
  },
}));

/**
 * One criterion's evidence: its state, what was observed against the
 * thresholds and baseline, how many samples, the query and a link to the
 * same data, and the one line that says why.
 */
export function CriterionEvidenceItem(props: { criterion: CriterionEvidence }) {
  const classes = useStyles();
  const { criterion } = props;
  const compare = readCompareDetails(criterion.source, criterion.details);
  // Compare evidence has its own view; other sources' details stay one line.
  const details = compare ? [] : sourceDetails(criterion.details);
  return (
    <li
      className={classes.item}
      style={{ borderLeftColor: criterionStateStyle(criterion.state).color }}
      data-criterion={criterion.key}
      aria-label={criterion.title ?? criterion.key}
    >
      <div className={classes.heading}>
        <CriterionStateChip state={criterion.state} />
        <Typography component="h4" className={classes.title}>
          {criterion.title ?? criterion.key}
        </Typography>
        {criterion.title && (
          <Typography variant="caption" color="textSecondary">
            {criterion.key}
          </Typography>
        )}
        <Chip size="small" variant="outlined" label={criterion.source} />
        {criterion.keyCriterion && (
          <Chip size="small" color="primary" label="Key criterion" />
        )}
      </div>
      <Typography variant="body2">{criterion.message}</Typography>
      <dl className={classes.facts}>
        {evidenceFacts(criterion).map(fact => (
          <div key={fact.label} style={{ display: 'contents' }}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {compare && <CompareEvidence details={compare} />}
      {criterion.query && <QueryDetails query={criterion.query} />}
      {criterion.link && !compare && (
        <Typography variant="body2">
          <Link to={criterion.link} target="_blank" rel="noopener">
            {evidenceLinkText(criterion.source)}
          </Link>
        </Typography>
      )}
      {details.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          {details
            .map(detail => `${detail.label}: ${detail.value}`)
            .join(' · ')}
        </Typography>
      )}
    </li>
  );
}
