import { Link } from '@backstage/core-components';
import { PipelineRunSummary } from '@can-i-deploy/plugin-quality-gates-common';
import Button from '@material-ui/core/Button';
import TableCell from '@material-ui/core/TableCell';
import { makeStyles } from '@material-ui/core/styles';
import { formatDuration } from '../../shared/format/formatDuration';
import { RelativeTime } from '../../shared/format/RelativeTime';
import { ClickableRow, keepFromRow } from '../../shared/table/ClickableRow';
import { DataTable } from '../../shared/table/DataTable';
import { ServerPagination } from '../../shared/table/ServerPagination';
import { PAGE_SIZES, PipelinesQuery } from '../query/pipelinesQuery';
import { formatRef, shortSha } from './formatRef';
import { PipelineResultChip } from '../../shared/pipelines/PipelineResultChip';

const useStyles = makeStyles(theme => ({
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
  const runName = `#${run.runId ?? run.externalId}${
    run.runAttempt && run.runAttempt > 1 ? ` (attempt ${run.runAttempt})` : ''
  }`;
  return (
    <ClickableRow
      selected={props.selected}
      data-run={run.id}
      onClick={() => props.onSelect(run)}
    >
      <TableCell>{run.pipelineName}</TableCell>
      <TableCell className={classes.nowrap}>
        {run.url ? (
          <Link to={run.url} onClick={keepFromRow}>
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
              keepFromRow(event);
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
              keepFromRow(event);
              props.onSelect(run);
            }}
          >
            Trace
          </Button>
        ) : (
          '—'
        )}
      </TableCell>
    </ClickableRow>
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
  const { query } = props;
  return (
    <>
      <DataTable
        label="Pipeline runs"
        columns={COLUMNS}
        items={props.items}
        empty="No run matches these filters in this range."
      >
        {run => (
          <RunRow
            key={run.id}
            run={run}
            selected={run.id === query.run}
            onSelect={props.onSelect}
            onOpenPath={props.onOpenPath}
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
