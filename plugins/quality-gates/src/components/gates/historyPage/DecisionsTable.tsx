import { Fragment, useState } from 'react';
import { Link } from '@backstage/core-components';
import { GateDecisionSummary } from '@can-i-deploy/plugin-quality-gates-common';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@material-ui/icons/KeyboardArrowRight';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { ClickableRow, keepFromRow } from '../../shared/table/ClickableRow';
import { DataTable } from '../../shared/table/DataTable';
import { TruncatedText } from '../../shared/table/TruncatedText';
import { ServerPagination } from '../../shared/table/ServerPagination';
import { DecisionAnswerChip } from '../decision/DecisionAnswerChip';
import { askedBy } from '../decision/decisionWords';
import { shortVersion } from '../decision/shortVersion';
import { useDecisionLink } from '../decision/useDecisionLink';
import { useGateTabLink } from '../../shared/links/useGateTabLink';
import { DecisionGateList } from './DecisionGateList';
import { HistoryQuery, PAGE_SIZES } from './historyQuery';
import { shortRef } from './shortRef';

const useStyles = makeStyles(theme => ({
  nowrap: {
    whiteSpace: 'nowrap',
  },
  version: {
    fontFamily: 'monospace',
    whiteSpace: 'nowrap',
  },
  asked: {
    display: 'block',
    maxWidth: 160,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  // At least 200 px, so words wrap whole; only a longer one (an entity
  // ref) breaks, and it cannot push the table past its card.
  sentence: {
    minWidth: 200,
    maxWidth: 520,
    overflowWrap: 'anywhere',
  },
  expanded: {
    background: theme.palette.background.default,
  },
}));

const COLUMNS = [
  '',
  'Decided',
  'Entity',
  'Environment and version',
  'Answer',
  'Why',
  '',
];

function DecisionRow(props: { decision: GateDecisionSummary }) {
  const classes = useStyles();
  const gateTab = useGateTabLink();
  const decisionLink = useDecisionLink();
  const [open, setOpen] = useState(false);
  const { decision } = props;
  const link = decisionLink(decision.id);
  const asked = `by ${askedBy(decision.trigger, decision.requestedBy)}`;
  return (
    <Fragment>
      <ClickableRow
        data-decision={decision.id}
        onClick={() => setOpen(!open)}
        aria-expanded={open}
      >
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={open ? 'Hide its gates' : 'Show its gates'}
            onClick={event => {
              keepFromRow(event);
              setOpen(!open);
            }}
          >
            {open ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <span className={classes.nowrap}>
            <RelativeTime iso={decision.decidedAt} />
          </span>
          <Typography
            variant="caption"
            color="textSecondary"
            className={classes.asked}
            title={asked}
          >
            {asked}
          </Typography>
        </TableCell>
        <TableCell className={classes.nowrap}>
          <Link
            to={`${gateTab(decision.entityRef)}?version=${encodeURIComponent(
              decision.version,
            )}`}
            onClick={keepFromRow}
          >
            {shortRef(decision.entityRef)}
          </Link>
        </TableCell>
        <TableCell className={classes.nowrap}>
          {decision.environment}
          <Typography
            variant="caption"
            color="textSecondary"
            component="div"
            className={classes.version}
          >
            <TruncatedText text={decision.version} maxWidth="9em">
              {shortVersion(decision.version)}
            </TruncatedText>
          </Typography>
        </TableCell>
        <TableCell>
          <DecisionAnswerChip answer={decision.answer} size="small" />
        </TableCell>
        <TableCell className={classes.sentence}>{decision.sentence}</TableCell>
        <TableCell className={classes.nowrap}>
          {link && (
            <Link to={link} onClick={keepFromRow}>
              Open
            </Link>
          )}
        </TableCell>
      </ClickableRow>
      {open && (
        <TableRow className={classes.expanded} data-gates-of={decision.id}>
          <TableCell />
          <TableCell colSpan={COLUMNS.length - 1}>
            <DecisionGateList gates={decision.gates} />
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

/** One page of decisions, each expandable to its gates; paged on the server. */
export function DecisionsTable(props: {
  items: GateDecisionSummary[];
  total: number;
  query: HistoryQuery;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { query } = props;
  return (
    <>
      <DataTable
        label="Gate decisions"
        columns={COLUMNS}
        items={props.items}
        empty="No decision matches these filters."
      >
        {decision => <DecisionRow key={decision.id} decision={decision} />}
      </DataTable>
      <ServerPagination
        totalCount={props.total}
        page={query.page}
        pageSize={query.pageSize}
        pageSizes={PAGE_SIZES}
        onPage={props.onPage}
      />
    </>
  );
}
