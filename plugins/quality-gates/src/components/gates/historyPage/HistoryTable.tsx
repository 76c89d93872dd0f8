import { Link } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RelativeTime } from '../../readiness/time/RelativeTime';
import { formatPercent } from '../evidence/formatValue';
import { useGateTabLink } from '../links/useGateTabLink';
import { GateVerdictChip } from '../verdicts/GateVerdictChip';
import { explainEffectiveVerdict } from '../verdicts/verdictExplanation';
import { HistoryQuery, PAGE_SIZES } from './historyQuery';

const useStyles = makeStyles(theme => ({
  row: {
    cursor: 'pointer',
  },
  nowrap: {
    whiteSpace: 'nowrap',
  },
  version: {
    fontFamily: 'monospace',
  },
  verdict: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
  },
}));

const COLUMNS = [
  'Finished',
  'Entity',
  'Environment',
  'Gate',
  'Version',
  'Verdict',
  'Score',
  'Override',
  '',
];

/** `checkout` for a component in the default namespace, else more. */
function shortRef(ref: string): string {
  try {
    const parsed = parseEntityRef(ref);
    return humanizeEntityRef(parsed, { defaultKind: parsed.kind });
  } catch {
    return ref;
  }
}

function HistoryRow(props: {
  evaluation: GateEvaluation;
  onOpen: (evaluation: GateEvaluation) => void;
}) {
  const classes = useStyles();
  const gateTab = useGateTabLink();
  const { evaluation } = props;
  const explanation = explainEffectiveVerdict(evaluation);
  // Links and buttons inside the row do their own thing.
  const stop = (event: { stopPropagation: () => void }) =>
    event.stopPropagation();
  return (
    <TableRow
      hover
      className={classes.row}
      data-evaluation={evaluation.id}
      onClick={() => props.onOpen(evaluation)}
    >
      <TableCell className={classes.nowrap}>
        <RelativeTime iso={evaluation.finishedAt} />
      </TableCell>
      <TableCell>
        <Link to={gateTab(evaluation.entityRef)} onClick={stop}>
          {shortRef(evaluation.entityRef)}
        </Link>
      </TableCell>
      <TableCell className={classes.nowrap}>{evaluation.environment}</TableCell>
      <TableCell>
        {evaluation.gateTitle}
        <Typography variant="caption" color="textSecondary" component="div">
          {evaluation.gateId}
        </Typography>
      </TableCell>
      <TableCell className={classes.version}>{evaluation.version}</TableCell>
      <TableCell>
        <div className={classes.verdict}>
          <GateVerdictChip verdict={evaluation.verdict} size="small" />
          {explanation && (
            <Typography variant="caption">
              {explanation}; acts as {evaluation.effectiveVerdict}
            </Typography>
          )}
        </div>
      </TableCell>
      <TableCell className={classes.nowrap}>
        {evaluation.score === null ? '—' : formatPercent(evaluation.score)}
      </TableCell>
      <TableCell>
        {evaluation.override
          ? `${evaluation.override.verdict} by ${
              evaluation.override.createdBy
            }${evaluation.override.active ? '' : ' (expired)'}`
          : '—'}
      </TableCell>
      <TableCell>
        <Button
          size="small"
          onClick={event => {
            stop(event);
            props.onOpen(evaluation);
          }}
        >
          Details
        </Button>
      </TableCell>
    </TableRow>
  );
}

/** One page of the history; paging happens on the server. */
export function HistoryTable(props: {
  items: GateEvaluation[];
  totalCount: number;
  query: HistoryQuery;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (evaluation: GateEvaluation) => void;
}) {
  const classes = useStyles();
  const { query } = props;
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label="Gate evaluations">
          <TableHead>
            <TableRow>
              {COLUMNS.map((title, index) => (
                <TableCell key={title || index} className={classes.nowrap}>
                  {title}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {props.items.map(evaluation => (
              <HistoryRow
                key={evaluation.id}
                evaluation={evaluation}
                onOpen={props.onOpen}
              />
            ))}
            {props.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  No evaluation matches these filters.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={props.totalCount}
        page={query.page}
        rowsPerPage={query.pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, page) => props.onPage(page, query.pageSize)}
        onRowsPerPageChange={event =>
          props.onPage(0, Number(event.target.value))
        }
      />
    </>
  );
}
