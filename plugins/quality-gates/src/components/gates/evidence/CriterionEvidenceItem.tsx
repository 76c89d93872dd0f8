import { Link } from '@backstage/core-components';
import { CriterionEvidence } from '@can-i-deploy/plugin-quality-gates-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CriterionStateChip } from '../verdicts/CriterionStateChip';
import { criterionStateStyle } from '../../shared/verdicts/verdictStyle';
import {
  evidenceFacts,
  evidenceLinkText,
  sourceDetails,
} from './evidenceFacts';
import { EvidenceSentenceText, FactText } from './EvidenceSentenceText';
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
      overflowWrap: 'anywhere',
    },
  },
}));

/**
 * One criterion's evidence: its state, the sentence that says what was
 * seen and why this state, the source's facts as a labelled list, what it
 * was judged by, the query and a link to the same data. Evaluations stored
 * before sentences show their message, observed value and thresholds.
 */
export function CriterionEvidenceItem(props: { criterion: CriterionEvidence }) {
  const classes = useStyles();
  const { criterion } = props;
  const compare = readCompareDetails(criterion.source, criterion.details);
  // The compare view shows the comparison's facts in its own table.
  const sourceFacts = compare ? [] : criterion.facts ?? [];
  const told = Boolean(criterion.summary?.length || criterion.facts?.length);
  // Compare evidence has its own view; sources that report facts need no
  // details; others' details read as short labelled text.
  const details = compare || told ? [] : sourceDetails(criterion.details);
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
      <Typography variant="body2" data-testid="criterion-sentence">
        {criterion.summary?.length ? (
          <EvidenceSentenceText sentence={criterion.summary} />
        ) : (
          criterion.message
        )}
      </Typography>
      <dl className={classes.facts} aria-label="Evidence">
        {sourceFacts.map((fact, index) => (
          <div key={`fact-${index}`} style={{ display: 'contents' }}>
            <dt>{fact.label ?? 'Fact'}</dt>
            <dd>
              <FactText fact={fact} />
            </dd>
          </div>
        ))}
        {evidenceFacts(criterion, { withSourceFacts: told }).map(fact => (
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
        <dl className={classes.facts} aria-label="Details">
          {details.map(detail => (
            <div key={detail.label} style={{ display: 'contents' }}>
              <dt>{detail.label}</dt>
              <dd>{detail.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
