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
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    minWidth: 200,
  },
  // Short values and headers stay on one line; the table scrolls instead.
  nowrap: {
    whiteSpace: 'nowrap',
  },
}));

interface Column {
  title: string;
  sort?: ReadinessOverviewSort;
}

const COLUMNS: Column[] = [
  { title: 'Entity', sort: 'entityRef' },
  { title: 'Kind', sort: 'kind' },
  { title: 'Lifecycle', sort: 'lifecycle' },
  { title: 'Owner', sort: 'owner' },
  { title: 'Level', sort: 'level' },
  { title: 'Score', sort: 'score' },
  { title: 'Failing checks' },
  { title: 'Evaluated', sort: 'evaluatedAt' },
  { title: 'First seen', sort: 'firstSeenAt' },
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
        <div className={classes.entity}>
          <TruncatedText text={name} maxWidth="16em">
            <Link to={readinessTab(row.entityRef)}>{name}</Link>
          </TruncatedText>
          {row.isNew && <Chip size="small" color="primary" label="New" />}
        </div>
        <Typography variant="caption" color="textSecondary" component="div">
          <TruncatedText text={row.entityRef} maxWidth="20em" />
        </Typography>
      </TableCell>
      <TableCell className={classes.nowrap}>{row.kind}</TableCell>
      <TableCell className={classes.nowrap}>{row.lifecycle ?? '—'}</TableCell>
      <TableCell className={classes.nowrap}>
        {row.owner ? (
          <Link to={entityPage(row.owner)}>{shortRef(row.owner, 'group')}</Link>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell className={classes.nowrap}>
        <ReadinessLevelChip levels={props.levels} level={row.level} />
      </TableCell>
      <TableCell className={classes.nowrap}>
        {row.score === null ? '—' : `${row.score}%`}
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
      </TableCell>
      <TableCell className={classes.nowrap}>
        <RelativeTime iso={row.firstSeenAt} />
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

  const columns = COLUMNS.map(({ title, sort }) =>
    sort
      ? {
          title,
          direction:
            query.sort === sort ? query.order ?? ('asc' as const) : undefined,
          onSort: () => sortBy(sort),
        }
      : title,
  );

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
