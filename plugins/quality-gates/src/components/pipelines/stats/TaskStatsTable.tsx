import { PipelineTaskStats } from '@can-i-deploy/plugin-quality-gates-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatDuration } from '../../dora/format/formatDuration';

const COLUMNS = ['Task', 'Type', 'Runs', 'p50', 'p95', 'Failures'];

function seconds(value: number | null): string {
  return value === null ? '—' : formatDuration(value);
}

/** Each task of a pipeline over the range; a row shows its trend. */
export function TaskStatsTable(props: {
  tasks: PipelineTaskStats[];
  shown?: string;
  onShow: (taskName: string) => void;
}) {
  if (props.tasks.length === 0) {
    return (
      <>
        No task spans were received for this pipeline: its runs carry no trace,
        or their spans name no CI task.
      </>
    );
  }
  return (
    <TableContainer>
      <Table size="small" aria-label="Tasks">
        <TableHead>
          <TableRow>
            {COLUMNS.map(title => (
              <TableCell key={title}>{title}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.tasks.map(task => {
            const shown = task.taskName === props.shown;
            return (
              <TableRow
                key={task.taskName}
                hover
                selected={shown}
                aria-selected={shown}
                style={{ cursor: 'pointer' }}
                data-task={task.taskName}
                onClick={() => props.onShow(task.taskName)}
              >
                <TableCell>{task.taskName}</TableCell>
                <TableCell>{task.taskType ?? '—'}</TableCell>
                <TableCell>{task.duration.count}</TableCell>
                <TableCell>{seconds(task.duration.p50Seconds)}</TableCell>
                <TableCell>{seconds(task.duration.p95Seconds)}</TableCell>
                <TableCell>{task.failed}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
