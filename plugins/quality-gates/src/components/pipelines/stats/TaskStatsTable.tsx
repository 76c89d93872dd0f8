import {
  PipelineTaskStats,
  ciTaskKind,
} from '@can-i-deploy/plugin-quality-gates-common';
import TableCell from '@material-ui/core/TableCell';
import { formatDuration } from '../../shared/format/formatDuration';
import { ClickableRow } from '../../shared/table/ClickableRow';
import { DataTable } from '../../shared/table/DataTable';

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
    <DataTable label="Tasks" columns={COLUMNS} items={props.tasks}>
      {task => (
        <ClickableRow
          key={task.taskName}
          selected={task.taskName === props.shown}
          data-task={task.taskName}
          onClick={() => props.onShow(task.taskName)}
        >
          <TableCell>{task.taskName}</TableCell>
          <TableCell>
            {ciTaskKind(task.taskName, task.taskType) ?? '—'}
          </TableCell>
          <TableCell>{task.duration.count}</TableCell>
          <TableCell>{seconds(task.duration.p50Seconds)}</TableCell>
          <TableCell>{seconds(task.duration.p95Seconds)}</TableCell>
          <TableCell>{task.failed}</TableCell>
        </ClickableRow>
      )}
    </DataTable>
  );
}
