import { Link } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ReadinessCheckInfo,
  ReadinessLevel,
  ReadinessSummary,
} from '@can-i-deploy/plugin-quality-gates-common';
import Chip from '@material-ui/core/Chip';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReadinessOverviewSort } from '../../../api/QualityGatesApi';
import { DataTable } from '../../shared/table/DataTable';
import { ServerPagination } from '../../shared/table/ServerPagination';
import { TruncatedText } from '../../shared/table/TruncatedText';
import { ReadinessLevelChip } from '../levels/ReadinessLevelChip';
import { useEntityLinks } from '../../shared/links/useEntityLinks';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { OverviewQuery, PAGE_SIZES } from './overviewQuery';

const useStyles = makeStyles(theme => ({
  entity: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  // Chips flow in lines across a column wide enough for two of them.
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    minWidth: '15em',
  },
  // Short values and headers stay on one line; the table scrolls instead.
  nowrap: {
    whiteSpace: 'nowrap',
  },
}));

interface Column {
  title: string;
  sort: ReadinessOverviewSort;
}

/**
 * Facts read together share a column (each sortable on its own line) so
 * the table fits a 1280 px screen with the failing checks readable.
 */
const COLUMNS: Array<Column | Column[] | string> = [
  [
    { title: 'Entity', sort: 'entityRef' },
    { title: 'Owner', sort: 'owner' },
  ],
  [
    { title: 'Kind', sort: 'kind' },
    { title: 'Lifecycle', sort: 'lifecycle' },
  ],
  [
    { title: 'Level', sort: 'level' },
    { title: 'Score', sort: 'score' },
  ],
  'Failing checks',
  [
    { title: 'Evaluated', sort: 'evaluatedAt' },
    { title: 'First seen', sort: 'firstSeenAt' },
  ],
];

function shortRef(ref: string, defaultKind: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind });
  } catch {
    return ref;
  }
}

function OverviewRow(props: {
  row: ReadinessSummary;
  levels: ReadinessLevel[];
  checkTitle: (checkId: string) => string;
  onFailingCheck: (checkId: string) => void;
}) {
  const classes = useStyles();
  const { entityPage, readinessTab } = useEntityLinks();
  const { row } = props;
  const name = row.title ?? shortRef(row.entityRef, row.kind);
  return (
    <TableRow data-entity-ref={row.entityRef}>
      <TableCell>
        <div className={classes.entity} data-role="entity">
          <TruncatedText text={`${name} (${row.entityRef})`} maxWidth="15em">
            <Link to={readinessTab(row.entityRef)}>{name}</Link>
          </TruncatedText>
          {row.isNew && <Chip size="small" color="primary" label="New" />}
        </div>
        <Typography variant="caption" color="textSecondary" component="div">
          {row.owner ? (
            <Link to={entityPage(row.owner)}>
              {shortRef(row.owner, 'group')}
            </Link>
          ) : (
            'no owner'
          )}
        </Typography>
      </TableCell>
      <TableCell className={classes.nowrap}>
        {row.kind}
        <Typography variant="caption" color="textSecondary" component="div">
          {row.lifecycle ?? '—'}
        </Typography>
      </TableCell>
      <TableCell className={classes.nowrap}>
        <ReadinessLevelChip levels={props.levels} level={row.level} />
        <Typography variant="caption" color="textSecondary" component="div">
          {row.score === null ? '—' : `${row.score}%`}
        </Typography>
      </TableCell>
      <TableCell>
        <div className={classes.chips}>
          {row.failingChecks.length === 0
            ? '—'
            : row.failingChecks.map(checkId => (
                <Chip
                  key={checkId}
                  size="small"
                  variant="outlined"
                  label={props.checkTitle(checkId)}
                  // Narrows the overview to every entity failing it.
                  clickable
                  title="Show every entity failing this check"
                  onClick={() => props.onFailingCheck(checkId)}
                />
              ))}
        </div>
      </TableCell>
      <TableCell className={classes.nowrap}>
        <RelativeTime iso={row.evaluatedAt} />
        <Typography variant="caption" color="textSecondary" component="div">
          first seen <RelativeTime iso={row.firstSeenAt} />
        </Typography>
      </TableCell>
    </TableRow>
  );
}

/**
 * One page of the overview. Sorting and paging happen on the server: a
 * click on a column header asks for that order.
 */
export function OverviewTable(props: {
  items: ReadinessSummary[];
  totalCount: number;
  levels: ReadinessLevel[];
  checks: ReadinessCheckInfo[];
  query: OverviewQuery;
  onSort: (sort: ReadinessOverviewSort, order: 'asc' | 'desc') => void;
  onPage: (page: number, pageSize: number) => void;
  onFailingCheck: (checkId: string) => void;
}) {
  const { query } = props;
  const checkTitle = (checkId: string) =>
    props.checks.find(check => check.id === checkId)?.title ?? checkId;

  const sortBy = (sort: ReadinessOverviewSort) => {
    const order =
      query.sort === sort && query.order !== 'desc' ? 'desc' : 'asc';
    props.onSort(sort, order);
  };

  const sortable = ({ title, sort }: Column) => ({
    title,
    direction:
      query.sort === sort ? query.order ?? ('asc' as const) : undefined,
    onSort: () => sortBy(sort),
  });
  const columns = COLUMNS.map(column => {
    if (typeof column === 'string') return column;
    if (Array.isArray(column)) return { sorts: column.map(sortable) };
    return sortable(column);
  });

  return (
    <>
      <DataTable
        label="Readiness of every entity"
        columns={columns}
        items={props.items}
        empty="No entity matches these filters."
      >
        {row => (
          <OverviewRow
            key={row.entityRef}
            row={row}
            levels={props.levels}
            checkTitle={checkTitle}
            onFailingCheck={props.onFailingCheck}
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
