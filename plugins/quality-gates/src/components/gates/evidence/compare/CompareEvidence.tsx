import { Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatNumber } from '@can-i-deploy/plugin-quality-gates-common';
import { ShownFact } from '../evidenceFacts';
import {
  CompareDetails,
  comparisonRows,
  describeCompareBaseline,
  describeEffect,
  describeInterval,
  describeTest,
  formatPValue,
  formatWindow,
} from './compareDetails';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.75),
  },
  table: {
    width: 'auto',
    '& td, & th': {
      padding: theme.spacing(0.25, 1.5, 0.25, 0),
    },
    '& td': {
      fontFamily: 'monospace',
    },
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
    },
  },
  reasons: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
  },
}));

function statisticsFacts(details: CompareDetails): ShownFact[] {
  const facts: ShownFact[] = [{ label: 'Comparison', value: details.state }];
  if (details.test) {
    facts.push({ label: 'Test', value: describeTest(details.test) });
  }
  if (details.pValue !== undefined) {
    facts.push({ label: 'p-value', value: formatPValue(details.pValue) });
  }
  if (details.interval) {
    // The error ratio's interval is of the difference in percentage points.
    const asPercent = details.metric.type === 'errorRatio';
    facts.push({
      label: 'Interval of the change',
      value: describeInterval(details.interval, asPercent),
    });
  }
  if (details.effect) {
    facts.push({ label: 'Effect', value: describeEffect(details.effect) });
  }
  if (details.sampleSizes) {
    const sizes = details.sampleSizes;
    const count = (n: number) => formatNumber(Math.floor(n));
    facts.push({
      label: 'Sample sizes',
      value: `baseline ${count(sizes.baseline)}, candidate ${count(
        sizes.candidate,
      )} ${sizes.unit} (at least ${count(sizes.minimum)} per side)`,
    });
  }
  for (const missing of details.missing ?? []) {
    facts.push({ label: 'Missing traffic', value: missing.description });
  }
  if (details.noData && !details.missing?.length && !details.figures) {
    facts.push({ label: 'No data', value: details.noData });
  }
  return facts;
}

/**
 * A compare criterion's evidence, readably: which baseline and why, both
 * sides' figures side by side, the test and its numbers, what traffic is
 * still missing and how long that takes, and each side in Prometheus.
 */
export function CompareEvidence(props: { details: CompareDetails }) {
  const classes = useStyles();
  const { details } = props;
  const rows = comparisonRows(details);
  const baselineVersion = details.baseline.version;
  return (
    <div className={classes.root} aria-label="Comparison with the baseline">
      <dl className={classes.facts}>
        <dt>Baseline</dt>
        <dd>
          {describeCompareBaseline(details.baseline)}
          <Typography variant="caption" color="textSecondary" component="div">
            {details.baseline.reason}
          </Typography>
        </dd>
        <dt>Candidate</dt>
        <dd>
          {details.candidate.version} over {details.candidate.window}:{' '}
          {formatWindow(details.candidate)}
        </dd>
      </dl>
      {rows.length > 0 && (
        <Table
          size="small"
          className={classes.table}
          aria-label="Baseline against candidate"
        >
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>Baseline {baselineVersion}</TableCell>
              <TableCell>Candidate {details.candidate.version}</TableCell>
              <TableCell>Change</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={row.label}>
                <TableCell component="th" scope="row">
                  {row.label}
                </TableCell>
                <TableCell>{row.baseline}</TableCell>
                <TableCell>{row.candidate}</TableCell>
                <TableCell>{row.change ?? ''}</TableCell>
              </TableRow>
            ))}
            {details.links && (
              <TableRow>
                <TableCell component="th" scope="row">
                  Graph
                </TableCell>
                <TableCell>
                  <Link
                    to={details.links.baseline}
                    target="_blank"
                    rel="noopener"
                  >
                    Baseline in Prometheus
                  </Link>
                </TableCell>
                <TableCell>
                  <Link
                    to={details.links.candidate}
                    target="_blank"
                    rel="noopener"
                  >
                    Candidate in Prometheus
                  </Link>
                </TableCell>
                <TableCell />
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      <dl className={classes.facts} aria-label="Statistics">
        {statisticsFacts(details).map((fact, i) => (
          <div key={`${fact.label}-${i}`} style={{ display: 'contents' }}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {details.reasons && details.reasons.length > 0 && (
        <ul className={classes.reasons} aria-label="Reasons">
          {details.reasons.map(reason => (
            <Typography component="li" variant="caption" key={reason}>
              {reason}
            </Typography>
          ))}
        </ul>
      )}
    </div>
  );
}
