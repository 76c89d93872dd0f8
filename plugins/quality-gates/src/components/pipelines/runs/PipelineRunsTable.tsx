import { Link } from '@backstage/core-components';
import { PipelineRunSummary } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { formatDuration } from '../../dora/format/formatDuration';
import { RelativeTime } from '../../readiness/time/RelativeTime';
import { PAGE_SIZES, PipelinesQuery } from '../query/pipelinesQuery';
import { formatRef, shortSha } from './formatRef';
import { PipelineResultChip } from './PipelineResultChip';

const useStyles = makeStyles(theme => ({
  row: {
    cursor: 'pointer',
  },
  nowrap: {
    whiteSpace: 'nowrap',
  },
  sha: {
    fontFamily: 'monospace',
    textTransform: 'none',
    minWidth: 0,
    padding: theme.spacing(0, 0.5),
  },
}));

const COLUMNS = [
  'Pipeline',
  'Run',
  'Ref',
  'Commit',
  'Result',
  'Started',
  'Duration',
  'Queued',
  'Trace',
];

function seconds(value: number | undefined): string {
  return value === undefined ? '—' : formatDuration(value);
}

function RunRow(props: {
  run: PipelineRunSummary;
  selected: boolean;
  onSelect: (run: PipelineRunSummary) => void;
  onOpenPath: (sha: string) => void;
}) {
  const classes = useStyles();
  const { run } = props;
  // Links and buttons inside the row do their own thing.
  const stop = (event: { stopPropagation: () => void }) =>
    event.stopPropagation();
  const runName = `#${run.runId ?? run.externalId}${
    run.runAttempt && run.runAttempt > 1 ? ` (attempt ${run.runAttempt})` : ''
  }`;
  return (
    <TableRow
      hover
      selected={props.selected}
      aria-selected={props.selected}
      className={classes.row}
      data-run={run.id}
      onClick={() => props.onSelect(run)}
    >
      <TableCell>{run.pipelineName}</TableCell>
      <TableCell className={classes.nowrap}>
        {run.url ? (
          <Link to={run.url} onClick={stop}>
            {runName}
          </Link>
        ) : (
          runName
        )}
      </TableCell>
      <TableCell>{formatRef(run.ref)}</TableCell>
      <TableCell>
        {run.sha ? (
          <Button
            size="small"
            className={classes.sha}
            title="Path to production of this commit"
            aria-label={`Path of ${shortSha(run.sha)} to production`}
            onClick={event => {
              stop(event);
              props.onOpenPath(run.sha!);
            }}
          >
            {shortSha(run.sha)}
          </Button>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell>
        <PipelineResultChip result={run.result} />
      </TableCell>
      <TableCell className={classes.nowrap}>
        <RelativeTime iso={run.startedAt} />
      </TableCell>
      <TableCell className={classes.nowrap}>
        {seconds(run.durationSeconds)}
      </TableCell>
      <TableCell className={classes.nowrap}>
        {seconds(run.queueSeconds)}
      </TableCell>
      <TableCell>
        {run.traceId ? (
          <Button
            size="small"
            aria-label={`Trace of ${run.pipelineName} ${runName}`}
            onClick={event => {
              stop(event);
              props.onSelect(run);
            }}
          >
            Trace
          </Button>
        ) : (
          '—'
        )}
      </TableCell>
    </TableRow>
  );
}

/** One page of runs, newest first; paging happens on the server. */
export function PipelineRunsTable(props: {
  items: PipelineRunSummary[];
  totalCount: number;
  query: PipelinesQuery;
  onSelect: (run: PipelineRunSummary) => void;
  onOpenPath: (sha: string) => void;
  onPage: (page: number, pageSize: number) => void;
}) {
  const classes = useStyles();
  const { query } = props;
  return (
    <>
      <TableContainer>
        <Table size="small" aria-label="Pipeline runs">
          <TableHead>
            <TableRow>
              {COLUMNS.map(title => (
                <TableCell key={title} className={classes.nowrap}>
                  {title}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {props.items.map(run => (
              <RunRow
                key={run.id}
                run={run}
                selected={run.id === query.run}
                onSelect={props.onSelect}
                onOpenPath={props.onOpenPath}
              />
            ))}
            {props.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  No run matches these filters in this range.
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
