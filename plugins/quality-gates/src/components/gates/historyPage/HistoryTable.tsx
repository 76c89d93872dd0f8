import { Link } from '@backstage/core-components';
import { GateEvaluation } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import TableCell from '@material-ui/core/TableCell';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { ClickableRow, keepFromRow } from '../../shared/table/ClickableRow';
import { DataTable } from '../../shared/table/DataTable';
import { ServerPagination } from '../../shared/table/ServerPagination';
import { TruncatedText } from '../../shared/table/TruncatedText';
import { formatPercent } from '../evidence/formatValue';
import { useGateTabLink } from '../../shared/links/useGateTabLink';
import { GateVerdictChip } from '../verdicts/GateVerdictChip';
import { explainEffectiveVerdict } from '../verdicts/verdictExplanation';
import { HistoryQuery, PAGE_SIZES } from './historyQuery';
import { shortRef } from './shortRef';

const useStyles = makeStyles(theme => ({
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

export { shortRef };

function HistoryRow(props: {
  evaluation: GateEvaluation;
  onOpen: (evaluation: GateEvaluation) => void;
}) {
  const classes = useStyles();
  const gateTab = useGateTabLink();
  const { evaluation } = props;
  const explanation = explainEffectiveVerdict(evaluation);
  return (
    <ClickableRow
      data-evaluation={evaluation.id}
      onClick={() => props.onOpen(evaluation)}
    >
      <TableCell className={classes.nowrap}>
        <RelativeTime iso={evaluation.finishedAt} />
      </TableCell>
      <TableCell>
        <TruncatedText text={evaluation.entityRef} maxWidth="14em">
          <Link to={gateTab(evaluation.entityRef)} onClick={keepFromRow}>
            {shortRef(evaluation.entityRef)}
          </Link>
        </TruncatedText>
      </TableCell>
      <TableCell>
        <TruncatedText text={evaluation.environment} maxWidth="10em" />
      </TableCell>
      <TableCell>
        <TruncatedText text={evaluation.gateTitle} maxWidth="16em" />
        <Typography variant="caption" color="textSecondary" component="div">
          <TruncatedText text={evaluation.gateId} maxWidth="16em" />
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
            keepFromRow(event);
            props.onOpen(evaluation);
          }}
        >
          Details
        </Button>
      </TableCell>
    </ClickableRow>
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
  const { query } = props;
  return (
    <>
      <DataTable
        label="Gate evaluations"
        columns={COLUMNS}
        items={props.items}
        empty="No evaluation matches these filters."
      >
        {evaluation => (
          <HistoryRow
            key={evaluation.id}
            evaluation={evaluation}
            onOpen={props.onOpen}
          />
        )}
      </DataTable>
      <ServerPagination
        totalCount={props.totalCount}
        page={query.page}
        pageSize={query.pageSize}
        pageSizes={PAGE_SIZES}
        onPage={props.onPage}
      />
    </>
  );
}
